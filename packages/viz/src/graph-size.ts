/**
 * The size of a computation graph as drawings and exports pay for it: its Values and its input
 * edges (x*x has two; the sum of one leaf used N times has 2 Values and N edges), counted in one
 * iterative walk before anything is built, and the check that refuses a graph over either limit.
 */
import { topoSort } from '@chainrule/core';
import type { Value } from '@chainrule/core';
import type { ComputationGraph } from './to-graph';
import { VizError } from './viz-error';

/** Values and input edges of a graph. */
export interface GraphSize {
  values: number;
  /** Input edges: one per argument of each op (a Value used twice counts twice). */
  edges: number;
}

/** The size of the graph under `root`; constants (and the edges from them) left out unless `constants`. */
export function sizeOfValues(root: Value, constants = true): GraphSize {
  let values = 0;
  let edges = 0;
  for (const v of topoSort(root)) {
    if (!constants && v.isConstant) continue;
    values++;
    for (const input of v.inputs) if (constants || !input.isConstant) edges++;
  }
  return { values, edges };
}

/** The size of a graph from toGraph. */
export function sizeOfGraph(graph: ComputationGraph): GraphSize {
  let values = 0;
  let edges = 0;
  graph.forEachNode((_key, attributes) => {
    if (attributes.type === 'value') values++;
  });
  graph.forEachEdge((_key, attributes) => {
    if (attributes.type === 'input') edges++;
  });
  return { values, edges };
}

/** The limits a graph is checked against, with the option names that raise them. */
export interface SizeLimits {
  maxValues: number;
  maxEdges: number;
  /** What the limits protect, for the message: "every step redraws the whole graph". */
  why: string;
  /** Another way out besides raising the limit, e.g. "export it with toJSON". */
  instead: string;
  /** The option that raises maxValues, when the function calls it otherwise (toJSON: 'maxNodes'). */
  valuesOption?: string;
  /** Words after the limit, e.g. 'for this format'. */
  scope?: string;
}

/**
 * Throws a VizError when `size` is over a limit: the message has the count, the limit, the option
 * that raises it, and `limit` carries them for callers (the command line) that phrase their own fix.
 */
export function checkSize(where: string, size: GraphSize, limits: SizeLimits): void {
  const over =
    size.values > limits.maxValues
      ? { option: limits.valuesOption ?? 'maxValues', what: 'Values', count: size.values, max: limits.maxValues }
      : size.edges > limits.maxEdges
        ? {
            option: 'maxEdges',
            what: 'edges (inputs of ops, a Value used twice counts twice)',
            count: size.edges,
            max: limits.maxEdges,
          }
        : null;
  if (over === null) return;
  const error = new VizError(
    `@chainrule/viz/${where}: the graph has ${over.count} ${over.what}, over the limit of ${over.max}${limits.scope ? ` ${limits.scope}` : ''} (${limits.why}). ` +
      `${capitalise(limits.instead)}, or pass { ${over.option}: ${over.count} } to try anyway.`,
  );
  error.limit = { option: over.option, count: over.count, max: over.max };
  throw error;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
