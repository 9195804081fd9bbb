/**
 * The JSON document format of a chainrule Value graph (`format: 'chainrule-graph'`, version 1):
 * the types written by `toJSON` and read by `fromJSON`, and the limits `fromJSON` enforces.
 * This file is the schema's reference; docs/viz.md summarises it.
 */

/**
 * The `format` field every document carries.
 *
 * @example
 * ```ts
 * const doc = toJSON(new Value(0.8, 'w').mul(1.5));
 * console.log(doc.format === GRAPH_FORMAT, GRAPH_FORMAT); // true chainrule-graph
 * ```
 */
export const GRAPH_FORMAT = 'chainrule-graph';

/**
 * The schema version this package writes; `fromJSON` reads exactly this version.
 *
 * @example
 * ```ts
 * const doc = toJSON(new Value(0.8, 'w').mul(1.5));
 * console.log(doc.version === GRAPH_VERSION, GRAPH_VERSION); // true 1
 * ```
 */
export const GRAPH_VERSION = 1;

/**
 * A computation graph as plain JSON data.
 *
 * - `nodes` lists every Value under `root` exactly once, each after all of its inputs (toJSON writes
 *   leaves first, then operations in creation order; fromJSON accepts any order without cycles).
 * - Numbers are finite doubles (JSON has no NaN or Infinity; a graph holding one cannot be exported);
 *   −0 is written as 0, as JSON text would anyway.
 *
 * @example
 * // The article's a = i*w, C = (a - y)^2 after C.backward() (numbers shortened here):
 * {
 *   "format": "chainrule-graph", "version": 1, "root": 7,
 *   "nodes": [
 *     { "id": 1, "op": "",      "label": "i", "data": 1.5,  "grad": 1.12, "inputs": [] },
 *     { "id": 2, "op": "",      "label": "w", "data": 0.8,  "grad": 2.1,  "inputs": [] },
 *     { "id": 3, "op": "",      "label": "y", "data": 0.5,  "grad": -1.4, "inputs": [] },
 *     { "id": 4, "op": "const", "label": "",  "data": 2,    "grad": 0,    "inputs": [] },
 *     { "id": 5, "op": "mul",   "label": "a", "data": 1.2,  "grad": 1.4,  "inputs": [1, 2] },
 *     { "id": 6, "op": "sub",   "label": "",  "data": 0.7,  "grad": 1.4,  "inputs": [5, 3] },
 *     { "id": 7, "op": "pow",   "label": "C", "data": 0.49, "grad": 1,    "inputs": [6, 4] }
 *   ]
 * }
 */
export interface GraphDocument {
  /** Always `'chainrule-graph'`. */
  format: typeof GRAPH_FORMAT;
  /** Schema version, `1`. */
  version: typeof GRAPH_VERSION;
  /** `id` of the output node (the one `backward()` was called on). */
  root: number;
  /** Every node of the graph, inputs before the nodes that use them. */
  nodes: GraphDocumentNode[];
}

/** One Value of a {@link GraphDocument}. */
export interface GraphDocumentNode {
  /**
   * A non-negative safe integer, unique in the document. toJSON writes 1..n (`ids: 'compact'`) or
   * the engine's `Value.id` (`ids: 'engine'`); fromJSON accepts any unique ids.
   */
  id: number;
  /**
   * What produced the node: `''` for a leaf (a variable), `'const'` for a constant (a number given to
   * an op), or an op-table row name such as `add`, `mul`, `relu` or `dot` (see `OPS` in
   * @chainrule/core).
   */
  op: string;
  /** The Value's label; `''` when it has none. */
  label: string;
  /**
   * The forward value. fromJSON takes it as given for leaves and constants and recomputes it for
   * operations, rejecting a document whose stored value disagrees (a corrupted or edited file).
   */
  data: number;
  /** The gradient held when exported (0 before `backward()`); restored as it is. */
  grad: number;
  /**
   * Ids of the inputs in argument order (`x*x` lists x twice). Empty for leaves and constants; one
   * for unary ops; two for binary ops (base, exponent for `pow`); any number for `sum`.
   */
  inputs: number[];
}

/** Limits fromJSON enforces so that a hostile or corrupted document fails fast instead of exhausting memory. */
export interface GraphDocumentLimits {
  /** Most nodes a document may hold. Default 4,000,000. */
  maxNodes?: number;
  /** Most input references (edges) over all nodes. Default 8,000,000. */
  maxEdges?: number;
  /** Longest label, in UTF-16 code units. Default 10,000. */
  maxLabelLength?: number;
  /** Longest JSON text accepted when a string is passed, in characters. Default 400,000,000. */
  maxTextLength?: number;
}

/**
 * The default {@link GraphDocumentLimits} of `fromJSON`.
 *
 * @example
 * ```ts
 * console.log(DEFAULT_DOCUMENT_LIMITS);
 * // { maxNodes: 4000000, maxEdges: 8000000, maxLabelLength: 10000, maxTextLength: 400000000 }
 * ```
 */
export const DEFAULT_DOCUMENT_LIMITS: Required<GraphDocumentLimits> = {
  maxNodes: 4_000_000,
  maxEdges: 8_000_000,
  maxLabelLength: 10_000,
  maxTextLength: 400_000_000,
};
