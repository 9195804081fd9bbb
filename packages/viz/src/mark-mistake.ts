/**
 * markMistake: where a hand-derived backward pass first goes wrong (compareGradients' first wrong
 * step), drawn on a graph: the node is ringed and noted, and the nodes its gradient flows into in
 * backward, which inherit the mistake, are marked. Highlights set before (a mismatch) are kept.
 */
import { describe, Value } from '@chainrule/core';
import { valueKey, type ComputationGraph } from './to-graph';
import { vizError } from './viz-error';

/** The option `mistake` of renderSvg and renderHtml. */
export interface Mistake {
  /** The node where the derivation goes wrong: ringed. */
  node: Value;
  /** The nodes downstream of it in backward (under it in the graph): marked. Default none. */
  downstream?: Iterable<Value>;
  /** Written under the ringed node. Default none. */
  note?: string;
}

/** Whether `x` has the shape of a Mistake (checked in full by markMistake). */
export function isMistake(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as Mistake).node instanceof Value;
}

/** Sets the 'wrong-step' and 'carried' highlights of `mistake` on `graph` (which it changes). */
export function markMistake(graph: ComputationGraph, mistake: Mistake, where: string): void {
  const key = valueKey(mistake.node.id);
  if (!graph.hasNode(key)) {
    throw vizError(
      where,
      `options.mistake.node (${mistake.node.label || 'a Value'}) is not in the graph drawn.`,
      'pass a node the root depends on, such as compareGradients(root, manual).firstWrong.node',
    );
  }
  graph.setNodeAttribute(key, 'highlight', 'wrong-step');
  if (mistake.note !== undefined) graph.setNodeAttribute(key, 'note', String(mistake.note));
  const downstream = mistake.downstream ?? [];
  if (typeof (downstream as Iterable<Value>)[Symbol.iterator] !== 'function') {
    throw vizError(
      where,
      `options.mistake.downstream must be an iterable of Values, got ${describe(downstream)}.`,
      'pass compareGradients(root, manual).downstream, or leave it out',
    );
  }
  for (const v of downstream) {
    const k = v instanceof Value ? valueKey(v.id) : null;
    if (k !== null && graph.hasNode(k) && graph.getNodeAttribute(k, 'highlight') === undefined) {
      graph.setNodeAttribute(k, 'highlight', 'carried');
    }
  }
}
