// `chainrule check` on the built executable: agreement, mismatch (exit 1), derivatives by named
// intermediates and the first wrong step, kinks, the shared tolerances, random points, JSON, the
// highlighted picture and usage errors (exit 2).
import fs from 'fs';
import path from 'path';
import { hasStackTrace, runCli, tempDir } from './test-support/run-cli';

const ARTICLE = ['a = i*w; C = (a - y)^2', '--at', 'i=1.5,w=0.8,y=0.5'];

describe('chainrule check', () => {
  it("accepts the article's hand-derived dC/dw = 2(i·w − y)·i", () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2*(i*w - y)*i']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^w\s+2\.1\s+2\.1\s+2\.1\s+✓\s+✓\s+✓$/m);
    expect(run.stdout).toContain('all derivatives agree');
    expect(run.stdout).toContain('symbolic d/dw = 2 * i * (i * w - y) = 2.1');
  });

  it("accepts the article's dC/dw written with the intermediate, 2(a − y)·i, and checks dC/da = 1.4", () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2*(a - y)*i', '--manual', 'a=2*(a - y)']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^a\s+1\.4\s+1\.4\s+1\.4\s+✓\s+✓\s+✓$/m);
    expect(run.stdout).toMatch(/^w\s+2\.1\s+2\.1\s+2\.1\s+✓\s+✓\s+✓$/m);
    expect(run.stdout).toContain('all derivatives agree (eps 1e-6, atol 1e-5, rtol 1e-3)');
    expect(run.stdout).toContain('symbolic d/da = 2 * (a - y) = 1.4');
  });

  it('catches a wrong dC/da as the first wrong step, and dC/dw computed from it as carried', () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'a=a - y', '--manual', 'w=(a - y)*i']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^a\s+0\.7\s+1\.4\s+1\.4\s+✗\s+✗\s+✓\s+WRONG STEP$/m);
    expect(run.stdout).toMatch(/^w\s+1\.05\s+2\.1\s+2\.1\s+✗\s+✗\s+✓\s+carried$/m);
    expect(run.stdout).toContain('first wrong step: a (manual 0.7, autograd 1.4)');
  });

  it('says when the point is on a kink instead of "all three differ" (exit 0: manual = autograd)', () => {
    const run = runCli(['check', 'relu(x)', '--at', 'x=0', '--manual', 'x=0']);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('all three differ');
    expect(run.stdout).toContain(
      "x = 0 is on relu's kink: one-sided derivatives 0 and 1; central differences give their mean 0.5; autograd uses 0, as PyTorch does",
    );
  });

  it('checks a name assigned a number, printing the point it sits at', () => {
    const run = runCli(['check', 'w = 0.8; C = (1.5*w - 0.5)^2', '--manual', 'w=3*(1.5*w - 0.5)']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^at w=0\.8$/m);
    expect(run.stdout).toMatch(/^w\s+2\.1\s+2\.1\s+2\.1\s+✓\s+✓\s+✓$/m);
  });

  it('reads the one set of tolerances, and --eps, --atol, --rtol, --tol change it', () => {
    const json = (args: string[]) =>
      JSON.parse(runCli(['check', ...ARTICLE, '--manual', 'w=2.1', ...args, '--json']).stdout);
    expect(json([]).tolerances).toEqual({ eps: 1e-6, atol: 1e-5, rtol: 1e-3 });
    expect(json(['--tol', '1e-8']).tolerances).toEqual({ eps: 1e-6, atol: 1e-8, rtol: 1e-8 });
    expect(json(['--eps', '1e-4', '--atol', '0', '--rtol', '0.01']).tolerances).toEqual({
      eps: 1e-4,
      atol: 0,
      rtol: 0.01,
    });
  });

  it('exits 1 and says which derivative disagrees (a forgotten chain-rule factor)', () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2*(i*w - y)', '--manual', 'y=-2*(i*w - y)']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^w\s+1\.4\s+2\.1\s+2\.1\s+✗\s+✗\s+✓\s+WRONG STEP$/m);
    expect(run.stdout).toMatch(/^y\s+-1\.4\s+-1\.4\s+-1\.4\s+✓\s+✓\s+✓\s+right$/m);
    expect(run.stdout).toContain('DISAGREEMENT — w: manual disagrees with autograd and numeric');
  });

  it('--points checks at seeded random points too, and catches a formula right only at the given point', () => {
    // 2.1 is dC/dw at the given point only: a constant "derivative" fails elsewhere.
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2.1', '--points', '5', '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.ok).toBe(false);
    expect(result.points).toHaveLength(6);
    expect(result.points[0].ok).toBe(true);
    expect(result.points.slice(1).some((p: { ok: boolean }) => !p.ok)).toBe(true);
    const again = JSON.parse(runCli(['check', ...ARTICLE, '--manual', 'w=2.1', '--points', '5', '--json']).stdout);
    expect(again.points).toEqual(result.points);
  });

  it('--points says how many of N disagree and shows the worst ones first', () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2.1', '--points', '8']);
    expect(run.code).toBe(1);
    const result = JSON.parse(runCli(['check', ...ARTICLE, '--manual', 'w=2.1', '--points', '8', '--json']).stdout);
    const failed = result.points.slice(1).filter((p: { ok: boolean }) => !p.ok);
    expect(run.stdout).toContain(
      `${failed.length} of 8 random points disagree (seed 1)${failed.length > 3 ? '; the worst 3:' : ':'}`,
    );
    // Worst: furthest from autograd in units of the tolerance, atol + rtol·|autograd|.
    const off = (p: { rows: { manual: number; autograd: number }[] }) =>
      Math.abs(p.rows[0].manual - p.rows[0].autograd) / (1e-5 + 1e-3 * Math.abs(p.rows[0].autograd));
    const worst = failed.sort((p: never, q: never) => off(q) - off(p))[0];
    const shown = run.stdout.split('random points disagree')[1];
    expect(shown.match(/^at /gm)).toHaveLength(Math.min(3, failed.length));
    expect(shown.indexOf(`at i=${Number(worst.at.i.toPrecision(6))}`)).toBeGreaterThan(-1);
    expect(shown.indexOf(`at i=${Number(worst.at.i.toPrecision(6))}`)).toBe(shown.indexOf('at '));
  });

  it('--json gives manual, autograd, numeric and symbolic per variable', () => {
    const run = runCli([
      'check',
      'sigmoid(x*w)',
      '--at',
      'x=0.5,w=-1.2',
      '--manual',
      'w=sigmoid(x*w)*(1 - sigmoid(x*w))*x',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const point = JSON.parse(run.stdout).points[0];
    const row = point.rows.find((r: { name: string }) => r.name === 'w');
    const s = 1 / (1 + Math.exp(0.6));
    for (const key of ['manual', 'autograd', 'numeric']) expect(row[key]).toBeCloseTo(s * (1 - s) * 0.5, 8);
    expect(point.symbolic.w).toBeCloseTo(s * (1 - s) * 0.5, 12);
  });

  it('-o writes the graph with the mismatching variable highlighted', () => {
    const dir = tempDir();
    const file = path.join(dir, 'check.svg');
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2*(i*w - y)', '-o', file]);
    expect(run.code).toBe(1);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('manual 1.4 ≠ autograd 2.1');
  });

  it('-o rings the first wrong step of a manual backprop', () => {
    const dir = tempDir();
    const file = path.join(dir, 'check.svg');
    const run = runCli(['check', ...ARTICLE, '--manual', 'a=a - y', '--manual', 'w=(a - y)*i', '-o', file]);
    expect(run.code).toBe(1);
    const svg = fs.readFileSync(file, 'utf8');
    expect(svg).toContain('first wrong step of the manual derivation');
    expect(svg).toContain('first wrong step: manual 0.7 ≠ autograd 1.4');
    // w, wrong only because a is, is marked downstream of it rather than as a mismatch of its own.
    expect(svg).toContain('downstream of the first wrong step');
    expect(svg).not.toContain('mismatch (manual ≠ autograd)');
    const page = path.join(dir, 'check.html');
    runCli(['check', ...ARTICLE, '--manual', 'a=a - y', '--manual', 'w=(a - y)*i', '-o', page]);
    expect(fs.readFileSync(page, 'utf8')).toContain('"highlight":"wrong-step"');
  });

  const bad: [string, string[], RegExp][] = [
    ['no --manual', ['check', ...ARTICLE], /at least one --manual/],
    [
      'a --manual for an unknown name',
      ['check', ...ARTICLE, '--manual', 'q=1'],
      /"q" is not a variable or a named node of the expression\. Its variables are: i, w, y; its named nodes: a, C\./,
    ],
    [
      'two names of one node',
      ['check', 'b = x; C = b^2', '--at', 'x=3', '--manual', 'b=2*b', '--manual', 'x=6'],
      /--manual "b=\.\.\." and --manual "x=\.\.\." name the same node/,
    ],
    ['a zero --eps', ['check', ...ARTICLE, '--manual', 'w=1', '--eps', '0'], /--eps must be a number > 0/],
    ['a malformed --manual', ['check', ...ARTICLE, '--manual', '2*w'], /name=formula/],
    ['a bad manual formula', ['check', ...ARTICLE, '--manual', 'w=2*(i*w'], /@chainrule\/expr/],
    ['a negative --tol', ['check', ...ARTICLE, '--manual', 'w=1', '--tol', '-1'], /--tol/],
    ['a fractional --points', ['check', ...ARTICLE, '--manual', 'w=1', '--points', '2.5'], /--points/],
    ['an unknown picture format', ['check', ...ARTICLE, '--manual', 'w=1', '-o', 'x.png'], /Use one of: \.svg \.html/],
  ];
  it.each(bad)('exits 2 for %s', (_what, args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
