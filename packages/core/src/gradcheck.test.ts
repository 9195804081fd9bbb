/**
 * gradcheck against correct functions, against deliberately wrong op rows, and at bad input.
 */
import { gradcheck } from './gradcheck';
import { WRONG_MUL, WRONG_TANH } from './test-support/wrong-rows';
import { applyOp, type Value } from './value';

test('passes on a correct composite function, with rows per input', () => {
  const result = gradcheck(
    (x, y, z) =>
      x
        .mul(y)
        .tanh()
        .add(z.exp().div(y.square().add(1)))
        .sub(x.sigmoid().log()),
    [0.4, -1.3, 0.2],
  );
  expect(result.ok).toBe(true);
  expect(result.rows.map((r) => r.index)).toEqual([0, 1, 2]);
  for (const r of result.rows) {
    expect(r.absError).toBeLessThan(1e-8);
    expect(r.absError).toBe(Math.abs(r.analytic - r.numeric));
  }
});

test('catches a deliberately wrong mul row, only on the input with the wrong rule', () => {
  const f = (x: Value, y: Value) => applyOp(WRONG_MUL, [x, y]).add(y);
  const result = gradcheck(f, [2, 3]);
  expect(result.ok).toBe(false);
  expect(result.rows[0].ok).toBe(false);
  expect(result.rows[0].analytic).toBeCloseTo(3.3, 12);
  expect(result.rows[0].numeric).toBeCloseTo(3, 8);
  expect(result.rows[0].relError).toBeCloseTo(0.1, 6);
  expect(result.rows[1].ok).toBe(true);
});

test('catches a wrong tanh row deep inside a graph', () => {
  const f = (x: Value) =>
    applyOp(WRONG_TANH, [x.mul(0.5)])
      .mul(x)
      .add(x.square());
  expect(gradcheck(f, [0.7]).ok).toBe(false);
  expect(gradcheck((x: Value) => x.mul(0.5).tanh().mul(x).add(x.square()), [0.7]).ok).toBe(true);
});

test('tolerances decide: a 1e-4 relative error passes rtol 1e-3 and fails rtol 1e-5', () => {
  const slightly = { ...WRONG_MUL, derivativeA: (_a: number, b: number) => b * (1 + 1e-4) };
  const f = (x: Value) => applyOp(slightly, [x, 5]);
  expect(gradcheck(f, [1]).ok).toBe(true);
  expect(gradcheck(f, [1], { rtol: 1e-5, atol: 0 }).ok).toBe(false);
});

test('bad input names what was passed', () => {
  expect(() => gradcheck((x) => x, ['1' as never])).toThrow(
    '@chainrule/core/gradcheck: xs[0] must be a number, got the string "1"',
  );
  expect(() => gradcheck((x) => x, [1], { eps: 0 })).toThrow(
    'eps must be a positive finite number, got the number 0; the default is 0.000001',
  );
  expect(() => gradcheck((() => 1) as never, [1])).toThrow('f must return a Value, got the number 1');
});

test('names the kink a failing row sits on (relu at 0: numeric 0.5, autograd 0)', () => {
  const result = gradcheck((x) => x.relu(), [0]);
  expect(result.ok).toBe(false);
  expect(result.kinks.map((k) => k.text)).toEqual([
    "x0 = 0 is on relu's kink: one-sided derivatives 0 and 1; central differences give their mean 0.5; autograd uses 0, as PyTorch does",
  ]);
  expect(gradcheck((x) => x.tanh(), [0.3]).kinks).toEqual([]);
});

test('reports what .backward() gives beside gradients(), and fails where they differ', () => {
  const result = gradcheck((x, y) => x.sqrt().sub(1).relu().add(y.mul(x)), [4, 0.5]);
  expect(result.rows.map((r) => [r.analytic, r.backward])).toEqual([
    [0.25 + 0.5, 0.25 + 0.5],
    [4, 4],
  ]);
  expect(result.ok).toBe(true);
});
