/**
 * The backward pass behind `Value.backward()`: reverse-mode accumulation over the op table's
 * numeric local derivatives. Intermediate gradients are overwritten on first touch (so a second
 * call never corrupts them); leaf gradients accumulate, as in PyTorch; constants receive nothing.
 */
import { anomalyState, reportBackward } from './anomaly';
import { IdHeap } from './id-heap';
import type { OpRow } from './op-row';
import { CONSTANT, LEAF } from './ops';
import type { Value } from './value';
import { nextMark } from './walk';

export function backward(root: Value): void {
  if (root._row === LEAF) {
    root.grad += 1;
    return;
  }
  if (root._row === CONSTANT) return;
  const mark = nextMark();
  const check = anomalyState.enabled;
  const heap = new IdHeap();
  root._mark = mark;
  root.grad = 1;
  heap.push(root);

  // Adds `c` into the gradient of `x`: accumulates on leaves, overwrites then accumulates on the
  // first and later touches of an op node in this pass, and queues that node.
  const send = (x: Value, c: number): void => {
    const row = x._row;
    if (row === LEAF) x.grad += c;
    else if (row === CONSTANT) return;
    else if (x._mark !== mark) {
      x._mark = mark;
      x.grad = c;
      heap.push(x);
    } else x.grad += c;
  };

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
        const ca = g * row.derivativeA(a.data, bData, out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca);
      }
      if (typeof b !== 'number' && b._row !== CONSTANT) {
        const cb = g * row.derivativeB(a.data, bData, out);
        if (check && !Number.isFinite(cb)) reportBackward(node, 1, cb);
        send(b, cb);
      }
    } else if (row.arity === 1) {
      const a = node._a!;
      if (a._row !== CONSTANT) {
        const ca = g * row.derivative(a.data, out);
        if (check && !Number.isFinite(ca)) reportBackward(node, 0, ca);
        send(a, ca);
      }
    } else {
      const xs = node._b as readonly Value[];
      const data = xs.map((x) => x.data);
      for (let i = 0; i < xs.length; i++) {
        if (xs[i]._row === CONSTANT) continue;
        const c = g * row.derivative(i, data, out);
        if (check && !Number.isFinite(c)) reportBackward(node, i, c);
        send(xs[i], c);
      }
    }
  }
}
