/**
 * Where the numbers of nodes live: blocks of BLOCK_SIZE slots in typed arrays (id, data, grad, least
 * op id below, skippable bit, op row, label), so a Value is one small object with no number boxes
 * of its own: less memory per node and less work for the garbage collector (docs/perf.md).
 */
import type { AnyRow } from '../op-row';
import { LEAF } from '../ops';
import type { Value } from '../value';

const SLOT_BITS = 12;
/** Slots per block. */
export const BLOCK_SIZE = 1 << SLOT_BITS;
/** Distinct op rows one block can hold (its row index is a byte). */
const MAX_ROWS = 256;

/**
 * The id of the next node: ids are unique and increase in creation order, across all blocks. Id 0
 * goes to value.ts's shape keeper, made when the engine loads, so a program's Values count from 1.
 */
let nextId = 0;
/** The number of the next block. */
let nextBlockNumber = 0;
/** See gradientsWrittenUpTo. */
let writtenUpTo = 0;

/**
 * Every op node with a larger id has never had its gradient written: it still holds the +0 its
 * block started with, and so does every op node under it whose `lowestOp` is larger too. Backward
 * passes use this to leave alone the parts of a new graph that send no gradient (an off relu).
 */
export function gradientsWrittenUpTo(): number {
  return writtenUpTo;
}

/** Records that gradients of op nodes up to id `id` may have been written. */
export function noteGradientsWritten(id: number): void {
  if (id > writtenUpTo) writtenUpTo = id;
}

export class Block {
  /** Slots in use. */
  used = 0;
  /**
   * Blocks are numbered in creation order. Op nodes fill one block at a time, so of two op nodes
   * the newer is in the higher-numbered block, or in a higher slot of the same block.
   */
  readonly number = nextBlockNumber++;
  /**
   * Used by a backward pass while it runs (see backward.ts), and null otherwise: the op nodes of
   * this block that the pass has reached, by slot, and the lowest and highest such slot.
   */
  reached: Value[] | null = null;
  reachedLow = 0;
  reachedHigh = 0;
  /** The id of each slot's node (a double: a long run creates more than 2^31 nodes). */
  readonly id: Float64Array;
  readonly data: Float64Array;
  readonly grad: Float64Array;
  /**
   * The least id of an op node under each slot's node, itself included (Infinity for a leaf).
   * Above `gradientsWrittenUpTo()`, it says that no gradient under the node was ever written.
   */
  readonly lowestOp: Float64Array;
  /** Index into `rows` of each slot's op row. */
  readonly rowOf: Uint8Array;
  /**
   * 1 where a zero gradient lets backward skip the slot's node and everything under it: the node
   * and every op node under it have finite values and rows with skipsOnZeroGradient, so every
   * contribution they would send is 0 × (a finite number) = ±0. 1 for leaves.
   */
  readonly skippable: Uint8Array;
  /** The distinct op rows used in this block. */
  readonly rows: AnyRow[] = [];
  /** 1 at the index in `rows` of each row with skipsOnZeroGradient. */
  readonly rowSkips = new Uint8Array(MAX_ROWS);
  /**
   * The number of the last walk that reached each slot's node (see walk.ts), created by the first
   * walk into this block: the graphs a training loop builds and differentiates are never walked
   * (backward keeps its own lists), so their nodes carry no mark at all.
   */
  marks: Float64Array | null = null;
  /** Labels by slot, created on the first label. */
  labels: Array<string | undefined> | null = null;

  constructor() {
    const buffer = new ArrayBuffer(BLOCK_SIZE * (8 + 8 + 8 + 8 + 1 + 1));
    this.id = new Float64Array(buffer, 0, BLOCK_SIZE);
    this.data = new Float64Array(buffer, 8 * BLOCK_SIZE, BLOCK_SIZE);
    this.grad = new Float64Array(buffer, 16 * BLOCK_SIZE, BLOCK_SIZE);
    this.lowestOp = new Float64Array(buffer, 24 * BLOCK_SIZE, BLOCK_SIZE);
    this.rowOf = new Uint8Array(buffer, 32 * BLOCK_SIZE, BLOCK_SIZE);
    this.skippable = new Uint8Array(buffer, 33 * BLOCK_SIZE, BLOCK_SIZE);
  }

  /** The op row of slot `s`. */
  row(s: number): AnyRow {
    return this.rows[this.rowOf[s]];
  }

  /** The index of `row` in `rows`, adding it; -1 when the block holds MAX_ROWS rows already. */
  rowIndex(row: AnyRow): number {
    const rows = this.rows;
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i] === row) return i;
    if (rows.length === MAX_ROWS) return -1;
    this.rowSkips[rows.length] = row.arity !== 0 && row.skipsOnZeroGradient === true ? 1 : 0;
    rows.push(row);
    return rows.length - 1;
  }
}

/**
 * Whether a zero gradient into `v` may be left out: `v` and everything under it send only ±0 when
 * their gradient is 0 (see Block.skippable).
 */
export function isSkippable(v: Value): boolean {
  return v._blk.skippable[v._slot] === 1;
}

/**
 * The blocks new nodes go into: variables (leaves) in blocks of their own, apart from op nodes and
 * constants. Leaves usually outlive the graphs built on them (a model's parameters), so a leaf kept
 * for long pins a block of other leaves, not a block of a finished graph.
 */
let currentOps = new Block();
let currentLeaves = new Block();

/**
 * Reserves the next slot for a node of `row` (its gradient zero; the caller stores its number) and
 * returns its block; the slot is `block.used - 1`.
 */
export function claim(row: AnyRow): Block {
  const leaf = row === LEAF;
  let block = leaf ? currentLeaves : currentOps;
  let index = block.used === BLOCK_SIZE ? -1 : block.rowIndex(row);
  if (index < 0) {
    block = new Block();
    if (leaf) currentLeaves = block;
    else currentOps = block;
    index = block.rowIndex(row);
  }
  const s = block.used++;
  block.id[s] = nextId++;
  block.rowOf[s] = index;
  return block;
}
