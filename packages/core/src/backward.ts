/**
 * The backward pass behind `Value.backward()`: reverse-mode accumulation over the op table's
 * numeric local derivatives, reading nodes' numbers straight from the node store. Intermediate gradients are overwritten on first touch (so a second
 * call never corrupts them); leaf gradients accumulate, as in PyTorch; constants receive nothing.
 */
import { anomalyState, reportBackward } from './anomaly';
import { IdHeap } from './id-heap';
import type { OpRow } from './op-row';
import { CONSTANT, LEAF } from './ops';
import { NOT_READ, partial, partialA, partialB, readsInputs } from './partials';
import type { Value } from './value';
import { nextMark } from './walk';

/** Reused by every pass (a pass never starts inside another): no allocation per call. */
const heap = new IdHeap();

export function backward(root: Value): void {
  const rootRow = root._row;
  if (rootRow === LEAF) {
    root.grad += 1;
    return;
  }
  if (rootRow === CONSTANT) return;
  const mark = nextMark();
  const check = anomalyState.enabled;
  heap.clear();
  root._mark = mark;
  root.grad = 1;
  heap.push(root);

  while (heap.size > 0) {
    const node = heap.pop();
    const block = node._blk;
    const s = node._slot;
    const g = block.grad[s];
    const row = block.rows[block.rowOf[s]] as OpRow;
    const out = block.data[s];
    if (row.arity === 2) {
      const a = node._a!;
      const b = node._b as Value | number;
      const aData = a._blk.data[a._slot];
      const bData = typeof b === 'number' ? b : b._blk.data[b._slot];
      if (!isConstant(a)) {
        const ca = g * partialA(row, aData, bData, out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca, mark);
      }
      if (typeof b !== 'number' && !isConstant(b)) {
        const cb = g * partialB(row, aData, bData, out);
        if (check && !Number.isFinite(cb)) reportBackward(node, 1, cb);
        send(b, cb, mark);
      }
    } else if (row.arity === 1) {
      const a = node._a!;
      if (!isConstant(a)) {
        const ca = g * partial(row, a._blk.data[a._slot], out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca, mark);
      }
    } else {
      const xs = node._b as readonly Value[];
      const data = readsInputs(row) ? xs.map((x) => x.data) : NOT_READ;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (isConstant(x)) continue;
        const c = g * row.derivative(i, data, out);
        if (check && !Number.isFinite(c)) reportBackward(node, i, c);
        send(x, c, mark);
      }
    }
  }
}

function isConstant(x: Value): boolean {
  const block = x._blk;
  return block.rows[block.rowOf[x._slot]] === CONSTANT;
}

/**
 * Adds `c` into the gradient of `x` (not a constant): accumulates on leaves, overwrites on the
 * first touch of an op node in this pass (walk number `mark`, queueing it) and accumulates on
 * later touches.
 */
function send(x: Value, c: number, mark: number): void {
  const block = x._blk;
  const s = x._slot;
  if (block.rows[block.rowOf[s]] === LEAF) block.grad[s] += c;
  else if (block.mark[s] !== mark) {
    block.mark[s] = mark;
    block.grad[s] = c;
    heap.push(x);
  } else block.grad[s] += c;
}
