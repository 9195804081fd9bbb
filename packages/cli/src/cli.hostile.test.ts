// Hostile and broken command lines, as a table, on the built executable: each must exit 2 with a
// clear message on stderr (no stack trace), print nothing on stdout and leave no file behind.
import fs from 'fs';
import path from 'path';
import { spawn, spawnSync } from 'child_process';
import { BIN, hasStackTrace, runCli, tempDir } from './test-support/run-cli';

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
  ['viz without -o or --frames', ['viz', ...ARTICLE], /say where to draw: -o <file>/],
  ['viz to an unknown format', ['viz', ...ARTICLE, '-o', 'graph.pdf'], /Use one of: \.svg \.png \.html/],
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
    /cannot use the folder \/dev\/null\/sub: \/dev\/null is a file, not a folder/,
  ],
  [
    'demo into an unwritable folder',
    ['demo', '--out', UNWRITABLE],
    /cannot use the folder \/dev\/null\/sub: \/dev\/null is a file, not a folder/,
  ],
  // Every count from outside has an upper bound, stated in the message.
  [
    'check with --points 1e9',
    ['check', 'x*y', '--at', 'x=1,y=2', '--manual', 'x=y', '--points', '1e9'],
    /--points must be a whole number from 0 to 10000; got "1e9"/,
  ],
  [
    'check with --seed past 32 bits',
    ['check', 'x^2', '--at', 'x=1', '--manual', 'x=2*x', '--seed', '1e20'],
    /--seed must be a whole number from 0 to 4294967295/,
  ],
  [
    'viz -o a path of 100,000 characters',
    ['viz', 'x', '--at', 'x=1', '-o', 'a'.repeat(100_000) + '.svg'],
    /the path "a{40}…" is 100004 characters long, over the limit of 4096/,
  ],
  [
    'train --out a path of 100,000 characters',
    ['train', 'perceptron', '--out', 'b'.repeat(100_000)],
    /over the limit of 4096/,
  ],
  [
    'train with --steps 100001',
    ['train', 'perceptron', '--steps', '100001'],
    /--steps must be a whole number from 1 to 100000/,
  ],
  [
    'train with --seed past 32 bits',
    ['train', 'moons', '--seed', '4294967296'],
    /--seed must be a whole number from 0 to 4294967295/,
  ],
  // Output folders that cannot be made are refused at once, before any training.
  [
    'train --out /proc/plots',
    ['train', 'perceptron', '--out', '/proc/plots'],
    /cannot create the folder \/proc\/plots/,
  ],
  ['demo --out /proc/demo', ['demo', '--out', '/proc/demo'], /cannot create the folder \/proc\/demo/],
  [
    'train --out below /proc, two folders deep',
    ['train', 'moons', '--out', '/proc/a/b'],
    /cannot create the folder \/proc\/a/,
  ],
];

describe('hostile command lines: exit 2, a clear message, no stack trace, no output file', () => {
  it.each(cases)('%s', (_name, args, message) => {
    const dir = tempDir();
    const start = Date.now();
    const run = runCli(args, { cwd: dir });
    expect(Date.now() - start).toBeLessThan(5000);
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

describe('a file in the way of an output folder', () => {
  it.each([
    ['train', ['train', 'perceptron', '--steps', '2', '--out', 'plots/deeper']],
    ['demo', ['demo', '--out', 'plots/deeper']],
  ])('%s is refused at once and the file is left alone', (_name, args) => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plots'), 'mine');
    const run = runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plots is a file, not a folder/);
    expect(run.stdout).toBe('');
    expect(fs.readFileSync(path.join(dir, 'plots'), 'utf8')).toBe('mine');
  });
});

describe('commands that write several files write them all or none', () => {
  it('train: when descent.svg cannot be written, loss.svg keeps its old contents', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'loss.svg'), 'old loss');
    fs.mkdirSync(path.join(dir, 'descent.svg'));
    fs.writeFileSync(path.join(dir, 'descent.svg', 'x'), '');
    const run = runCli(['train', 'perceptron', '--steps', '2', '--out', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/descent\.svg: it is a folder/);
    expect(fs.readFileSync(path.join(dir, 'loss.svg'), 'utf8')).toBe('old loss');
    expect(fs.readdirSync(dir).sort()).toEqual(['descent.svg', 'loss.svg']);
  });

  it('demo: when seed.html cannot be written, the other pictures keep their old contents', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out', 'seed-graph.svg'), 'old graph');
    fs.mkdirSync(path.join(dir, 'out', 'seed.html'));
    fs.writeFileSync(path.join(dir, 'out', 'seed.html', 'x'), '');
    const run = runCli(['demo', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/seed\.html: it is a folder/);
    expect(fs.readFileSync(path.join(dir, 'out', 'seed-graph.svg'), 'utf8')).toBe('old graph');
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['seed-graph.svg', 'seed.html']);
  });

  it('a train refused for a bad flag makes no folder', () => {
    const dir = tempDir();
    const run = runCli(['train', 'perceptron', '--steps', '2', '--out', 'new/plots', '--lr', 'x'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('train perceptron --steps 1001 (inside 1-100000) trains and writes both plots', () => {
    const dir = tempDir();
    const run = runCli(['train', 'perceptron', '--steps', '1001', '--json'], { cwd: dir });
    expect(run.stderr).not.toMatch(/plotDescent/);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).plots).toEqual(['loss.svg', 'descent.svg']);
    expect(fs.readFileSync(path.join(dir, 'descent.svg'), 'utf8')).toMatch(/the first 1000 of 1001 steps/);
  });
});

describe('writes never follow a planted symlink', () => {
  it('viz -o over a symlink replaces the link and leaves its target alone', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'victim'), 'precious');
    fs.symlinkSync(path.join(dir, 'victim'), path.join(dir, 'g.svg'));
    for (let pid = 1; pid < 200; pid++) fs.symlinkSync(path.join(dir, 'victim'), path.join(dir, `.g.svg.${pid}.tmp`));
    const run = runCli(['viz', ...ARTICLE, '-o', 'g.svg'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'victim'), 'utf8')).toBe('precious');
    expect(fs.lstatSync(path.join(dir, 'g.svg')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'g.svg'), 'utf8')).toMatch(/^<svg/);
  });
});

describe('a formula that starts with a minus sign', () => {
  it.each([
    ['first', ['grad', '-x^2', '--at', 'x=3', '--json']],
    ['after the options', ['grad', '--at', 'x=3', '--json', '-x^2']],
    ['after --', ['grad', '--at', 'x=3', '--json', '--', '-x^2']],
  ])('is read as the formula when it comes %s', (_name, args) => {
    const run = runCli(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).gradients).toEqual({ x: -6 });
  });

  it('one that starts with "--" is an unknown option, with the way to pass it as a formula', () => {
    const run = runCli(['grad', '--x^2', '--at', 'x=3']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--x\^2'/);
    expect(run.stderr).toMatch(/if --x\^2 is a formula, put it last, behind "--"/);
    const fixed = runCli(['grad', '--at', 'x=3', '--json', '--', '--x^2']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).gradients).toEqual({ x: 6 });
  });

  it('viz and check read it too, and their own short options still work', () => {
    const dir = tempDir();
    expect(runCli(['viz', '-x*y', '--at', 'x=1,y=2', '-o', 'g.dot'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'g.dot'), 'utf8')).toMatch(/digraph/);
    const check = runCli(['check', '-x^2', '--at', 'x=3', '--manual', 'x=-2*x', '--json']);
    expect(check.code).toBe(0);
  });
});

describe('standard output closed or full: no stack trace', () => {
  /** Runs the executable with stdout a pipe whose reading end is closed before anything is written. */
  function runClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  it.each([
    ['--help', ['--help'], 0],
    ['grad', ['grad', 'x^2*y', '--at', 'x=3,y=2'], 0],
    ['grad --json', ['grad', 'x^2', '--at', 'x=3', '--json'], 0],
    ['a failed check', ['check', 'x^2', '--at', 'x=3', '--manual', 'x=3*x'], 1],
  ])("a closed pipe (%s) ends quietly with the command's exit code", async (_name, args, code) => {
    const run = await runClosed(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(code);
  });

  it.each([
    ['--help', ['--help']],
    ['grad', ['grad', 'x^2*y', '--at', 'x=3,y=2']],
    ['demo', ['demo', '--out', 'pictures']],
  ])('a full disk (%s > /dev/full) says so and exits 2', (_name, args) => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      const run = spawnSync(process.execPath, [BIN, ...args], {
        cwd: tempDir(),
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toMatch(/^chainrule: cannot write to standard output: no space left on the device \(ENOSPC\)/);
      expect(hasStackTrace(run.stderr)).toBe(false);
      expect(run.status).toBe(2);
    } finally {
      fs.closeSync(full);
    }
  });
});

describe('names are names on the command line', () => {
  const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'step', 'sech'];

  it.each(names)('grad "%s*2" --json names the gradient', (name) => {
    const run = runCli(['grad', `${name}*2`, '--at', `${name}=1`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`"gradients":{"${name}":2}`);
    expect(run.stdout).toContain(`"symbolic":{"${name}":"2"}`);
  });

  it.each(names)('grad "%s^2" prints its table with the numeric estimate', (name) => {
    const run = runCli(['grad', `${name}^2`, '--at', `${name}=3`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`d/d${name.replace(/\$/g, '\\$')}\\s+6\\s+6\\s+✓\\s+2 \\* ${name}`));
  });

  it.each(names)('check "%s^2" with a manual derivative agrees', (name) => {
    const run = runCli(['check', `${name}^2`, '--at', `${name}=3`, '--manual', `${name}=2*${name}`, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).ok).toBe(true);
  });

  it('a value for a name the formula does not use is a warning, not an error', () => {
    const run = runCli(['grad', 'x', '--at', 'x=1,z=2,q=3', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).gradients).toEqual({ x: 1 });
    expect(run.stderr).toMatch(
      /^chainrule: warning: --at gives "z", "q", which the expression does not use \(ignored\)\. Its variables are: x\.\n$/,
    );
  });

  it('the warning about unused values stays short however many there are', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `v${i}=1`).join(',');
    const run = runCli(['grad', 'x', '--at', `x=1,${many}`, '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/"v0", .*"v9" and 4990 more, which the expression does not use/);
    expect(run.stderr.length).toBeLessThan(300);
  });

  it('1e400 is refused with the rule; x/0 checks without a message about a literal nobody wrote', () => {
    const big = runCli(['grad', '1e400*x', '--at', 'x=1']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/the number 1e400 is not finite as a double.*Number literals must be finite/s);
    const zero = runCli(['check', 'x/0', '--at', 'x=1', '--manual', 'x=1/0', '--json']);
    expect(zero.stderr).not.toMatch(/literal/);
    expect([0, 1]).toContain(zero.code);
  });
});

describe('viz -o x.html honours or refuses every drawing flag', () => {
  const page = (args: string[]): { code: number | null; stderr: string; html: string } => {
    const dir = tempDir();
    const run = runCli(['viz', ...ARTICLE, '-o', 'g.html', ...args], { cwd: dir });
    const file = path.join(dir, 'g.html');
    return { code: run.code, stderr: run.stderr, html: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' };
  };

  it('--precision reaches the page', () => {
    const two = page(['--precision', '2']);
    const six = page(['--precision', '6']);
    expect(two.code).toBe(0);
    expect(two.html).toMatch(/"precision":2/);
    expect(six.html).toMatch(/"precision":6/);
  });

  it('--no-backward starts the page before the backward pass', () => {
    expect(page([]).html).toMatch(/"start":\d*[1-9]/);
    expect(page(['--no-backward']).html).toMatch(/"start":0[,}]/);
  });

  it('--group always is refused for a page, which cannot step through boxes', () => {
    const run = page(['--group', 'always']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--group always cannot be drawn as \.html.*write \.svg/);
    expect(run.html).toBe('');
  });
});

describe('limits are explained in command-line terms, not API options', () => {
  it.each([
    [
      'viz .html of a 1500-value formula',
      ['viz', 'x+'.repeat(1500) + 'x', '--at', 'x=1', '-o', 'g.html'],
      /over the limit of 1200/,
    ],
    ['viz .mmd of a fan-out', ['viz', 'x+'.repeat(600) + 'x', '--at', 'x=1', '-o', 'g.mmd'], /over the limit/],
    [
      'viz .svg ungrouped',
      ['viz', 'x+'.repeat(4000) + 'x', '--at', 'x=1', '-o', 'g.svg', '--group', 'never'],
      /more than maxNodes/,
    ],
  ])('%s', (_name, args, message) => {
    const run = runCli(args, { cwd: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\{ ?max|pass a larger|\{ group/i);
    expect(run.stderr).toMatch(/--group auto|no flag to raise this limit/);
  });
});

describe('a failure outside any command', () => {
  it('an exception thrown from a timer is one line on stderr and exit 2, not a stack trace', () => {
    const preload = path.join(tempDir(), 'boom.js');
    fs.writeFileSync(preload, "setTimeout(() => { throw new Error('boom'); }, 0);\n");
    const run = spawnSync(process.execPath, ['--require', preload, BIN, 'grad', 'x', '--at', 'x=1'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('chainrule: internal error: boom\n');
    expect(run.status).toBe(2);
  });
});
