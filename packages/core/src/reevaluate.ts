/**
 * A graph's values recomputed from its op rows with one node's value replaced: how the checks
 * nudge a node (a leaf or an intermediate) and see what the root becomes. A plain loop over the
 * topological order that recomputes only the nodes depending on the nudged one, independent of
 * backward, the node store and the tape.
 */
import type { OpRow } from './op-row';
import { rowForward } from './row-call';
import type { Value } from './value';

/** Re-runs of one graph: `run(k, x)` gives every node's value with node `order[k]` set to x. */
export interface Reevaluation {
  /** Each node's position in the order. */
  readonly position: ReadonlyMap<Value, number>;
  /** The values by position with `order[k]` set to `x` (a buffer reused by the next call). */
  run(k: number, x: number): Float64Array;
}

/** Prepares re-runs of the graph in `order` (inputs before consumers, as topoSort gives). */
export function reevaluation(order: readonly Value[]): Reevaluation {
  const n = order.length;
  const position = new Map(order.map((v, k) => [v, k]));
  const inputs = order.map((v) => (v.isLeaf ? null : positionsOf(v.inputs, position)));
  const base = new Float64Array(n);
  for (let k = 0; k < n; k++) base[k] = order[k].data;
  const values = new Float64Array(n);
  const changed = new Uint8Array(n);
  return {
    position,
    run(k, x) {
      values.set(base);
      changed.fill(0);
      values[k] = x;
      changed[k] = 1;
      for (let j = k + 1; j < n; j++) {
        const from = inputs[j];
        if (from === null) continue;
        let touched = false;
        for (let i = 0; i < from.length && !touched; i++) touched = changed[from[i]] === 1;
        if (!touched) continue;
        changed[j] = 1;
        const xs = new Array<number>(from.length);
        for (let i = 0; i < from.length; i++) xs[i] = values[from[i]];
        values[j] = rowForward(order[j]._row as OpRow, xs);
      }
      return values;
    },
  };
}

/** The positions of `nodes` in the order (a loop: Int32Array.from with a map function is slow). */
export function positionsOf(nodes: readonly Value[], position: ReadonlyMap<Value, number>): Int32Array {
  const out = new Int32Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) out[i] = position.get(nodes[i])!;
  return out;
}
