/**
 * What the Value constructor stores for a new node besides its row: its number, the least op id
 * under it and whether a zero gradient lets backward skip it (see Block), and the scratch where op
 * methods leave a new node's number so that it never crosses a call as a heap box.
 */
import type { Block } from './node-store';
import type { Value } from '../value';

/**
 * The number of the op node being made (slot 0) and, for an n-ary node, the least op id under its
 * inputs (slot 1) and 1 if all of them are skippable, else 0 (slot 2). The op methods compute the
 * number with their own row's forward, where V8 knows the function and inlines it, and leave it
 * here for the constructor to store: handed on as an argument, or computed by a row chosen at run
 * time, each number would cross calls that V8 may not inline, and every number crossing such a
 * call is a new heap box (docs/perf.md).
 */
export const opData = new Float64Array(3);

/**
 * Stores node `slot` of `block`: a leaf holding `data` (no inputs), or an op node over `a` and `b`
 * (a Value, a number operand or an n-ary input list) whose number is in opData.
 */
export function storeNode(
  block: Block,
  slot: number,
  data: number,
  a: Value | null,
  b: Value | number | readonly Value[] | null,
): void {
  // Two stores, not one of `leaf ? data : opData[0]`: that would merge a boxed argument with an
  // unboxed read, and V8 would then box the read.
  if (a === null && b === null) {
    block.data[slot] = data;
    block.lowestOp[slot] = Infinity;
    block.skippable[slot] = 1;
    return;
  }
  block.data[slot] = opData[0];
  const own = block.rowSkips[block.rowOf[slot]] & finite(opData[0]);
  if (a === null) {
    block.lowestOp[slot] = Math.min(block.id[slot], opData[1]);
    block.skippable[slot] = own & opData[2];
    return;
  }
  // A leaf input adds nothing (its least op id is Infinity, it is skippable): its block's lines
  // for those numbers are not read at all.
  let lowest = block.id[slot];
  let skippable = own;
  if (a._a !== null || a._b !== null) {
    lowest = Math.min(lowest, a._blk.lowestOp[a._slot]);
    skippable &= a._blk.skippable[a._slot];
  }
  if (b !== null && typeof b !== 'number') {
    const bv = b as Value;
    if (bv._a !== null || bv._b !== null) {
      lowest = Math.min(lowest, bv._blk.lowestOp[bv._slot]);
      skippable &= bv._blk.skippable[bv._slot];
    }
  }
  block.lowestOp[slot] = lowest;
  block.skippable[slot] = skippable;
}

/** 1 for a finite number, 0 for ±Infinity and NaN. */
function finite(x: number): number {
  return x - x === 0 ? 1 : 0;
}

/**
 * Reused arrays for the input values an n-ary forward reads (one per length up to
 * SCRATCH_LENGTHS): building a sum then allocates only its node and its input list. A row's
 * forward must not keep the array it is given.
 */
const SCRATCH_LENGTHS = 256;
const scratch: number[][] = [];

/** An array of `n` numbers for an n-ary forward's inputs (reused: fill it, call, forget it). */
export function inputScratch(n: number): number[] {
  return n <= SCRATCH_LENGTHS ? (scratch[n] ??= new Array<number>(n).fill(0.5)) : new Array<number>(n);
}
