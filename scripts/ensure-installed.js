#!/usr/bin/env node
// Runs before `npm start` and `npm test`: on a fresh clone (no node_modules yet) it installs the
// locked dependencies with `npm ci`, so the README's two quick-start commands work as they are.
// Plain Node only: nothing here may need a dependency.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) {
  console.log('chainrule: first run — installing dependencies with `npm ci` (about a minute)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('chainrule: `npm ci` failed; fix the error above and run the command again.');
    process.exit(run.status ?? 1);
  }
}
