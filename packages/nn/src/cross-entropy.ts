/**
 * crossEntropy: softmax cross-entropy of class logits against a class index, computed with the
 * log-sum-exp shift so that large logits never overflow.
 */
import { describe, sum, Value } from '@chainrule/core';
import { checkInteger, nnError } from './errors';
import { meanOf } from './loss-input';

/**
 * `log Σ_k exp(z_k) - z_target`, with `m = max z` taken out: `m + log Σ exp(z_k - m) - z_target`
 * (m is a constant: the loss does not depend on it, so a graph replayed by `trace` stays correct;
 * only the overflow guard keeps the m of the build). Gradient `softmax(z) - onehot(target)`.
 * Averaged over a batch when given an array of logit arrays and an array of classes.
 * @param logits - one Value per class, or an array of such arrays (a batch).
 * @param target - the class index (0-based), or one per item of the batch.
 * @example
 * const z = [new Value(2), new Value(1), new Value(0.1)];
 * crossEntropy(z, 0).data; // 0.41703001627783376
 */
export function crossEntropy(
  logits: readonly Value[] | readonly (readonly Value[])[],
  target: number | readonly number[],
): Value {
  const where = 'crossEntropy';
  if (!Array.isArray(logits) || logits.length === 0) {
    throw nnError(
      where,
      `logits must be a non-empty array of Values (one per class) or an array of such arrays, got ${describe(logits)}.`,
    );
  }
  const batch = Array.isArray(logits[0]);
  const rows = (batch ? logits : [logits]) as readonly (readonly Value[])[];
  const classes = (batch ? target : [target]) as readonly number[];
  if (!Array.isArray(classes) || classes.length !== rows.length) {
    throw nnError(
      where,
      `got ${rows.length} rows of logits but ${describe(target)} as target. Pass one class index per row.`,
    );
  }
  const terms = rows.map((row, i) => {
    const at = batch ? `logits[${i}]` : 'logits';
    if (!Array.isArray(row) || row.length === 0)
      throw nnError(where, `${at} must be a non-empty array of Values, got ${describe(row)}.`);
    row.forEach((z, k) => {
      if (!(z instanceof Value)) throw nnError(where, `${at}[${k}] must be a Value, got ${describe(z)}.`);
    });
    const t = checkInteger(where, batch ? `target[${i}]` : 'target', classes[i], 0, row.length - 1);
    return logSumExp(row).sub(row[t]);
  });
  return meanOf(terms, batch);
}

function logSumExp(z: readonly Value[]): Value {
  let m = -Infinity;
  for (const v of z) if (v.data > m) m = v.data;
  if (!Number.isFinite(m)) m = 0; // all -Infinity or a NaN: no shift helps; let the values show it
  return sum(z.map((v) => v.sub(m).exp()))
    .log()
    .add(m);
}
