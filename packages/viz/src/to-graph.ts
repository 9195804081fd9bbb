/**
 * toGraph: a computation graph as a graphology MultiDirectedGraph, the model every drawing and export of
 * @chainrule/viz reads. One node per Value (`v<id>`), one per operation (`o<id>`), an input edge per
 * argument (`e<id>:<index>`, carrying the local gradient and the contribution) and a result edge.
 */
import { MultiDirectedGraph } from 'graphology';
import {
  Value,
  backwardSteps,
  describe,
  hasGradients,
  localGradients,
  opByName,
  topoSort,
  type OpRow,
} from '@chainrule/core';
import { checkSize } from './graph-size';
import { checkLabel, isolateBidi } from './label-text';

/** The role of a Value in the graph. */
export type ValueKind = 'leaf' | 'parameter' | 'constant' | 'intermediate' | 'output';

/** Emphasis a producer may put on a node or an edge before rendering. */
export type Highlight =
  | 'step'
  | 'active'
  | 'mismatch'
  | 'anomaly'
  // The first wrong step of a hand-derived backward pass, and the nodes it flows into (see markMistake).
  | 'wrong-step'
  | 'carried';

/** Attributes any node or edge may carry for emphasis; `note` is shown as a tooltip or caption. */
export interface HighlightAttributes {
  highlight?: Highlight;
  note?: string;
}

/** A Value: key `v<id>`. */
export interface ValueNodeAttributes extends HighlightAttributes {
  type: 'value';
  kind: ValueKind;
  id: number;
  label: string;
  /** Value.op: an op-table row name, '' for a leaf, 'const' for a constant. */
  op: string;
  data: number;
  /** d(root)/d(this); null when the gradient is not computed (and always for constants). */
  grad: number | null;
}

/** An operation: key `o<id>`, where id is the id of the Value it produces. */
export interface OpNodeAttributes extends HighlightAttributes {
  type: 'op';
  op: string;
  symbol: string;
  valueId: number;
}

/** Argument `index` of op `o<id>`: key `e<id>:<index>`, from `v<inputId>` to `o<id>`. */
export interface InputEdgeAttributes extends HighlightAttributes {
  type: 'input';
  index: number;
  /** ∂out/∂input, from the op table. */
  local: number;
  /** upstream grad × local; null when grads are not computed or the input is a constant. */
  contribution: number | null;
}

/** From op `o<id>` to the Value it produces, `v<id>`: key `r<id>`. */
export interface ResultEdgeAttributes extends HighlightAttributes {
  type: 'result';
}

/** Attributes of a node of the graph model: a Value node or an op node. */
export type GraphNodeAttributes = ValueNodeAttributes | OpNodeAttributes;
/** Attributes of an edge of the graph model: input -> op, or op -> its result. */
export type GraphEdgeAttributes = InputEdgeAttributes | ResultEdgeAttributes;

/** Attributes of the whole graph model. */
export interface GraphAttributes {
  rootId: number;
  gradsComputed: boolean;
}

/** The graph model shared by every renderer and exporter of @chainrule/viz. */
export type ComputationGraph = MultiDirectedGraph<GraphNodeAttributes, GraphEdgeAttributes, GraphAttributes>;

/** Options of `toGraph(root, options)`. */
export interface ToGraphOptions {
  /**
   * Where gradients come from. 'auto' (default): the Values' current `.grad` when backward has run
   * (detected as `root.grad !== 0`, or `hasGradients(root)` after backward() or zeroGrad()), else null everywhere. 'current': the current `.grad` as it is.
   * 'compute': computed with backwardSteps, leaving every `.grad` untouched. 'none': null everywhere.
   */
  grads?: 'auto' | 'compute' | 'current' | 'none';
  /** Leaves to mark as kind 'parameter' (default: none). */
  parameters?: Iterable<Value>;
  /** Include constant nodes (numbers given to ops). Default true. */
  constants?: boolean;
  /**
   * Refuse graphs with more Values than this (default 500,000): a graphology graph costs about 1 KB
   * and several microseconds per Value, so a million-node graph would take a gigabyte and many seconds.
   */
  maxValues?: number;
  /**
   * Refuse graphs with more input edges than this (default 1,000,000; the sum of one leaf used N
   * times has N edges but only 2 Values, and each edge costs as much as a node).
   */
  maxEdges?: number;
}

const DEFAULT_MAX_VALUES = 500_000;
const DEFAULT_MAX_EDGES = 1_000_000;
const WHERE = '@chainrule/viz/toGraph';

/**
 * Key of the node for Value `id` in the graph model.
 *
 * @example
 * ```ts
 * const w = new Value(0.8, 'w');
 * const g = toGraph(w.mul(1.5));
 * console.log(valueKey(w.id), g.getNodeAttribute(valueKey(w.id), 'label')); // v1 w
 * ```
 */
export const valueKey = (id: number): string => `v${id}`;
/**
 * Key of the op node producing Value `id`.
 *
 * @example
 * ```ts
 * const a = new Value(0.8, 'w').mul(1.5);
 * console.log(opKey(a.id), toGraph(a).hasNode(opKey(a.id))); // o2 true
 * ```
 */
export const opKey = (id: number): string => `o${id}`;
/**
 * Key of the edge for argument `index` of the op producing Value `id`.
 *
 * @example
 * ```ts
 * const a = new Value(0.8, 'w').mul(1.5);
 * console.log(inputEdgeKey(a.id, 0), toGraph(a).hasEdge(inputEdgeKey(a.id, 0))); // e2:0 true
 * ```
 */
export const inputEdgeKey = (id: number, index: number): string => `e${id}:${index}`;
/**
 * Key of the edge from op `o<id>` to `v<id>`.
 *
 * @example
 * ```ts
 * const a = new Value(0.8, 'w').mul(1.5);
 * console.log(resultEdgeKey(a.id), toGraph(a).hasEdge(resultEdgeKey(a.id))); // r2 true
 * ```
 */
export const resultEdgeKey = (id: number): string => `r${id}`;

/**
 * The computation graph under `root` as a graphology MultiDirectedGraph (multi because `x*x` has two
 * edges between the same nodes), walked iteratively; nodes are added in topological order.
 * @example
 * const w = new Value(0.8, 'w');
 * const C = w.mul(1.5).sub(0.5).pow(2);
 * C.backward();
 * const g = toGraph(C, { parameters: [w] });
 * g.getNodeAttribute(`v${w.id}`, 'grad'); // 2.1
 */
export function toGraph(root: Value, options: ToGraphOptions = {}): ComputationGraph {
  if (!(root instanceof Value)) {
    throw new TypeError(
      `${WHERE}: expected a Value as the root, got ${describe(root)}. Pass the output Value of your computation.`,
    );
  }
  const mode = checkGradsMode(options.grads, WHERE);
  const showConstants = options.constants ?? true;
  const parameters = new Set<Value>(options.parameters ?? []);
  const order = sortWithinLimit(root, options.maxValues, WHERE, options.maxEdges);
  const gradOf = gradientReader(root, mode);
  const graph: ComputationGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ rootId: root.id, gradsComputed: gradOf !== null });
  const rows = new Map<string, OpRow>();
  drawnRows.set(graph, rows);

  for (const v of order) {
    if (v.isConstant && !showConstants) continue;
    if (!v.isLeaf) {
      rows.set(v.op, v.row as OpRow);
      addOperation(graph, v, gradOf, showConstants);
    }
    graph.addNode(valueKey(v.id), valueAttributes(v, root, parameters, gradOf));
    if (!v.isLeaf) graph.addDirectedEdgeWithKey(resultEdgeKey(v.id), opKey(v.id), valueKey(v.id), { type: 'result' });
  }
  return graph;
}

/**
 * The op rows of the graphs toGraph made, by op name (custom rows included), kept beside the
 * graph rather than in its attributes, which the exports write out.
 */
const drawnRows = new WeakMap<ComputationGraph, ReadonlyMap<string, OpRow>>();

/** @internal The op-table row called `op` in `graph`: the row toGraph drew, else the built-in row. */
export function rowOf(graph: ComputationGraph, op: string): OpRow | undefined {
  return drawnRows.get(graph)?.get(op) ?? opByName(op);
}

/** @internal The grads option, checked. */
export function checkGradsMode(mode: ToGraphOptions['grads'], where: string): NonNullable<ToGraphOptions['grads']> {
  const m = mode ?? 'auto';
  if (!['auto', 'compute', 'current', 'none'].includes(m)) {
    throw new TypeError(
      `${where}: unknown grads option ${JSON.stringify(m)}. Use 'auto', 'compute', 'current' or 'none'.`,
    );
  }
  return m;
}

/**
 * @internal topoSort(root), refused with a VizError past `maxValues` Values (default 500,000) or
 * `maxEdges` input edges (default 1,000,000).
 */
export function sortWithinLimit(
  root: Value,
  maxValues = DEFAULT_MAX_VALUES,
  where: string,
  maxEdges = DEFAULT_MAX_EDGES,
): Value[] {
  const order = topoSort(root);
  let edges = 0;
  for (const v of order) edges += v.inputs.length;
  checkSize(
    where.replace(/^@chainrule\/viz\//, ''),
    { values: order.length, edges },
    {
      maxValues,
      maxEdges,
      why: 'the graph model costs about a kilobyte per node and edge',
      instead: 'draw a smaller sub-graph',
    },
  );
  return order;
}

/** @internal Reads d(root)/d(v); null when gradients are not available. */
export type GradReader = ((v: Value) => number) | null;

/** Adds op node `o<id>` and its input edges (the result edge comes once `v<id>` exists). */
function addOperation(graph: ComputationGraph, v: Value, gradOf: GradReader, showConstants: boolean): void {
  const op = opKey(v.id);
  graph.addNode(op, { type: 'op', op: v.op, symbol: v.row.symbol, valueId: v.id });
  const locals = localGradients(v);
  const upstream = gradOf === null ? null : gradOf(v);
  const inputs = v.inputs;
  for (let index = 0; index < inputs.length; index++) {
    const input = inputs[index];
    if (input.isConstant && !showConstants) continue;
    const local = locals[index];
    graph.addDirectedEdgeWithKey(inputEdgeKey(v.id, index), valueKey(input.id), op, {
      type: 'input',
      index,
      local,
      contribution: upstream === null || input.isConstant ? null : upstream * local,
    });
  }
}

/** @internal How to read d(root)/d(v) for the chosen mode; null when gradients are not available. */
export function gradientReader(root: Value, mode: NonNullable<ToGraphOptions['grads']>): GradReader {
  if (mode === 'none') return null;
  if (mode === 'current') return (v) => v.grad;
  if (mode === 'auto') return root.grad !== 0 || hasGradients(root) ? (v) => v.grad : null;
  const { grads } = backwardSteps(root);
  return (v) => grads.get(v) ?? 0;
}

/**
 * @internal The attributes of Value `v`'s node in the graph under `root`: its kind, numbers and
 * gradient (null when gradients are not available, and always for constants).
 */
export function valueAttributes(
  v: Value,
  root: Value,
  parameters: Set<Value>,
  gradOf: GradReader,
): ValueNodeAttributes {
  return {
    type: 'value',
    kind: kindOf(v, root, parameters),
    id: v.id,
    label: isolateBidi(checkLabel('toGraph', v.label, v.id)),
    op: v.op,
    data: v.data,
    grad: gradOf === null || v.isConstant ? null : gradOf(v),
  };
}

/** The kind of `v` in the graph under `root`. */
function kindOf(v: Value, root: Value, parameters: Set<Value>): ValueKind {
  if (v === root) return 'output';
  if (v.isConstant) return 'constant';
  if (v.isLeaf) return parameters.has(v) ? 'parameter' : 'leaf';
  return 'intermediate';
}
