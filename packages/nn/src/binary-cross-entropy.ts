/**
 * binaryCrossEntropy: `-(y·log p + (1 - y)·log(1 - p))` for probabilities, or the same loss
 * computed stably from logits (`p = sigmoid(z)`) without ever taking log of 0 or exp of a large z.
 */
import { constant, describe, toValue } from '@chainrule/core';
import type { Operand, Value } from '@chainrule/core';
import { checkOptions, nnError } from './errors';
import { isOperand, meanOf, pairUp } from './loss-input';

/** Options of {@link binaryCrossEntropy}. */
export interface BinaryCrossEntropyOptions {
  /** The predictions are logits z (probability sigmoid(z)), not probabilities. Default false. */
  fromLogits?: boolean;
}

const isTarget = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/**
 * Binary cross-entropy of predictions against targets in [0, 1], averaged over arrays.
 * With probabilities, a term whose target is exactly 0 or 1 is left out (so p = 1 with y = 1 costs
 * 0, not NaN); a probability of exactly 0 or 1 against the other label costs Infinity. With
 * `fromLogits`, each item is `z·(1 - y) + log(1 + exp(-z))` for z >= 0 and
 * `-z·y + log(1 + exp(z))` for z < 0: equal to the above, finite for every z, gradient `σ(z) - y`.
 * (Both forms are the same function, so a graph replayed by `trace` stays correct when z changes
 * sign; only the overflow guard is the one chosen when the graph was built.)
 * @example
 * binaryCrossEntropy(new Value(0.8), 1).data; // -log 0.8 = 0.2231435513142097
 * binaryCrossEntropy([new Value(0)], [1], { fromLogits: true }).data; // log 2
 */
export function binaryCrossEntropy(
  pred: Operand | readonly Operand[],
  target: number | readonly number[],
  options: BinaryCrossEntropyOptions = {},
): Value {
  checkOptions('binaryCrossEntropy', options, ['fromLogits']);
  const fromLogits = options.fromLogits ?? false;
  if (typeof fromLogits !== 'boolean') {
    throw nnError('binaryCrossEntropy', `options.fromLogits must be a boolean, got ${describe(fromLogits)}.`);
  }
  const { preds, targets, batch } = pairUp(
    'binaryCrossEntropy',
    pred,
    target,
    isOperand,
    isTarget,
    'a Value or a number',
    'a number from 0 to 1',
  );
  const terms = preds.map((p, i) =>
    fromLogits ? fromLogit(toValue(p), targets[i]) : fromProbability(toValue(p), targets[i]),
  );
  return meanOf(terms, batch);
}

function fromProbability(p: Value, y: number): Value {
  const one = constant(1);
  if (y === 1) return p.log().neg();
  if (y === 0) return one.sub(p).log().neg();
  return p
    .log()
    .mul(y)
    .add(
      one
        .sub(p)
        .log()
        .mul(1 - y),
    )
    .neg();
}

function fromLogit(z: Value, y: number): Value {
  if (z.data >= 0) return z.mul(1 - y).add(z.neg().exp().add(1).log());
  return z.mul(-y).add(z.exp().add(1).log());
}
