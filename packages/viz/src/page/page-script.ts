/**
 * The explorer page's script as a string for renderHtml to inline: read from the bundle that
 * `npm run build` wrote (dist/browser/page.js), or, when running from TypeScript sources (tests,
 * ts-node), bundled on the spot with esbuild so it always matches the sources.
 */
import fs from 'fs';
import path from 'path';
import { pageBundleOptions } from './bundle-config';

let cached: string | undefined;

/** The page script (cached for the life of the process). */
export function pageScript(): string {
  cached ??= path.extname(__filename) === '.ts' ? bundleFromSources() : readBuiltBundle();
  return cached;
}

function bundleFromSources(): string {
  // esbuild is a dev dependency: only needed when running from sources.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({ ...pageBundleOptions, write: false, outfile: undefined, outdir: undefined });
  return result.outputFiles[0].text;
}

function readBuiltBundle(): string {
  const file = path.join(__dirname, '..', 'browser', 'page.js');
  if (!fs.existsSync(file)) {
    throw new Error(
      `@chainrule/viz/renderHtml: the page script ${file} is missing. Run \`npm run build\` in packages/viz (it writes dist/browser/).`,
    );
  }
  return fs.readFileSync(file, 'utf8');
}
