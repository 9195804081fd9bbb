/**
 * Product groups of a tape, which the generated replay loops (tape-compile.ts) replay in one case
 * instead of one dispatch per op: an n-ary op (a neuron's `sum`) with the run of mul ops right
 * before it that nothing but that op uses, or an add or sub whose second input is the one mul right
 * before it, used nowhere else (a step `act + w·x` of a micrograd-style neuron or a left-fold sum);
 * either way with the unary op right after it (a neuron's `relu`) when that is its only use. Only
 * the layout is decided here: the replay still calls the op table's own functions, in the same
 * order as op by op.
 */
import { OPS } from '../ops';
import type { ReplayArrays } from './tape-compile';

/**
 * Ops first .. last - 1 (op indices) are products whose only use is op `last`, whose last inputs
 * they are, in the same order: an n-ary op, or an add or sub with the one product (first = last - 1)
 * as its second input.
 */
export interface ProductGroup {
  readonly first: number;
  readonly last: number;
  /** Which inputs of every product receive gradient (bit 0: the first, bit 1: the second). */
  readonly productMask: number;
  /** Whether op last + 1 is a unary op whose input is op `last`, used nowhere else, and is in the group. */
  readonly unary: boolean;
}

/**
 * The tape's product groups, in op order. For each n-ary op: the longest run of ops right before
 * it that are all `mul`, are its last inputs in op order, are used nowhere else (not twice by it
 * either) and have the same trainable inputs as the product right before it. For each add or sub:
 * the mul right before it when that is its second input and used nowhere else. Either takes in the
 * op right after it if that is unary and the group's last op is its only use. A neuron's
 * `sum([b, w0 * x0, w1 * x1, ...]).relu()` is one group; `act.add(w.mul(x))` is one.
 */
export function findProductGroups(
  arrays: Pick<ReplayArrays, 'values' | 'firstOp' | 'rows' | 'inputStart' | 'inputSlots' | 'trainable'>,
): ProductGroup[] {
  const { values, firstOp, rows, inputStart, inputSlots, trainable } = arrays;
  const uses = new Int32Array(values.length);
  for (let e = 0; e < inputSlots.length; e++) uses[inputSlots[e]]++;
  const maskOf = (j: number): number =>
    trainable[inputSlots[inputStart[j]]] | (trainable[inputSlots[inputStart[j] + 1]] << 1);
  const groups: ProductGroup[] = [];
  for (let last = 1; last < rows.length; last++) {
    const row = rows[last];
    if (rows[last - 1] !== OPS.mul) continue;
    let first: number;
    if (row === OPS.add || row === OPS.sub) {
      const product = last - 1;
      if (inputSlots[inputStart[last] + 1] !== product + firstOp || uses[product + firstOp] !== 1) continue;
      first = product;
    } else if (row.arity === 'n') {
      const end = inputStart[last + 1];
      const inputCount = end - inputStart[last];
      const productMask = maskOf(last - 1);
      // Product j (op index) would be input end - (last - j) of the n-ary op.
      const isGroupProduct = (j: number): boolean =>
        last - j <= inputCount &&
        inputSlots[end - (last - j)] === j + firstOp &&
        rows[j] === OPS.mul &&
        uses[j + firstOp] === 1 &&
        maskOf(j) === productMask;
      if (!isGroupProduct(last - 1)) continue;
      first = last - 1;
      while (first > 0 && isGroupProduct(first - 1)) first--;
    } else continue;
    const next = last + 1;
    const unary =
      next < rows.length &&
      rows[next].arity === 1 &&
      inputSlots[inputStart[next]] === last + firstOp &&
      uses[last + firstOp] === 1;
    groups.push({ first, last, productMask: maskOf(last - 1), unary });
  }
  return groups;
}
