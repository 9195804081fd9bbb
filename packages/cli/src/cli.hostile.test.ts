// Hostile and broken command lines, as a table, on the built executable: each must exit 2 with a
// clear message on stderr (no stack trace), print nothing on stdout and leave no file behind.
import fs from 'fs';
import path from 'path';
import { hasStackTrace, runCli, tempDir } from './test-support/run-cli';

const ARTICLE = ['a = i*w; C = (a - y)^2', '--at', 'i=1.5,w=0.8,y=0.5'];
const UNWRITABLE = '/dev/null/sub'; // a path below a file: no folder can be made there, even as root

/** [case, arguments (run in a fresh empty folder), message on stderr]. */
const cases: [string, string[], RegExp][] = [
  ['no command', [], /Usage: chainrule|command/i],
  ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
  ['an unknown flag', ['grad', 'x', '--at', 'x=1', '--frob'], /unknown option '--frob'/],
  ['grad without its formula', ['grad'], /missing required argument 'expr'/],
  ['grad without a value for a variable', ['grad', 'x*y', '--at', 'x=1'], /no value for "y".*--at y=1/],
  [
    'grad with a value that is not a number',
    ['grad', 'x', '--at', 'x=abc'],
    /--at x=abc: "abc" is not a finite number/,
  ],
  ['grad with NaN', ['grad', 'x', '--at', 'x=NaN'], /"NaN" is not a finite number/],
  ['grad with Infinity', ['grad', 'x', '--at', 'x=-Infinity'], /"-Infinity" is not a finite number/],
  [
    'grad with one variable given twice (contradictory)',
    ['grad', 'x', '--at', 'x=1', '--at', 'x=2'],
    /gives "x" twice/,
  ],
  [
    'grad with a value for an unknown variable',
    ['grad', 'x', '--at', 'x=1,z=2'],
    /value is given for "z", which the expression does not use/,
  ],
  ['grad of a syntax error', ['grad', 'x +* 2', '--at', 'x=1'], /Value expected/],
  ['grad of a prototype name', ['grad', 'x.constructor', '--at', 'x=1'], /@chainrule\/expr: /],
  ['grad of a function call that runs code', ['grad', 'import("fs")'], /@chainrule\/expr: /],
  [
    'grad of parentheses 6000 deep',
    ['grad', '('.repeat(6000) + 'x' + ')'.repeat(6000), '--at', 'x=1'],
    /nested more than 200 deep/,
  ],
  ['check with nothing to check', ['check', 'x^2', '--at', 'x=1'], /nothing to check/],
  [
    'check with --manual for an unknown variable',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'q=2*x'],
    /"q" is not a variable/,
  ],
  [
    'check with a negative --tol',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'x=2*x', '--tol', '-1'],
    /--tol must be a number >= 0/,
  ],
  [
    'check with --points not a number',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'x=2*x', '--points', 'abc'],
    /--points must be a whole number/,
  ],
  [
    'check with a fractional --seed',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'x=2*x', '--seed', '1.5'],
    /--seed must be a whole number/,
  ],
  [
    'check -o in an unwritable folder',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'x=x', '-o', `${UNWRITABLE}/g.svg`],
    /cannot write|does not exist/,
  ],
  ['viz without -o', ['viz', ...ARTICLE], /required option '-o, --out <file>'/],
  ['viz to an unknown format', ['viz', ...ARTICLE, '-o', 'graph.png'], /Use one of: \.svg \.html/],
  ['viz to a path without extension', ['viz', ...ARTICLE, '-o', 'graph'], /cannot tell the format of graph/],
  ['viz into an unwritable folder', ['viz', ...ARTICLE, '-o', `${UNWRITABLE}/g.svg`], /cannot write .*does not exist/],
  [
    'viz with contradictory --colour and --color',
    ['viz', ...ARTICLE, '-o', 'g.svg', '--colour', 'light', '--color', 'dark'],
    /contradict/,
  ],
  [
    'viz with --precision 0',
    ['viz', ...ARTICLE, '-o', 'g.svg', '--precision', '0'],
    /--precision must be a whole number from 1 to 17/,
  ],
  [
    'viz with an unknown --labels',
    ['viz', ...ARTICLE, '-o', 'g.svg', '--labels', 'weird'],
    /Allowed choices are local, contribution, both, none/,
  ],
  [
    'viz of a graph too large to draw ungrouped',
    ['viz', 'x+'.repeat(4000) + 'x', '--at', 'x=1', '-o', 'g.svg', '--group', 'never'],
    /more than maxNodes/,
  ],
  ['train an unknown model', ['train', 'frob'], /Allowed choices are perceptron, moons/],
  ['train with negative --steps', ['train', 'perceptron', '--steps', '-1'], /--steps must be a whole number from 1/],
  ['train with a negative --lr', ['train', 'perceptron', '--lr', '-1'], /--lr must be a positive number/],
  [
    'train into an unwritable folder',
    ['train', 'perceptron', '--steps', '3', '--out', UNWRITABLE],
    /cannot create the folder/,
  ],
  ['demo into an unwritable folder', ['demo', '--out', UNWRITABLE], /cannot create the folder \/dev\/null\/sub/],
];

describe('hostile command lines: exit 2, a clear message, no stack trace, no output file', () => {
  it.each(cases)('%s', (_name, args, message) => {
    const dir = tempDir();
    const run = runCli(args, { cwd: dir });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(run.stderr.length).toBeLessThan(2000);
    if (args.length > 0) expect(run.stdout).toBe('');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a failed write never replaces an existing file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'g.svg');
    fs.writeFileSync(file, 'old');
    const run = runCli(['viz', 'x+'.repeat(4000) + 'x', '--at', 'x=1', '-o', file, '--group', 'never'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['g.svg']);
  });
});
