/**
 * mse: the mean squared error, the article's cost `C = (a - y)^2` for one prediction.
 */
import { toValue } from '@chainrule/core';
import type { Operand, Value } from '@chainrule/core';
import { isOperand, meanOf, pairUp } from './loss-input';

/**
 * `(pred - target)²` for one prediction; `sum((p_i - t_i)²) * (1/n)` for arrays.
 * @param pred - a Value (or number), or an array of them.
 * @param target - the matching target(s): numbers or Values.
 * @example
 * const w = new Value(0.8);
 * const C = mse(w.mul(1.5), 0.5); // (1.2 - 0.5)^2
 * C.data; // 0.49000000000000027 (0.7² in float64)
 */
export function mse(pred: Operand | readonly Operand[], target: Operand | readonly Operand[]): Value {
  const { preds, targets, batch } = pairUp(
    'mse',
    pred,
    target,
    isOperand,
    isOperand,
    'a Value or a number',
    'a Value or a number',
  );
  const terms = preds.map((p, i) => toValue(p).sub(targets[i]).square());
  return meanOf(terms, batch);
}
