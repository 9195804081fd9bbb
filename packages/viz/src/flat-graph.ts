/**
 * FlatGraph: a compact, array-based copy of a computation graph (values in topological order, the
 * inputs of each as index lists with their gradient contributions) for whole-graph passes such as
 * grouping, built from a graphology graph or straight from the Values without a graphology graph
 * (which costs far more per node on graphs of tens of thousands of Values).
 */
import { Value, localGradients, type OpRow } from '@chainrule/core';
import {
  checkGradsMode,
  gradientReader,
  rowOf,
  sortWithinLimit,
  valueAttributes,
  type ComputationGraph,
  type Highlight,
  type ToGraphOptions,
  type ValueNodeAttributes,
} from './to-graph';

export interface FlatGraph {
  /** Value attributes, in topological order (every value after its inputs). */
  values: ValueNodeAttributes[];
  /**
   * The op-table row of each value (its facts: symbol, activation, notation): the Value's own row,
   * or the row toGraph drew (for an imported graph the built-in row of its op's name); undefined
   * for leaves and where no row is known.
   */
  rows: Array<OpRow | undefined>;
  rootIndex: number;
  gradsComputed: boolean;
  /** Inputs of value i: positions inputStart[i] .. inputStart[i + 1] - 1 of the arrays below. */
  inputStart: Int32Array;
  /** The input's value index, in argument order. */
  inputIndex: Int32Array;
  contribution: Array<number | null>;
  edgeHighlight: Array<Highlight | undefined>;
}

/** The flat copy of a graph from toGraph (constants included when the graph has them). */
export function flattenGraph(graph: ComputationGraph): FlatGraph {
  const position = new Map<number, number>(); // Value id -> index in `found`
  const found: ValueNodeAttributes[] = [];
  graph.forEachNode((_, a) => {
    if (a.type !== 'value') return;
    position.set(a.id, found.length);
    found.push(a);
  });
  const inputs: Array<Array<{ index: number; from: number; contribution: number | null; highlight?: Highlight }>> =
    found.map(() => []);
  graph.forEachEdge((_key, a, source, target) => {
    if (a.type !== 'input') return;
    const consumer = position.get((graph.getNodeAttributes(target) as { valueId: number }).valueId)!;
    const from = position.get((graph.getNodeAttributes(source) as ValueNodeAttributes).id)!;
    inputs[consumer].push({ index: a.index, from, contribution: a.contribution, highlight: a.highlight });
  });
  // Topological order (Kahn), so graphs imported in any node order work.
  const n = found.length;
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) waiting[i] = inputs[i].length;
  const users: number[][] = found.map(() => []);
  inputs.forEach((list, i) => list.forEach((e) => users[e.from].push(i)));
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (waiting[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) for (const u of users[order[k]]) if (--waiting[u] === 0) order.push(u);
  const rank = new Int32Array(n);
  order.forEach((i, r) => (rank[i] = r));

  const start = new Int32Array(n + 1);
  order.forEach((i, r) => (start[r + 1] = start[r] + inputs[i].length));
  const inputIndex = new Int32Array(start[n]);
  const contribution: Array<number | null> = new Array(start[n]);
  const edgeHighlight: Array<Highlight | undefined> = new Array(start[n]);
  order.forEach((i, r) => {
    inputs[i].sort((x, y) => x.index - y.index);
    inputs[i].forEach((e, k) => {
      inputIndex[start[r] + k] = rank[e.from];
      contribution[start[r] + k] = e.contribution;
      edgeHighlight[start[r] + k] = e.highlight;
    });
  });
  const values = order.map((i) => found[i]);
  return {
    values,
    rows: values.map((v) => rowOf(graph, v.op)),
    rootIndex: rank[position.get(graph.getAttribute('rootId'))!],
    gradsComputed: graph.getAttribute('gradsComputed'),
    inputStart: start,
    inputIndex,
    contribution,
    edgeHighlight,
  };
}

/** The flat copy of the graph under `root`, the same as flattenGraph(toGraph(root, options)) but cheaper. */
export function flattenValues(root: Value, options: ToGraphOptions = {}, where = '@chainrule/viz/toGraph'): FlatGraph {
  const mode = checkGradsMode(options.grads, where);
  const order = sortWithinLimit(root, options.maxValues, where);
  const parameters = new Set<Value>(options.parameters ?? []);
  const gradOf = gradientReader(root, mode);
  const rank = new Map<Value, number>();
  order.forEach((v, i) => rank.set(v, i));
  const n = order.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + (order[i].isLeaf ? 0 : order[i].inputs.length);
  const inputIndex = new Int32Array(start[n]);
  const contribution: Array<number | null> = new Array(start[n]);
  const values: ValueNodeAttributes[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    values[i] = valueAttributes(v, root, parameters, gradOf);
    if (v.isLeaf) continue;
    const inputs = v.inputs;
    const locals = localGradients(v);
    const upstream = gradOf === null ? null : gradOf(v);
    for (let k = 0; k < inputs.length; k++) {
      inputIndex[start[i] + k] = rank.get(inputs[k])!;
      contribution[start[i] + k] = upstream === null || inputs[k].isConstant ? null : upstream * locals[k];
    }
  }
  return {
    values,
    rows: order.map((v) => (v.isLeaf ? undefined : (v.row as OpRow))),
    rootIndex: n - 1,
    gradsComputed: gradOf !== null,
    inputStart: start,
    inputIndex,
    contribution,
    edgeHighlight: new Array(start[n]),
  };
}
