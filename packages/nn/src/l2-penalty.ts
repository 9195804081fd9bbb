/**
 * l2Penalty: weight decay as a loss term, `alpha · Σ p²` over the parameters.
 */
import { describe, sum, Value } from '@chainrule/core';
import { checkFinite, nnError } from './errors';

/**
 * `(p_0² + p_1² + ...) * alpha`, one n-ary sum node (left-fold order, as the benchmark spec).
 * @param params - the parameters, e.g. `model.parameters()`.
 * @param alpha - strength (micrograd's demo uses 1e-4).
 * @example
 * ```ts
 * const w = [new Value(3), new Value(-4)];
 * console.log(l2Penalty(w, 0.01).data); // 0.25 (0.01 · (3² + (-4)²))
 * // As weight decay added to a loss:
 * const model = new MLP(2, [4, 1]);
 * const scores = [[0.5, -1], [-1, 2]].map((x) => model.forward(x)[0]);
 * const loss = hinge(scores, [1, -1]).add(l2Penalty(model.parameters(), 1e-4));
 * ```
 */
export function l2Penalty(params: readonly Value[], alpha: number): Value {
  if (!Array.isArray(params) || params.length === 0) {
    throw nnError('l2Penalty', `params must be a non-empty array of Values, got ${describe(params)}.`);
  }
  checkFinite('l2Penalty', 'alpha', alpha);
  const squares = params.map((p, i) => {
    if (!(p instanceof Value)) throw nnError('l2Penalty', `params[${i}] must be a Value, got ${describe(p)}.`);
    return p.square();
  });
  return sum(squares).mul(alpha);
}
