#!/usr/bin/env node
// Bundles the `chainrule` executable (dist/bin.js) with esbuild, after tsc has built dist/.
// Bundled: the CLI's own sources, @chainrule/expr and only the parts of mathjs it imports (loading
// all of mathjs takes about a second; the tree-shaken part keeps `chainrule grad` quick to start).
// External: @chainrule/core, nn and viz (one shared copy of the engine, resolved from their dist/),
// commander and cli-progress.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const packageDir = path.resolve(__dirname, '..');
const repoDir = path.resolve(packageDir, '../..');
const outfile = path.join(packageDir, 'dist', 'bin.js');

function bundle() {
  esbuild.buildSync({
    entryPoints: [path.join(packageDir, 'src', 'bin.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    tsconfig: path.join(repoDir, 'tsconfig.json'),
    external: ['@chainrule/core', '@chainrule/nn', '@chainrule/viz', 'commander', 'cli-progress'],
    logLevel: 'warning',
  });
  fs.chmodSync(outfile, 0o755);
  fs.rmSync(`${outfile}.map`, { force: true }); // tsc's map describes the unbundled file

  return outfile;
}

module.exports = { bundle, outfile };

if (require.main === module) {
  bundle();
  const kib = (fs.statSync(outfile).size / 1024).toFixed(0);
  console.log(`@chainrule/cli: wrote ${path.relative(process.cwd(), outfile)} (${kib} KiB)`);
}
