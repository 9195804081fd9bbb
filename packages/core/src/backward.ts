/**
 * The backward pass behind `Value.backward()`: reverse-mode accumulation over the op table's
 * numeric local derivatives. Intermediate gradients are overwritten on first touch (so a second
 * call never corrupts them); leaf gradients accumulate, as in PyTorch; constants receive nothing.
 */
import { anomalyState, reportBackward } from './anomaly';
import { IdHeap } from './id-heap';
import type { BinaryRow, NaryRow, OpRow, UnaryRow } from './op-row';
import { CONSTANT, LEAF, OPS } from './ops';
import type { Value } from './value';
import { nextMark } from './walk';

/** Reused by every pass (a pass never starts inside another): no allocation per call. */
const heap = new IdHeap();

/**
 * The loop's calls to `row.derivative...` see every row and cannot be inlined, so each one boxes
 * its numbers into fresh heap objects. The rows that dominate real graphs are called from a call
 * site of their own instead (still the op table's functions, as in tape.ts): these inline.
 */
const { add, sub, mul, div, relu, tanh, square } = OPS;

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

/** ∂out/∂a of a binary row (see the note on `add, sub, ...` above). */
function partialA(row: BinaryRow, a: number, b: number, out: number): number {
  if (row === mul) return mul.derivativeA(a, b, out);
  if (row === add) return add.derivativeA(a, b, out);
  if (row === sub) return sub.derivativeA(a, b, out);
  if (row === div) return div.derivativeA(a, b, out);
  return row.derivativeA(a, b, out);
}

/** ∂out/∂b of a binary row. */
function partialB(row: BinaryRow, a: number, b: number, out: number): number {
  if (row === mul) return mul.derivativeB(a, b, out);
  if (row === add) return add.derivativeB(a, b, out);
  if (row === sub) return sub.derivativeB(a, b, out);
  if (row === div) return div.derivativeB(a, b, out);
  return row.derivativeB(a, b, out);
}

/** ∂out/∂a of a unary row. */
function partial(row: UnaryRow, a: number, out: number): number {
  if (row === relu) return relu.derivative(a, out);
  if (row === tanh) return tanh.derivative(a, out);
  if (row === square) return square.derivative(a, out);
  return row.derivative(a, out);
}

/** Given to n-ary derivatives that declare no `xs` parameter (see NaryRow.derivative). */
const NOT_READ: readonly number[] = Object.freeze([]);

/** Whether an n-ary row's derivative reads its inputs' values (`sum`'s does not). */
function readsInputs(row: NaryRow): boolean {
  return row.derivative.length >= 2;
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
