/**
 * groupGraph: the grouping behind large drawings. Each labelled sub-expression, each neuron (an
 * activation such as relu/tanh/sigmoid with everything below it up to other groups and leaves) and
 * each sub-expression shared by several groups becomes one group; groups that read the same leaves
 * (one neuron applied to every point of a batch) merge into one. Constants are dropped, leaves are
 * counted in the groups that read them. Walks are iterative.
 */
import { topologicalSort } from 'graphology-dag';
import type { ComputationGraph, Highlight, ValueNodeAttributes } from './to-graph';

/** One box of a grouped drawing. */
export interface ValueGroup {
  key: string;
  /** The output Values of the merged uses (one per use). */
  outputs: ValueNodeAttributes[];
  /** Op nodes inside one use (the first), and in all uses together. */
  opsPerUse: number;
  ops: number;
  /** Distinct non-constant leaves read by the group. */
  leaves: number;
  /** Sum over leaf edges of the gradient contribution sent to leaves (null if grads not computed). */
  leafContribution: number | null;
  /** Op of the output; for a neuron (activation over a sum) the sum's term count, 0 for another activation, else the op's input count. */
  op: string;
  terms: number;
  highlight?: Highlight;
}

/** Edges between groups, merged: how many graph edges they stand for and their total contribution. */
export interface GroupEdge {
  key: string;
  source: string;
  target: string;
  count: number;
  contribution: number | null;
  highlight?: Highlight;
}

export interface GroupedGraph {
  groups: ValueGroup[];
  edges: GroupEdge[];
  /** Value and op nodes of the original graph. */
  nodeCount: number;
}

const ACTIVATIONS = new Set(['relu', 'tanh', 'sigmoid']);

/**
 * Groups `graph` (see the file comment).
 * @example
 * const { groups } = groupGraph(toGraph(loss));
 * groups.length; // 34 for W2's 65k-node MLP graph
 */
export function groupGraph(graph: ComputationGraph): GroupedGraph {
  const order = topologicalSort(graph);
  const groupOf = new Map<string, number>(); // value key -> raw group
  const rawOutputs: string[] = [];
  const rootKey = `v${graph.getAttribute('rootId')}`;

  // Raw groups, from the root down: a value joins the single group that consumes it, or starts one.
  for (let k = order.length - 1; k >= 0; k--) {
    const key = order[k];
    const a = graph.getNodeAttributes(key);
    if (a.type !== 'value' || a.kind === 'constant' || a.kind === 'leaf' || a.kind === 'parameter') continue;
    let consumer: number | undefined;
    let shared = false;
    graph.forEachOutNeighbor(key, (op) => {
      const w = `v${(graph.getNodeAttributes(op) as { valueId: number }).valueId}`;
      const g = groupOf.get(w);
      if (g === undefined) return;
      if (consumer === undefined) consumer = g;
      else if (consumer !== g) shared = true;
    });
    const starts = key === rootKey || a.label !== '' || ACTIVATIONS.has(a.op) || shared || consumer === undefined;
    if (starts) {
      groupOf.set(key, rawOutputs.length);
      rawOutputs.push(key);
    } else {
      groupOf.set(key, consumer!);
    }
  }

  // What each raw group reads: leaves (for its signature) and ops.
  const rawLeaves: Array<Set<string>> = rawOutputs.map(() => new Set());
  const rawOps = new Array<number>(rawOutputs.length).fill(0);
  const rawLeafContribution: Array<number | null> = new Array(rawOutputs.length).fill(0);
  graph.forEachNode((key, a) => {
    if (a.type !== 'op') return;
    const g = groupOf.get(`v${a.valueId}`)!;
    rawOps[g]++;
    graph.forEachInEdge(key, (_e, attrs, source) => {
      const s = graph.getNodeAttributes(source) as ValueNodeAttributes;
      if (s.kind !== 'leaf' && s.kind !== 'parameter') return;
      rawLeaves[g].add(source);
      if (attrs.type === 'input') {
        const c = rawLeafContribution[g];
        rawLeafContribution[g] = c === null || attrs.contribution === null ? null : c + attrs.contribution;
      }
    });
  });

  // Merge raw groups with the same output label/op and the same leaves (uses of one neuron).
  const merged = new Map<string, number>();
  const groups: ValueGroup[] = [];
  const finalOf = new Array<number>(rawOutputs.length);
  rawOutputs.forEach((outKey, g) => {
    const out = graph.getNodeAttributes(outKey) as ValueNodeAttributes;
    const leaves = [...rawLeaves[g]].sort();
    const signature = leaves.length === 0 || outKey === rootKey ? `#${outKey}` : `${out.label}\u0000${out.op}\u0000${leaves.join(',')}`;
    let index = merged.get(signature);
    if (index === undefined) {
      index = groups.length;
      merged.set(signature, index);
      groups.push({
        key: `g${index}`,
        outputs: [],
        opsPerUse: rawOps[g],
        ops: 0,
        leaves: leaves.length,
        leafContribution: 0,
        op: out.op,
        terms: termsOf(graph, outKey),
      });
    }
    const group = groups[index];
    group.outputs.push(out);
    group.ops += rawOps[g];
    const c = rawLeafContribution[g];
    group.leafContribution = group.leafContribution === null || c === null ? null : group.leafContribution + c;
    if (out.highlight && !group.highlight) group.highlight = out.highlight;
    finalOf[g] = index;
  });

  // Edges between groups.
  const edges = new Map<string, GroupEdge>();
  graph.forEachEdge((_key, attrs, source, target) => {
    if (attrs.type !== 'input') return;
    const from = groupOf.get(source);
    if (from === undefined) return; // leaves and constants
    const valueId = (graph.getNodeAttributes(target) as { valueId: number }).valueId;
    const s = finalOf[from];
    const t = finalOf[groupOf.get(`v${valueId}`)!];
    if (s === t) return;
    const key = `g${s}>g${t}`;
    let edge = edges.get(key);
    if (!edge) {
      edge = { key, source: `g${s}`, target: `g${t}`, count: 0, contribution: 0 };
      edges.set(key, edge);
    }
    edge.count++;
    edge.contribution = edge.contribution === null || attrs.contribution === null ? null : edge.contribution + attrs.contribution;
    if (attrs.highlight && !edge.highlight) edge.highlight = attrs.highlight;
  });

  let nodeCount = 0;
  graph.forEachNode((_, a) => {
    if (!(a.type === 'value' && a.kind === 'constant')) nodeCount++;
  });
  return { groups, edges: [...edges.values()], nodeCount };
}

/** See ValueGroup.terms. */
function termsOf(graph: ComputationGraph, valueKey: string): number {
  const a = graph.getNodeAttributes(valueKey) as ValueNodeAttributes;
  const op = `o${a.id}`;
  if (!graph.hasNode(op)) return 0;
  let terms = graph.inDegree(op);
  if (ACTIVATIONS.has(a.op)) {
    terms = 0;
    graph.forEachInNeighbor(op, (input) => {
      const inner = graph.getNodeAttributes(input) as ValueNodeAttributes;
      if (inner.op === 'sum' && graph.hasNode(`o${inner.id}`)) terms = graph.inDegree(`o${inner.id}`);
    });
  }
  return terms;
}
