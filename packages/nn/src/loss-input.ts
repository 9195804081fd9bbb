/**
 * Shared checks for the losses: predictions and targets given either as one item or as equally
 * long arrays, and the batch mean `(t_0 + t_1 + ...) * (1/n)` built as one n-ary sum node.
 */
import { describe, sum, Value } from '@chainrule/core';
import type { Operand } from '@chainrule/core';
import { nnError } from './errors';

/** Pairs of (prediction, target), with both sides checked. */
export function pairUp<P, T>(
  where: string,
  pred: P | readonly P[],
  target: T | readonly T[],
  isPred: (x: unknown) => x is P,
  isTarget: (x: unknown) => x is T,
  predKind: string,
  targetKind: string,
): { preds: P[]; targets: T[]; batch: boolean } {
  const batch = Array.isArray(pred) && !isPred(pred);
  const preds = (batch ? pred : [pred]) as P[];
  const targets = (batch ? target : [target]) as T[];
  if (batch && !Array.isArray(target)) {
    throw nnError(
      where,
      `predictions are an array of ${preds.length}, so targets must be an array of the same length, got ${describe(target)}.`,
    );
  }
  if (preds.length === 0) throw nnError(where, 'predictions are empty. Pass at least one prediction.');
  if (preds.length !== targets.length) {
    throw nnError(
      where,
      `got ${preds.length} predictions but ${targets.length} targets. Pass one target per prediction.`,
    );
  }
  preds.forEach((p, i) => {
    if (!isPred(p)) throw nnError(where, `prediction${batch ? `[${i}]` : ''} must be ${predKind}, got ${describe(p)}.`);
  });
  targets.forEach((t, i) => {
    if (!isTarget(t)) throw nnError(where, `target${batch ? `[${i}]` : ''} must be ${targetKind}, got ${describe(t)}.`);
  });
  return { preds, targets, batch };
}

export const isOperand = (x: unknown): x is Operand => x instanceof Value || typeof x === 'number';
export const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

/** The mean of per-item losses: the item itself for one, `sum(terms) * (1/n)` for a batch. */
export function meanOf(terms: Value[], batch: boolean): Value {
  if (!batch) return terms[0];
  return sum(terms).mul(1 / terms.length);
}
