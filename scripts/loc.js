#!/usr/bin/env node
// Line-count report per package (`npm run loc`): source and test lines of TypeScript, so that
// growth is visible in every CI run.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
function files(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : files(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
function lines(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '').length;
}

const rows = [];
for (const name of fs.readdirSync(path.join(root, 'packages')).sort()) {
  const all = files(path.join(root, 'packages', name, 'src'));
  const tests = all.filter((f) => /\.test\.ts$/.test(f));
  const source = all.filter((f) => !tests.includes(f));
  rows.push([
    `@chainrule/${name}`,
    source.length,
    source.reduce((n, f) => n + lines(f), 0),
    tests.reduce((n, f) => n + lines(f), 0),
  ]);
}
for (const dir of ['examples', 'scripts']) {
  const all = files(path.join(root, dir));
  rows.push([dir + '/', all.length, all.reduce((n, f) => n + lines(f), 0), 0]);
}
console.log('package              files   source lines   test lines');
for (const [name, count, source, test] of rows) {
  console.log(
    `${name.padEnd(20)} ${String(count).padStart(5)}   ${String(source).padStart(12)}   ${String(test).padStart(10)}`,
  );
}
const total = rows.reduce((acc, r) => [acc[0] + r[2], acc[1] + r[3]], [0, 0]);
console.log(
  `${'total'.padEnd(20)} ${''.padStart(5)}   ${String(total[0]).padStart(12)}   ${String(total[1]).padStart(10)}`,
);
