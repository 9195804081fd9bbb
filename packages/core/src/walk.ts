/**
 * Iterative graph walks shared by the engine: every node below a root exactly once, op nodes in
 * reverse creation order (largest id first), so each comes after all nodes that consume it. No
 * recursion, so a chain of a million nodes is walked like a chain of ten.
 */
import { BLOCK_SIZE } from './fast/node-store';
import type { Value } from './value';

let lastMark = 0;

/** A fresh walk number; nodes whose mark equals it have been reached by this walk. */
export function nextMark(): number {
  return ++lastMark;
}

/** The mark of `x`: the number of the last walk that reached it, 0 if none (see Block.marks). */
export function markOf(x: Value): number {
  const marks = x._blk.marks;
  return marks === null ? 0 : marks[x._slot];
}

/** Sets the mark of `x`. */
export function setMark(x: Value, mark: number): void {
  (x._blk.marks ??= new Float64Array(BLOCK_SIZE))[x._slot] = mark;
}

/**
 * Calls `onOp` for every op node under `root` (root included), largest id first, and `onLeaf`
 * once for every leaf, right after the first op node that reads it. Number operands not yet turned
 * into constant Values are skipped unless `materialize` is true (they become constants as their
 * consumer is visited).
 */
export function walk(root: Value, onOp: (v: Value) => void, onLeaf: (v: Value) => void, materialize = false): void {
  if (root.isLeaf) {
    setMark(root, nextMark());
    onLeaf(root);
    return;
  }
  const ops = reachOps(root);
  const leafMark = nextMark();
  const reachLeaf = (x: Value): void => {
    if (!x.isLeaf || markOf(x) === leafMark) return;
    setMark(x, leafMark);
    onLeaf(x);
  };
  const visit = (node: Value): void => {
    onOp(node);
    const b = node._b;
    if (node._a !== null) reachLeaf(node._a);
    if (b === null) return;
    if (typeof b === 'number') {
      if (materialize) reachLeaf(node.inputs[1]);
    } else if (Array.isArray(b)) {
      for (let i = 0; i < b.length; i++) reachLeaf(b[i] as Value);
    } else reachLeaf(b as Value);
  };
  forEachByIdDescending(ops, root.id, visit);
}

/**
 * Every op node under `root`, root included, in no particular order; an explicit stack, so depth
 * costs memory, not recursion. Each is marked with a fresh walk number; `lowest` is their least id.
 */
function reachOps(root: Value): Value[] & { lowest: number } {
  const mark = nextMark();
  setMark(root, mark);
  const ops = Object.assign([root], { lowest: root.id });
  const stack: Value[] = [root];
  const reach = (x: Value): void => {
    if (x.isLeaf || markOf(x) === mark) return;
    setMark(x, mark);
    ops.push(x);
    stack.push(x);
    if (x.id < ops.lowest) ops.lowest = x.id;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    const b = node._b;
    if (node._a !== null) reach(node._a);
    if (b === null || typeof b === 'number') continue;
    if (Array.isArray(b)) for (let i = 0; i < b.length; i++) reach(b[i] as Value);
    else reach(b as Value);
  }
  return ops;
}

/** Calls `fn` on `ops` from the largest id (`highest`) down. */
function forEachByIdDescending(ops: Value[] & { lowest: number }, highest: number, fn: (v: Value) => void): void {
  const sorted = sortedById(ops, ops.lowest, highest);
  for (let k = sorted.length - 1; k >= 0; k--) fn(sorted[k]);
}

/**
 * `values` (distinct nodes) in increasing id order. Ids of one graph are usually close together,
 * so each node is placed at its id in an array read in order; ids spread far apart are sorted.
 */
export function sortById(values: readonly Value[]): Value[] {
  if (values.length === 0) return [];
  let lowest = Infinity;
  let highest = -Infinity;
  for (const v of values) {
    const id = v.id;
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  return sortedById(values, lowest, highest);
}

function sortedById(values: readonly Value[], lowest: number, highest: number): Value[] {
  const span = highest - lowest + 1;
  if (!(span <= 4 * values.length + 1024)) {
    const ids = new Float64Array(values.length);
    values.forEach((v, i) => (ids[i] = v.id));
    return Array.from(values.keys())
      .sort((i, j) => ids[i] - ids[j])
      .map((i) => values[i]);
  }
  const byId = new Array<Value | undefined>(span);
  for (const v of values) byId[v.id - lowest] = v;
  const sorted: Value[] = [];
  for (let k = 0; k < span; k++) {
    const v = byId[k];
    if (v !== undefined) sorted.push(v);
  }
  return sorted;
}

/** Calls `fn` once for every Value under `root`, root included. */
export function forEachNode(root: Value, fn: (v: Value) => void): void {
  walk(root, fn, fn);
}
