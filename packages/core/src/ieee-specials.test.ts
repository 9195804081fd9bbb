/**
 * NaN, infinities and the singular points of the op rows, against PyTorch's conventions: NaN goes
 * through every forward, 0 × ∞ = NaN reaches the leaf on every path, pow's derivatives at a zero
 * base or exponent are PyTorch's in first and second order, and numbers are refused where data goes.
 */
import { backwardSteps } from './backward-steps';
import { gradients } from './gradients';
import { jvp } from './jvp';
import type { OpRow } from './op-row';
import { OPS } from './ops';
import { trace } from './fast/tape';
import { applyOp, Value } from './value';

const ROWS: OpRow[] = Object.values(OPS);

test.each(ROWS.map((row) => [row.name, row] as const))('%s: a NaN input gives a NaN output', (_name, row) => {
  const width = row.arity === 'n' ? 3 : row.arity;
  for (let i = 0; i < width; i++) {
    const xs = Array.from({ length: width }, (_, k) => (k === i ? NaN : 0.5));
    expect(applyOp(row, xs).data).toBeNaN();
  }
});

test('relu(NaN) is NaN and passes its gradient on, as PyTorch does (threshold_backward: out <= 0 ? 0 : grad)', () => {
  const x = new Value(NaN, 'x');
  const y = x.relu();
  expect(y.data).toBeNaN();
  y.backward();
  expect(x.grad).toBe(1);
  expect(new Value(0).relu().data).toBe(0);
  expect(Object.is(new Value(-0).relu().data, 0)).toBe(true);
});

test('x^0 at x = 0 with createGraph: first and second derivative 0 (PyTorch: 0 and 0)', () => {
  const x = new Value(0, 'x');
  const [dx] = gradients(x.pow(0), [x], { createGraph: true });
  expect(dx.data).toBe(0);
  expect(gradients(dx, [x])[0].data).toBe(0);
});

test('d(x^y)/dy at x = 0: 0 for y >= 0 (PyTorch masks it), on every path; out·ln 0 = -∞ for y < 0', () => {
  for (const y0 of [0, 2]) {
    const x = new Value(0, 'x');
    const y = new Value(y0, 'y');
    const out = x.pow(y);
    const plain = gradients(out, [y])[0].data;
    const [dy] = gradients(out, [y], { createGraph: true });
    out.backward();
    expect([plain, dy.data, y.grad, backwardSteps(out).grads.get(y)]).toEqual([0, 0, 0, 0]);
    // second order: reverse over reverse, and forward over reverse, both 0
    expect(gradients(dy, [y])[0].data).toBe(0);
    const forwardOverReverse = jvp((xv, yv) => gradients(xv.pow(yv), [yv], { createGraph: true })[0], [0, y0], [0, 1]);
    expect(forwardOverReverse.tangent).toBe(0);
  }
  const x = new Value(0);
  const y = new Value(-1);
  x.pow(y).backward();
  expect(y.grad).toBe(-Infinity); // out = ∞, ln 0 = -∞ (PyTorch: -inf)
});

test('0^y in y with createGraph is 0 where PyTorch gives 0, and the orders of differentiation agree', () => {
  const f = (xv: Value, yv: Value): Value => xv.pow(yv).mul(yv);
  const x = new Value(0);
  const y = new Value(1.5);
  const [dy] = gradients(f(x, y), [y], { createGraph: true });
  expect(dy.data).toBe(0);
  const reverseOverReverse = gradients(dy, [y])[0].data;
  const forwardOverReverse = jvp((a, b) => gradients(f(a, b), [b], { createGraph: true })[0], [0, 1.5], [0, 1]);
  expect(reverseOverReverse).toBe(0);
  expect(forwardOverReverse.tangent).toBe(reverseOverReverse);
});

test('jvp propagates 0 × ∞ = NaN like the reverse paths', () => {
  // d/dx (x + sqrt(y)) along (1, 0) at y = 0: the tangent of y is 0 and sqrt's derivative ∞
  const forward = jvp((x, y) => x.mul(y.sqrt()), [1, 0], [0, 1]);
  expect(forward.tangent).toBe(Infinity);
  expect(jvp((x, y) => x.add(y.sqrt()), [1, 0], [1, 0]).tangent).toBeNaN();
  const x = new Value(0, 'x');
  const out = x.sqrt().mul(0);
  out.backward();
  expect(x.grad).toBeNaN();
  expect(jvp((v) => v.sqrt().mul(0), [0], [1]).tangent).toBeNaN();
});

test('relu(sqrt(x) - 1) at x = 0 gives NaN on every path, .backward() included (PyTorch: NaN)', () => {
  const build = (): { x: Value; out: Value } => {
    const x = new Value(0, 'x');
    return { x, out: x.sqrt().sub(1).relu() };
  };
  const a = build();
  a.out.backward();
  expect(a.x.grad).toBeNaN();
  const b = build();
  expect(gradients(b.out, [b.x])[0].data).toBeNaN();
  expect(gradients(b.out, [b.x], { createGraph: true })[0].data).toBeNaN();
  expect(backwardSteps(b.out).grads.get(b.x)).toBeNaN();
  const tape = trace(b.out);
  tape.backward();
  expect(b.x.grad).toBeNaN();
  expect(jvp((v) => v.sqrt().sub(1).relu(), [0], [1]).tangent).toBeNaN();
});

test('an n-ary row says whether its derivative reads the inputs: a default parameter changes nothing', () => {
  // A weighted sum whose derivative has a default parameter: Function.length is 1.
  const weighted: OpRow = {
    name: 'weighted',
    symbol: 'W',
    arity: 'n',
    domain: [[-2, 2]],
    forward: (xs) => xs.reduce((acc, x, i) => acc + (i + 1) * x * x, 0),
    derivative: (i, xs = [], _out?: number) => 2 * (i + 1) * xs[i],
    derivativeValue: (i, xs) => xs[i].mul(2 * (i + 1)),
  };
  const x = new Value(3, 'x');
  const y = new Value(-2, 'y');
  const out = applyOp(weighted, [x, y]);
  out.backward();
  expect([x.grad, y.grad]).toEqual([6, -8]);
  const tape = trace(out);
  x.grad = 0;
  y.grad = 0;
  tape.backward();
  expect([x.grad, y.grad]).toEqual([6, -8]);
});

test('the data and grad setters refuse what the constructor refuses, with its error', () => {
  const v = new Value(1, 'v');
  expect(() => (v.data = '10' as unknown as number)).toThrow(
    '@chainrule/core/Value: data must be a number, got the string "10".',
  );
  expect(() => (v.grad = 'abc' as unknown as number)).toThrow(
    '@chainrule/core/Value: grad must be a number, got the string "abc".',
  );
  expect(() => (v.data = undefined as unknown as number)).toThrow('data must be a number, got undefined');
  expect(v.data).toBe(1);
  expect(v.grad).toBe(0);
  v.data = NaN; // numbers, NaN included, are accepted
  expect(v.data).toBeNaN();
});
