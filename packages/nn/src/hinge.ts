/**
 * hinge: micrograd's "SVM max-margin" loss for labels -1/+1, `relu(1 - y·score)` averaged.
 */
import { toValue } from '@chainrule/core';
import type { Operand, Value } from '@chainrule/core';
import { isNumber, isOperand, meanOf, pairUp } from './loss-input';

/**
 * `relu(score · (-y) + 1)` per item (the benchmark spec's exact order of operations), averaged as
 * `sum(margins) * (1/n)` for arrays. Zero once every score has the label's sign with margin >= 1.
 * @param scores - a score Value, or an array of them.
 * @param labels - the label(s), -1 or +1.
 * @example
 * hinge([new Value(2), new Value(0.5)], [1, 1]).data; // (0 + 0.5) * 0.5 = 0.25
 */
export function hinge(scores: Operand | readonly Operand[], labels: number | readonly number[]): Value {
  const { preds, targets, batch } = pairUp(
    'hinge',
    scores,
    labels,
    isOperand,
    isNumber,
    'a Value or a number',
    'a number (-1 or +1)',
  );
  const margins = preds.map((s, i) => toValue(s).mul(-targets[i]).add(1).relu());
  return meanOf(margins, batch);
}
