/**
 * The backward pass behind `Value.backward()`: reverse-mode accumulation over the op table's
 * numeric local derivatives, reading nodes' numbers straight from the node store. Intermediate
 * gradients are recomputed on every call (so a second call never corrupts them); leaf gradients
 * accumulate, as in PyTorch; constants receive nothing. A node whose gradient is 0 and that could
 * only pass zeros on (an off relu and the sum under it) is skipped, as hand-written backprop does.
 */
import { anomalyState, reportBackward } from './anomaly';
import type { OpRow } from './op-row';
import { CONSTANT, LEAF, OPS } from './ops';
import { NOT_READ, partial, partialA, partialB, readsInputs } from './partials';
import type { Value } from './value';
import { nextMark } from './walk';

/**
 * Reused by every pass (a pass never starts inside another): the depth-first stack and the op nodes
 * in the order they finish (every node after all of its op inputs). They keep their length between
 * passes (growing them again every pass costs more than the pass); `stackSize` and `orderSize`
 * say how much is in use, and entries past those are cleared so no old graph is kept alive.
 */
const stack: Value[] = [];
let stackSize = 0;
const order: Value[] = [];
let orderSize = 0;

export function backward(root: Value): void {
  const rootRow = root._row;
  if (rootRow === LEAF) {
    root.grad += 1;
    return;
  }
  if (rootRow === CONSTANT) return;
  finishOrder(root);
  root.grad = 1;
  const check = anomalyState.enabled;
  let k = orderSize - 1;
  // A catch, not a finally: V8 (Node 20) deoptimized this function at the end of every pass
  // when the clean-up sat in a finally block (301 deopts in 300 W2 steps; with the catch, none).
  try {
    for (; k >= 0; k--) {
      const node = order[k];
      order[k] = undefined as unknown as Value;
      propagate(node, check);
    }
  } catch (error) {
    order.fill(undefined as unknown as Value, 0, k + 1); // after an anomaly error
    orderSize = 0;
    throw error;
  }
  orderSize = 0;
}

/**
 * Fills `order` with the op nodes under `root` in the order a depth-first search finishes them,
 * zeroing their gradients. A node's inputs finish before it, so reading `order` backwards visits
 * every node after all nodes that consume it. The stack is explicit: no recursion on graph depth.
 */
function finishOrder(root: Value): void {
  const expanded = nextMark();
  const finished = nextMark();
  stackSize = 0;
  orderSize = 0;
  pushNode(root);
  while (stackSize > 0) {
    const node = stack[stackSize - 1];
    const mark = node._mark;
    if (mark === finished) {
      stack[--stackSize] = undefined as unknown as Value; // a second entry of a node with two consumers
      continue;
    }
    if (mark === expanded) {
      stack[--stackSize] = undefined as unknown as Value;
      node._mark = finished;
      node._blk.grad[node._slot] = 0;
      if (orderSize === order.length) order.push(node);
      else order[orderSize] = node;
      orderSize++;
      continue;
    }
    node._mark = expanded;
    // Inputs are stacked last to first, so the first input is expanded first and finishes first:
    // reading `order` backwards then meets later arguments (usually the later-created nodes) first,
    // as a walk in reverse creation order would, and gradients add up in that order.
    const b = node._b;
    if (b !== null && typeof b !== 'number') {
      if (Array.isArray(b)) for (let i = b.length - 1; i >= 0; i--) pushInput(b[i] as Value, finished);
      else pushInput(b as Value, finished);
    }
    if (node._a !== null) pushInput(node._a, finished);
  }
}

/**
 * Stacks input `x` unless it is a leaf or finished. An input met before but not yet expanded is
 * stacked again, so that it finishes before this consumer (its older entry is skipped later).
 */
function pushInput(x: Value, finished: number): void {
  if (x._mark !== finished && !x.isLeaf) pushNode(x);
}

function pushNode(x: Value): void {
  if (stackSize === stack.length) stack.push(x);
  else stack[stackSize] = x;
  stackSize++;
}

/** Sends the gradient of op node `node` (complete by now) into its inputs. */
function propagate(node: Value, check: boolean): void {
  const block = node._blk;
  const s = node._slot;
  const g = block.grad[s];
  const row = block.rows[block.rowOf[s]] as OpRow;
  const out = block.data[s];
  if (g === 0 && sendsOnlyZeros(row, out)) return;
  if (row.arity === 2) {
    const a = node._a!;
    const b = node._b as Value | number;
    const aData = a._blk.data[a._slot];
    const bData = typeof b === 'number' ? b : b._blk.data[b._slot];
    if (!isConstant(a)) {
      const ca = g * partialA(row, aData, bData, out);
      if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
      a._blk.grad[a._slot] += ca;
    }
    if (typeof b !== 'number' && !isConstant(b)) {
      const cb = g * partialB(row, aData, bData, out);
      if (check && !Number.isFinite(cb)) reportBackward(node, 1, cb);
      b._blk.grad[b._slot] += cb;
    }
  } else if (row.arity === 1) {
    const a = node._a!;
    if (isConstant(a)) return;
    const ca = g * partial(row, a._blk.data[a._slot], out);
    if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
    a._blk.grad[a._slot] += ca;
  } else {
    const xs = node._b as readonly Value[];
    const data = readsInputs(row) ? xs.map((x) => x.data) : NOT_READ;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      if (isConstant(x)) continue;
      const c = g * row.derivative(i, data, out);
      if (check && !Number.isFinite(c)) reportBackward(node, i, c);
      x._blk.grad[x._slot] += c;
    }
  }
}

/**
 * Whether a node whose gradient is 0 would add only ±0 into its inputs, which changes no gradient
 * (they start at +0, and sums of doubles never make -0 from it), so it can be skipped, as
 * hand-written backprop skips an off relu: rows whose local derivatives are constants, and a
 * product whose value is finite (then both factors are, and 0 × a finite number is ±0).
 */
function sendsOnlyZeros(row: OpRow, out: number): boolean {
  return (
    row === OPS.add ||
    row === OPS.sum ||
    row === OPS.relu ||
    row === OPS.sub ||
    row === OPS.neg ||
    (row === OPS.mul && Number.isFinite(out))
  );
}

function isConstant(x: Value): boolean {
  const block = x._blk;
  return block.rows[block.rowOf[x._slot]] === CONSTANT;
}
