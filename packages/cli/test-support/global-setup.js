// Before the CLI tests: make sure the packages the executable loads at run time (core, nn, viz) have
// an up-to-date dist/ (compiling those that are missing or older than their sources), then bundle
// dist/bin.js from the current sources. In CI `npm run build` has already run and only the bundle
// step does work. Type errors in a sibling do not stop its JavaScript from being emitted; they are
// its own tests' business, so they are reported here but do not abort the CLI tests.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const packagesDir = path.resolve(__dirname, '../..');
const repoDir = path.resolve(packagesDir, '..');

function newestSource(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const current = stack.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const file = path.join(current, entry.name);
      if (entry.isDirectory()) stack.push(file);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  }
  return newest;
}

function isFresh(file, dir) {
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= newestSource(path.join(dir, 'src'));
}

/** viz's explorer page script (dist/browser/page.js), which renderHtml inlines. */
function ensureVizPage() {
  const dir = path.join(packagesDir, 'viz');
  if (isFresh(path.join(dir, 'dist', 'browser', 'page.js'), dir)) return;
  process.stdout.write('\n@chainrule/cli tests: bundling the @chainrule/viz page script\n');
  const tsNode = require.resolve('ts-node/dist/bin.js');
  execFileSync(process.execPath, [tsNode, 'scripts/build-bundle.ts'], { cwd: repoDir, stdio: 'pipe' });
}

function ensureBuilt(name) {
  const dir = path.join(packagesDir, name);
  const entry = path.join(dir, 'dist', 'index.js');
  if (isFresh(entry, dir)) return;
  process.stdout.write(`\n@chainrule/cli tests: compiling @chainrule/${name} (dist is missing or older than src)\n`);
  const tsc = require.resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.build.json')], { cwd: repoDir, stdio: 'pipe' });
  } catch (error) {
    process.stdout.write(
      `@chainrule/cli tests: @chainrule/${name} has type errors (JavaScript emitted anyway):\n${error.stdout}\n`,
    );
  }
  if (!fs.existsSync(entry)) throw new Error(`@chainrule/cli tests: could not build ${entry}; run \`npm run build\`.`);
}

module.exports = async function globalSetup() {
  for (const name of ['core', 'nn', 'viz']) ensureBuilt(name);
  ensureVizPage();
  require('../scripts/bundle.js').bundle();
};
