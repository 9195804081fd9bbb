/**
 * The backward pass behind `Value.backward()`: reverse-mode accumulation over the op table's
 * numeric local derivatives. Intermediate gradients are overwritten on first touch (so a second
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
  if (root._row === LEAF) {
    root.grad += 1;
    return;
  }
  if (root._row === CONSTANT) return;
  const mark = nextMark();
  const check = anomalyState.enabled;
  heap.clear();
  root._mark = mark;
  root.grad = 1;
  heap.push(root);

  while (heap.size > 0) {
    const node = heap.pop();
    const g = node.grad;
    const row = node._row as OpRow;
    const out = node.data;
    if (row.arity === 2) {
      const a = node._a!;
      const b = node._b as Value | number;
      const bData = typeof b === 'number' ? b : b.data;
      if (a._row !== CONSTANT) {
        const ca = g * partialA(row, a.data, bData, out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca, mark);
      }
      if (typeof b !== 'number' && b._row !== CONSTANT) {
        const cb = g * partialB(row, a.data, bData, out);
        if (check && !Number.isFinite(cb)) reportBackward(node, 1, cb);
        send(b, cb, mark);
      }
    } else if (row.arity === 1) {
      const a = node._a!;
      if (a._row !== CONSTANT) {
        const ca = g * partial(row, a.data, out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca, mark);
      }
    } else {
      const xs = node._b as readonly Value[];
      const data = readsInputs(row) ? xs.map((x) => x.data) : NOT_READ;
      for (let i = 0; i < xs.length; i++) {
        if (xs[i]._row === CONSTANT) continue;
        const c = g * row.derivative(i, data, out);
        if (check && !Number.isFinite(c)) reportBackward(node, i, c);
        send(xs[i], c, mark);
      }
    }
  }
}

/**
 * Adds `c` into the gradient of `x`: accumulates on leaves, overwrites on the first touch of an op
 * node in this pass (walk number `mark`, queueing it) and accumulates on later touches.
 */
function send(x: Value, c: number, mark: number): void {
  const row = x._row;
  if (row === LEAF) x.grad += c;
  else if (row === CONSTANT) return;
  else if (x._mark !== mark) {
    x._mark = mark;
    x.grad = c;
    heap.push(x);
  } else x.grad += c;
}
