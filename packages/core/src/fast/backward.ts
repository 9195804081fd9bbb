/**
 * The backward pass behind `Value.backward()`: the doubles of the reference chain rule
 * (../chain-rule.ts), computed reading nodes' numbers straight from the node store. Op nodes are
 * visited newest first, as a tape is read backwards: an op's inputs are older than it, so each node
 * comes after all of its consumers, with no search to order the graph. Intermediate gradients are
 * recomputed on every call (so a second call never corrupts them); leaf gradients accumulate, as in
 * PyTorch; constants receive nothing. A node whose gradient is 0 and under which everything could
 * only pass zeros on (an off relu over a neuron, with finite values: see Block.skippable) is
 * skipped, as hand-written backprop does, and the part of a new graph below it is not visited at
 * all (its gradients are still the zeros it was made with).
 */
import { anomalyState, reportBackward } from '../anomaly';
import { usageError } from '../errors';
import { BLOCK_SIZE, gradientsWrittenUpTo, noteGradientsWritten, type Block } from './node-store';
import type { NaryRow, OpRow } from '../op-row';
import { CONSTANT, LEAF } from '../ops';
import { naryPartial, NOT_READ, partial, partialA, partialB, readsInputs } from './partials';
import type { Value } from '../value';

/**
 * State of the running pass (a pass never starts inside another). A pass lists each op node it
 * reaches in its block's `reached` list, by slot, and visits the blocks holding such nodes newest
 * first, each from its highest listed slot down: `pending` holds the blocks not yet visited.
 * `spareLists` keeps a few emptied lists for the next passes (empty, so no old graph stays alive).
 */
const pending: Block[] = [];
let pendingSize = 0;
const spareLists: Value[][] = [];
const MAX_SPARE_LISTS = 16;
/** gradientsWrittenUpTo() when the running pass began. */
let writtenBefore = 0;
/** Whether a pass is running (a pass started inside another would take over its lists). */
let running = false;

export function backward(root: Value): void {
  const rootRow = root._row;
  if (rootRow === LEAF) {
    root.grad += 1;
    return;
  }
  if (rootRow === CONSTANT) return;
  if (running) {
    throw usageError(
      'Value.backward',
      'called while another backward pass runs (from an op row whose derivative calls backward()?); ' +
        'compute that gradient before or after the pass.',
    );
  }
  running = true;
  writtenBefore = gradientsWrittenUpTo();
  pendingSize = 0;
  reach(root);
  root._blk.grad[root._slot] = 1;
  const check = anomalyState.enabled;
  let block: Block | null = null;
  // A catch, not a finally: V8 (Node 20) deoptimized the function at the end of every pass when
  // the clean-up sat in a finally block.
  try {
    while (pendingSize > 0) {
      block = takeNewest();
      const nodes = block.reached!;
      // Nodes reached while visiting this block are older, so in lower slots: the loop meets them.
      for (let s = block.reachedHigh; s >= block.reachedLow; s--) {
        const node = nodes[s];
        if (node === undefined) continue;
        nodes[s] = undefined as unknown as Value;
        propagate(node, check);
      }
      release(block);
      block = null;
    }
    noteGradientsWritten(root.id);
    running = false;
  } catch (error) {
    noteGradientsWritten(root.id);
    running = false;
    // After an error (an anomaly, a row that throws): empty the lists of the block being visited
    // and of those pending.
    if (block !== null) pending[pendingSize++] = block;
    for (let i = 0; i < pendingSize; i++) {
      pending[i].reached!.fill(undefined as unknown as Value);
      release(pending[i]);
      pending[i] = undefined as unknown as Block;
    }
    pendingSize = 0;
    throw error;
  }
}

/**
 * Removes and returns the pending block with the highest number. Inputs are older than their
 * consumers, so no node of a later block sends into it: every node it holds has its full gradient.
 */
function takeNewest(): Block {
  let newest = 0;
  for (let i = 1; i < pendingSize; i++) if (pending[i].number > pending[newest].number) newest = i;
  const block = pending[newest];
  pending[newest] = pending[--pendingSize];
  pending[pendingSize] = undefined as unknown as Block;
  return block;
}

/** Ends the visit of `block`, whose list is empty by now. */
function release(block: Block): void {
  if (spareLists.length < MAX_SPARE_LISTS) spareLists.push(block.reached!);
  block.reached = null;
}

/**
 * Whether op node `x` has been reached by the running pass: it is listed in its block until it is
 * visited, and nothing sends into a node after its visit (its consumers all come before it).
 */
function isListed(x: Value): boolean {
  const nodes = x._blk.reached;
  return nodes !== null && nodes[x._slot] === x;
}

/**
 * Lists op node `x` in its block as reached, with gradient +0 (queueing the block for a visit if
 * it is the first node of the block reached).
 */
function reach(x: Value): void {
  const block = x._blk;
  const s = x._slot;
  block.grad[s] = 0;
  let nodes = block.reached;
  if (nodes === null) {
    nodes = spareLists.pop() ?? new Array<Value>(BLOCK_SIZE);
    block.reached = nodes;
    block.reachedLow = s;
    block.reachedHigh = s;
    if (pendingSize === pending.length) pending.push(block);
    else pending[pendingSize] = block;
    pendingSize++;
  } else if (s < block.reachedLow) block.reachedLow = s;
  else if (s > block.reachedHigh) block.reachedHigh = s;
  nodes[s] = x;
}

/**
 * Adds contribution `c` into the gradient of input `x`: an op node reached for the first time
 * starts from +0 (as if zeroed), a variable accumulates, a constant receives nothing.
 */
function send(x: Value, c: number): void {
  if (!isListed(x)) {
    if (x.isLeaf) {
      if (!isConstant(x)) x._blk.grad[x._slot] += c;
      return;
    }
    reach(x);
  }
  x._blk.grad[x._slot] += c;
}

/** Sends the gradient of op node `node` (complete by now) into its inputs. */
function propagate(node: Value, check: boolean): void {
  const block = node._blk;
  const s = node._slot;
  const g = block.grad[s];
  const row = block.rows[block.rowOf[s]] as OpRow;
  const out = block.data[s];
  if (g === 0 && block.skippable[s] === 1) {
    reachInputs(node);
    return;
  }
  if (row.arity === 2) {
    const a = node._a!;
    const b = node._b as Value | number;
    const aData = a._blk.data[a._slot];
    const bData = typeof b === 'number' ? b : b._blk.data[b._slot];
    const ca = g * partialA(row, aData, bData, out);
    if (check && !Number.isFinite(ca) && !isConstant(a)) reportBackward(node, 0, ca);
    send(a, ca);
    if (typeof b !== 'number') {
      const cb = g * partialB(row, aData, bData, out);
      if (check && !Number.isFinite(cb) && !isConstant(b)) reportBackward(node, 1, cb);
      send(b, cb);
    }
  } else if (row.arity === 1) {
    const a = node._a!;
    const ca = g * partial(row, a._blk.data[a._slot], out);
    if (check && !Number.isFinite(ca) && !isConstant(a)) reportBackward(node, 0, ca);
    send(a, ca);
  } else propagateNary(node, row, g, out, check);
}

/**
 * propagate's n-ary case, a function of its own so that V8 inlines the derivative and `send` into
 * its loop: inlined into propagate, which has no room left for them, every contribution was a heap
 * box.
 */
function propagateNary(node: Value, row: NaryRow, g: number, out: number, check: boolean): void {
  const xs = node._b as readonly Value[];
  const data = readsInputs(row) ? gatherData(xs) : NOT_READ;
  for (let i = 0; i < xs.length; i++) {
    const c = g * naryPartial(row, i, data, out);
    if (check && !Number.isFinite(c) && !isConstant(xs[i])) reportBackward(node, i, c);
    send(xs[i], c);
  }
}

/**
 * The inputs' values, for an n-ary row's derivative, in an array reused by every node with as many
 * inputs (up to REUSED_LENGTHS; a longer list gets an array of its own).
 */
const inputData: number[][] = [];
const REUSED_LENGTHS = 256;

function gatherData(xs: readonly Value[]): readonly number[] {
  const n = xs.length;
  const data = n <= REUSED_LENGTHS ? (inputData[n] ??= new Array<number>(n).fill(0.5)) : new Array<number>(n);
  for (let i = 0; i < n; i++) data[i] = xs[i]._blk.data[xs[i]._slot];
  return data;
}

/**
 * Gives every op input of a skipped node a zero gradient for this pass, if it has none yet; an
 * input whose whole subgraph never had a gradient written (a new graph's, on its first pass) holds
 * zeros already, and is left alone, as hand-written backprop leaves a dead branch.
 */
function reachInputs(node: Value): void {
  // Nothing under the node had a gradient written (its least op id says so): no input needs one.
  if (node._blk.lowestOp[node._slot] > writtenBefore) return;
  const b = node._b;
  if (node._a !== null) reachZero(node._a);
  if (b === null || typeof b === 'number') return;
  if (Array.isArray(b)) for (let i = 0; i < b.length; i++) reachZero(b[i] as Value);
  else reachZero(b as Value);
}

function reachZero(x: Value): void {
  if (!x.isLeaf && x._blk.lowestOp[x._slot] <= writtenBefore && !isListed(x)) reach(x);
}

function isConstant(x: Value): boolean {
  const block = x._blk;
  return block.rows[block.rowOf[x._slot]] === CONSTANT;
}
