/**
 * Builds the browser bundles of @chainrule/viz with esbuild (run by `npm run build` in
 * packages/viz): dist/browser/chainrule.mjs, an ESM bundle of core + viz with d3 and graphology
 * included, and dist/browser/page.js, the explorer page script that renderHtml inlines.
 */
import { buildSync } from 'esbuild';
import fs from 'fs';
import path from 'path';
import { browserDistDir, esmBundleOptions, pageBundleOptions } from '../packages/viz/src/page/bundle-config';

for (const options of [esmBundleOptions, pageBundleOptions]) {
  buildSync(options);
  const file = options.outfile as string;
  const kib = (fs.statSync(file).size / 1024).toFixed(0);
  console.log(`@chainrule/viz: wrote ${path.relative(process.cwd(), file)} (${kib} KiB)`);
}
console.log(`@chainrule/viz: browser bundles are in ${path.relative(process.cwd(), browserDistDir)}`);
