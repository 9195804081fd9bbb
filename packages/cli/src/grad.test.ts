// `chainrule grad` on the built executable: printed table, exact --json shape, exit codes.
import { hasStackTrace, runCli } from './test-support/run-cli';

describe('chainrule grad', () => {
  it('prints the value, autograd, numeric, their agreement and symbolic derivatives', () => {
    const run = runCli(['grad', 'x^2*y', '--at', 'x=3,y=2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('value  18');
    expect(run.stdout).toMatch(/d\/dx\s+12\s+12\s+✓\s+2 \* y \* x/);
    expect(run.stdout).toMatch(/d\/dy\s+9\s+9\s+✓\s+x \^ 2/);
    expect(run.stdout).toContain('agree: autograd against central differences (eps 1e-6, atol 1e-5, rtol 1e-3)');
  });

  it('says when the point is on a kink or a singularity, instead of a silent mismatch', () => {
    const relu = runCli(['grad', 'relu(x)', '--at', 'x=0']);
    expect(relu.code).toBe(0);
    expect(relu.stdout).toMatch(/^d\/dx\s+0\s+0\.5\s+\?\s+step\(x\)$/m);
    expect(relu.stdout).toContain(
      "x = 0 is on relu's kink: one-sided derivatives 0 and 1; central differences give their mean 0.5; autograd uses 0, as PyTorch does",
    );
    const div = runCli(['grad', 'x/y', '--at', 'x=1,y=0']);
    expect(div.stdout).toMatch(/^d\/dy\s+-Infinity\s+1000000000000\s+\?/m);
    expect(div.stdout).toContain(
      'd/dx: autograd not compared with numeric, which is unreliable here: the numeric step is taken on a singularity of div at y = 0',
    );
    expect(div.stdout).toContain('y = 0 is on a singularity of div');
    expect(div.stdout).toContain(
      'd/dy: autograd not compared with numeric, which is unreliable here: the numeric step crosses a singularity of div at y = 0',
    );
  });

  it('--json prints exactly value, gradients and symbolic (the article numbers)', () => {
    const run = runCli(['grad', 'a = i*w; C = (a - y)^2', '--at', 'i=1.5,w=0.8,y=0.5', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['value', 'gradients', 'symbolic']);
    expect(result.value).toBeCloseTo(0.49, 12);
    expect(Object.keys(result.gradients)).toEqual(['i', 'w', 'y']);
    expect(result.gradients.w).toBeCloseTo(2.1, 12);
    expect(result.gradients.i).toBeCloseTo(2 * (1.5 * 0.8 - 0.5) * 0.8, 12);
    expect(result.gradients.y).toBeCloseTo(-2 * (1.5 * 0.8 - 0.5), 12);
    expect(result.symbolic.w).toBe('2 * i * (i * w - y)');
  });

  it('writes non-finite numbers as null in --json (JSON has no NaN)', () => {
    const run = runCli(['grad', 'log(x)', '--at', 'x=-1', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).value).toBeNull();
  });

  it('accepts repeated --at flags', () => {
    const run = runCli(['grad', 'x*y', '--at', 'x=3', '--at', 'y=-2e-1', '--json']);
    expect(JSON.parse(run.stdout).gradients).toEqual({ x: -0.2, y: 3 });
  });

  it('leaves the numeric estimate out, and says so, past the bound on its work', () => {
    const names = Array.from({ length: 10_000 }, (_, k) => `x${k}`);
    const run = runCli(['grad', names.join('+'), '--at', names.map((n) => `${n}=1`).join(',')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^d\/dx9999\s+1\s+–\s+–\s+\(too large to simplify\)$/m);
    expect(run.stdout).toContain(
      'numeric: not estimated, 10000 variables × 19999 nodes is over the 100000000 node evaluations a check may take',
    );
  }, 60_000);

  const bad: [string, string[], RegExp][] = [
    ['an unknown function', ['grad', 'x + foo(x)', '--at', 'x=1'], /unknown function "foo"[\s\S]*\^/],
    ['a missing value', ['grad', 'x*y', '--at', 'x=1'], /no value for "y"/],
    ['a malformed --at', ['grad', 'x', '--at', 'x:1'], /name=number/],
    ['a non-numeric --at', ['grad', 'x', '--at', 'x=abc'], /not a finite number/],
    ['a missing expression', ['grad'], /missing required argument/],
    ['an unknown option', ['grad', 'x', '--at', 'x=1', '--bogus'], /unknown option/],
    ['unsupported syntax', ['grad', '[1, 2]'], /matrices/],
    ['an oversized formula', ['grad', 'x+'.repeat(50_000) + 'x', '--at', 'x=1'], /over the limit of 65536/],
    ['deep nesting', ['grad', '('.repeat(5000) + 'x' + ')'.repeat(5000), '--at', 'x=1'], /nested more than 200 deep/],
    ['code instead of a formula', ['grad', 'import("fs")'], /strings are not supported/],
  ];
  it.each(bad)('exits 2 with a message for %s', (_what, args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
