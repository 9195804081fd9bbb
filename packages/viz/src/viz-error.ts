/**
 * Errors raised at the public boundary of @chainrule/viz exports, import and plots: each starts with
 * where it comes from, says what was wrong and ends with the fix.
 */

/**
 * An error about one node of a graph or document; `nodeId` is the offending id when there is one.
 *
 * @example
 * ```ts
 * const doc = toJSON(new Value(0.8, 'w').mul(1.5));
 * try {
 *   fromJSON({ ...doc, nodes: [...doc.nodes, doc.nodes[0]] });
 * } catch (e) {
 *   console.log(e instanceof VizError, (e as VizError).nodeId); // true 1
 *   console.log((e as VizError).message);
 *   // prints "@chainrule/viz/fromJSON: node 1: the id appears twice (nodes[0] and nodes[3]). Give every node its own id."
 * }
 * ```
 */
export class VizError extends Error {
  readonly nodeId: number | undefined;
  /** For a graph over a size limit: the option that raises it, the graph's count and the limit. */
  limit: { option: string; count: number; max: number } | undefined;
  constructor(message: string, nodeId?: number) {
    super(message);
    this.name = 'VizError';
    this.nodeId = nodeId;
  }
}

/** `@chainrule/viz/<where>: <problem> <Fix>.` as a VizError. */
export function vizError(where: string, problem: string, fix: string, nodeId?: number): VizError {
  const sentence = fix.charAt(0).toUpperCase() + fix.slice(1);
  return new VizError(`@chainrule/viz/${where}: ${problem} ${sentence}.`, nodeId);
}
