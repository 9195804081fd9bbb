/**
 * Iterative graph walks shared by the engine: every node below a root exactly once, op nodes in
 * reverse topological order (largest id first, see id-heap.ts), without recursion, so a chain of a
 * million nodes is walked like a chain of ten.
 */
import { IdHeap } from './id-heap';
import type { Value } from './value';

let lastMark = 0;

/** A fresh walk number; nodes whose `_mark` equals it have been reached by this walk. */
export function nextMark(): number {
  return ++lastMark;
}

/**
 * Calls `onOp` for every op node under `root` (root included), each after all nodes that consume
 * it, and `onLeaf` once for every leaf. Number operands not yet turned into constant Values are
 * skipped unless `materialize` is true.
 */
export function walk(root: Value, onOp: (v: Value) => void, onLeaf: (v: Value) => void, materialize = false): void {
  const mark = nextMark();
  root._mark = mark;
  if (root.isLeaf) {
    onLeaf(root);
    return;
  }
  const heap = new IdHeap();
  heap.push(root);
  const reach = (x: Value): void => {
    if (x._mark === mark) return;
    x._mark = mark;
    if (x.isLeaf) onLeaf(x);
    else heap.push(x);
  };
  while (heap.size > 0) {
    const node = heap.pop();
    onOp(node);
    const b = node._b;
    if (node._a !== null) reach(node._a);
    if (b === null) continue;
    if (typeof b === 'number') {
      if (materialize) reach(node.inputs[1]);
    } else if (Array.isArray(b)) {
      for (let i = 0; i < b.length; i++) reach(b[i]);
    } else {
      reach(b as Value);
    }
  }
}

/** Calls `fn` once for every Value under `root`, root included. */
export function forEachNode(root: Value, fn: (v: Value) => void): void {
  walk(root, fn, fn);
}
