/**
 * esbuild settings for the two browser bundles of @chainrule/viz, shared by scripts/build-bundle.ts
 * (`npm run build`) and by renderHtml when it runs from sources: the ESM bundle of core + viz for
 * `<script type="module">` pages and notebooks, and the explorer page's own script (an IIFE).
 */
import path from 'path';
import type { BuildOptions } from 'esbuild';

/** packages/viz */
const packageDir = path.resolve(__dirname, '../..');

/** packages/viz/dist/browser: where `npm run build` writes both bundles. */
export const browserDistDir = path.join(packageDir, 'dist', 'browser');

/** The ESM bundle: core + the browser-safe parts of viz, d3 and graphology included. */
export const esmBundleOptions: BuildOptions = {
  entryPoints: [path.join(__dirname, 'browser-entry.ts')],
  outfile: path.join(browserDistDir, 'chainrule.mjs'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

/** The explorer page's script, inlined by renderHtml. */
export const pageBundleOptions: BuildOptions = {
  entryPoints: [path.join(__dirname, 'client.ts')],
  outfile: path.join(browserDistDir, 'page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
