#!/usr/bin/env node
// Runs every package's jest tests with coverage (a text summary; thresholds in jest.config.js; extra
// arguments go to jest) and ends with the plain line "N passed, N failed" that CI reads, taken from
// jest's own JSON report. A coverage threshold missed makes the run fail.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-jest-')), 'report.json');
const jestBin = require.resolve('jest/bin/jest');
const args = [jestBin, '--coverage', '--json', `--outputFile=${report}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: path.join(__dirname, '..') });

let passed = 0;
let failed = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
