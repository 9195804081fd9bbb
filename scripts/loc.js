#!/usr/bin/env node
// Line counts per package (`npm run loc`): non-blank source and test lines of TypeScript, checked
// against the budgets in scripts/loc-budget.json so that growth past them is a decision (raise the
// budget in the same commit, saying why) rather than drift. Exits 1 when a package is over budget.
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const budgets = JSON.parse(fs.readFileSync(path.join(__dirname, 'loc-budget.json'), 'utf8'));

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
  rows.push({
    name: `@chainrule/${name}`,
    files: source.length,
    source: source.reduce((n, f) => n + lines(f), 0),
    test: tests.reduce((n, f) => n + lines(f), 0),
  });
}
for (const dir of ['examples', 'scripts']) {
  const all = files(path.join(root, dir));
  rows.push({ name: dir + '/', files: all.length, source: all.reduce((n, f) => n + lines(f), 0), test: 0 });
}

console.log('package              files   source lines   budget   test lines');
const over = [];
for (const row of rows) {
  const budget = budgets[row.name];
  if (budget === undefined) over.push(`${row.name} has no budget in scripts/loc-budget.json`);
  else if (row.source > budget) over.push(`${row.name}: ${row.source} source lines, budget ${budget}`);
  console.log(
    `${row.name.padEnd(20)} ${String(row.files).padStart(5)}   ${String(row.source).padStart(12)}   ${String(budget ?? '-').padStart(6)}   ${String(row.test).padStart(10)}`,
  );
}
const total = rows.reduce((acc, r) => [acc[0] + r.source, acc[1] + r.test], [0, 0]);
console.log(
  `${'total'.padEnd(20)} ${''.padStart(5)}   ${String(total[0]).padStart(12)}   ${''.padStart(6)}   ${String(total[1]).padStart(10)}`,
);
if (over.length > 0) {
  console.error(
    `\nloc: over budget:\n  ${over.join('\n  ')}\nSplit or simplify, or raise the budget in scripts/loc-budget.json in the same commit and say why.`,
  );
  process.exit(1);
}
