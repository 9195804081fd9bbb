/**
 * Start-up benchmark of the built `chainrule` executable: wall time of `chainrule grad` from process
 * start to exit (target: at most 0.5 s), next to a bare `node -e ""` for scale, with the CPU time
 * (user + system, from /usr/bin/time when present: on a busy machine it says more than the wall
 * time, which includes waiting for a core); then how fast
 * @chainrule/expr rejects hostile input (it must fail cleanly and fast). Run after `npm run build`:
 * `npm run bench:cli` (or `npm run bench -w @chainrule/cli`).
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { parseExpression, symbolicDerivative } from '@chainrule/expr';

const TARGET_SECONDS = 0.5;
const RUNS = 9;
const bin = path.resolve(__dirname, '../../packages/cli/dist/bin.js');

const TIME = '/usr/bin/time';
const haveTime = fs.existsSync(TIME);

/** Wall seconds of one run, and CPU seconds (user + system) when /usr/bin/time is there, else NaN. */
function runOnce(args: string[]): { wall: number; cpu: number } {
  const [command, commandArgs] = haveTime
    ? [TIME, ['-f', 'cpu %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const start = process.hrtime.bigint();
  const run = spawnSync(command, commandArgs, { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`bench:cli: ${args.join(' ')} exited with ${run.status}: ${run.stderr}`);
  const match = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { wall, cpu: match ? Number(match[1]) + Number(match[2]) : NaN };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(label: string, args: string[]): number {
  runOnce(args); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => runOnce(args));
  const times = runs.map((r) => r.wall);
  const m = median(times);
  const cpu = median(runs.map((r) => r.cpu));
  const cpuText = Number.isNaN(cpu) ? '' : `  cpu ${cpu.toFixed(3)} s`;
  console.log(
    `${label.padEnd(40)} wall median ${m.toFixed(3)} s  min ${times.reduce((a, b) => Math.min(a, b)).toFixed(3)} s  max ${times.reduce((a, b) => Math.max(a, b)).toFixed(3)} s${cpuText}`,
  );
  return m;
}

if (!fs.existsSync(bin)) {
  console.error(`bench:cli: ${bin} is missing. Run \`npm run build\` first.`);
  process.exit(2);
}
const baseline = measure('node -e "" (baseline)', ['-e', '']);
measure('chainrule --help', [bin, '--help']);
const grad = measure('chainrule grad "x^2*y" --at x=3,y=2', [bin, 'grad', 'x^2*y', '--at', 'x=3,y=2']);
measure('chainrule grad (article, --json)', [
  bin,
  'grad',
  'a = i*w; C = (a - y)^2',
  '--at',
  'i=1.5,w=0.8,y=0.5',
  '--json',
]);
const ok = grad <= TARGET_SECONDS;
console.log(
  `chainrule grad start-up: ${grad.toFixed(3)} s, ${(grad - baseline).toFixed(3)} s over a bare node start ` +
    `(target <= ${TARGET_SECONDS} s): ${ok ? 'ok' : 'OVER TARGET'}`,
);

const hostile: [string, string][] = [
  ['1 MB of input', 'x+'.repeat(500_000)],
  ['6,000 nested parentheses', '('.repeat(6000) + 'x' + ')'.repeat(6000)],
  ['a power tower of 30,000', 'x^'.repeat(30_000) + 'x'],
  ['a 64 KB sum (parsed; symbolic refuses)', 'x+'.repeat(32_767) + 'x'],
];
parseExpression('x', { x: 1 }); // load mathjs before timing
for (const [name, src] of hostile) {
  const start = performance.now();
  let outcome = 'accepted';
  try {
    parseExpression(src, { x: 1 });
    symbolicDerivative(src, 'x');
  } catch (error) {
    outcome = `rejected (${(error as { kind?: string }).kind ?? 'error'})`;
  }
  console.log(`expr: ${name.padEnd(40)} ${outcome.padEnd(22)} ${(performance.now() - start).toFixed(1)} ms`);
}
process.exitCode = ok ? 0 : 1;
