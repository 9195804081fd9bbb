/**
 * gradgradcheck: second derivatives (reverse over reverse, and .backward() of each first
 * derivative) against central differences of the first derivatives, on closed forms and on a wrong
 * second-order rule.
 */
import { gradgradcheck } from './gradgradcheck';
import type { UnaryRow } from './op-row';
import { applyOp, type Value } from './value';

test('x²y: the Hessian [[2y, 2x], [2x, 0]] checks out, entry by entry', () => {
  const result = gradgradcheck((x, y) => x.mul(x).mul(y), [2, 3]);
  expect(result.ok).toBe(true);
  expect(result.rows.map((r) => [r.i, r.j, r.analytic, r.backward])).toEqual([
    [0, 0, 6, 6],
    [0, 1, 4, 4],
    [1, 0, 4, 4],
    [1, 1, 0, 0],
  ]);
  result.rows.forEach((r) => expect(r.absError).toBeLessThan(1e-6));
});

test('catches a row whose Value-built derivative is wrong while its numeric one is right', () => {
  // sin with derivativeValue cos(a)·1.5: first derivatives (numbers) are right, second ones are not.
  const badSin: UnaryRow = {
    name: 'badsin',
    symbol: 'sin',
    arity: 1,
    domain: [[-2, 2]],
    forward: Math.sin,
    derivative: (a) => Math.cos(a),
    derivativeValue: (a) => a.cos().mul(1.5),
  };
  const result = gradgradcheck((x: Value) => applyOp(badSin, [x]).mul(x), [0.7]);
  expect(result.ok).toBe(false);
  // d²/dx² (x sin x) = 2 cos x − x sin x; the bad row gives 1.5·cos x + cos x − 1.5·x sin x... off
  expect(result.rows[0].numeric).toBeCloseTo(2 * Math.cos(0.7) - 0.7 * Math.sin(0.7), 6);
});

test('bad input names gradgradcheck', () => {
  expect(() => gradgradcheck((x) => x, ['1' as never])).toThrow(
    '@chainrule/core/gradgradcheck: xs[0] must be a number',
  );
  expect(() => gradgradcheck((x) => x, [1], { eps: 0 })).toThrow(
    '@chainrule/core/gradgradcheck: eps must be a positive',
  );
});
