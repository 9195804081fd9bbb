/**
 * The values of a graph recomputed from its op rows with some nodes' values replaced: how the
 * checks nudge one node (a leaf or an intermediate) and see what the root becomes. A plain loop
 * over the topological order, independent of backward, the node store and the tape.
 */
import type { OpRow } from './op-row';
import { rowForward } from './row-call';
import type { Value } from './value';

/**
 * Every node's value, in `order` (inputs before consumers, as topoSort gives), with `overrides`
 * standing for the values of the nodes they name; the rest is recomputed by each node's row.
 */
export function reevaluate(order: readonly Value[], overrides: ReadonlyMap<Value, number>): Map<Value, number> {
  const values = new Map<Value, number>();
  for (const node of order) {
    const given = overrides.get(node);
    if (given !== undefined) values.set(node, given);
    else if (node.isLeaf) values.set(node, node.data);
    else
      values.set(
        node,
        rowForward(
          node._row as OpRow,
          node.inputs.map((x) => values.get(x)!),
        ),
      );
  }
  return values;
}
