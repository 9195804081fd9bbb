/**
 * accuracy: the fraction of predictions whose sign (or class) matches the label.
 */
import { describe, Value } from '@chainrule/core';
import { nnError } from './errors';

/**
 * For scores against labels -1/+1: the fraction with `(score > 0) === (label > 0)`, as micrograd's
 * demo counts. For rows of class logits against class indices: the fraction whose largest logit
 * is the labelled class.
 * @example
 * accuracy([new Value(0.3), new Value(-2)], [1, 1]); // 0.5
 */
export function accuracy(
  pred: readonly (Value | number)[] | readonly (readonly (Value | number)[])[],
  labels: readonly number[],
): number {
  if (!Array.isArray(pred) || !Array.isArray(labels) || pred.length === 0 || pred.length !== labels.length) {
    throw nnError(
      'accuracy',
      `expected equally long non-empty arrays of predictions and labels, got ${describe(pred)} and ${describe(labels)}.`,
    );
  }
  const num = (x: Value | number): number => (x instanceof Value ? x.data : x);
  let correct = 0;
  pred.forEach((p, i) => {
    if (Array.isArray(p)) {
      let best = 0;
      for (let k = 1; k < p.length; k++) if (num(p[k]) > num(p[best])) best = k;
      if (best === labels[i]) correct++;
    } else if (num(p as Value | number) > 0 === labels[i] > 0) {
      correct++;
    }
  });
  return correct / pred.length;
}
