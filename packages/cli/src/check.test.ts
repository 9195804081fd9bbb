// `chainrule check` on the built executable: agreement, mismatch (exit 1), random points, JSON,
// the highlighted picture and usage errors.
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

  it('exits 1 and says which derivative disagrees (a forgotten chain-rule factor)', () => {
    const run = runCli(['check', ...ARTICLE, '--manual', 'w=2*(i*w - y)', '--manual', 'y=-2*(i*w - y)']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^w\s+1\.4\s+2\.1\s+2\.1\s+✗\s+✗\s+✓$/m);
    expect(run.stdout).toMatch(/^y\s+-1\.4\s+-1\.4\s+-1\.4\s+✓\s+✓\s+✓$/m);
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
    expect(svg).toContain('mismatch');
  });

  const bad: [string, string[], RegExp][] = [
    ['no --manual', ['check', ...ARTICLE], /at least one --manual/],
    ['a --manual for an unknown variable', ['check', ...ARTICLE, '--manual', 'q=1'], /"q" is not a variable/],
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
