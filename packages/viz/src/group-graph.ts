/**
 * groupGraph: the grouping behind large drawings. Each labelled sub-expression, each neuron (an
 * activation row such as relu/tanh/sigmoid with everything below it up to other groups and leaves) and
 * each sub-expression shared by several groups becomes one group; groups that read the same leaves
 * (one neuron applied to every point of a batch) merge into one. Constants are dropped, leaves are
 * counted in the groups that read them. Runs on a FlatGraph (array passes, no recursion).
 */
import { describe } from '@chainrule/core';
import { flattenGraph, type FlatGraph } from './flat-graph';
import type { ComputationGraph, Highlight, ValueNodeAttributes } from './to-graph';
import { vizError } from './viz-error';

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
  /** The output's op symbol (its row's), or the op's name where no row is known. */
  symbol: string;
  /** Whether the output's row is an activation (relu, tanh, sigmoid, or a custom row saying so). */
  activation: boolean;
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

/** A graph whose repeated Values are folded into groups, as large-graph rendering draws it. */
export interface GroupedGraph {
  groups: ValueGroup[];
  edges: GroupEdge[];
  /** Value and op nodes of the original graph. */
  nodeCount: number;
}

/**
 * Groups `graph` (see the file comment).
 * @example
 * const { groups } = groupGraph(toGraph(loss));
 * groups.length; // 34 for W2's MLP graph
 */
export function groupGraph(graph: ComputationGraph): GroupedGraph {
  if (typeof graph?.forEachNode !== 'function') {
    throw vizError('groupGraph', `expected a graph, got ${describe(graph)}.`, 'pass toGraph(root)');
  }
  return groupFlat(flattenGraph(graph));
}

/** groupGraph on a FlatGraph (what renderSvg uses for large graphs given as a Value). */
export function groupFlat(flat: FlatGraph): GroupedGraph {
  const { values, rows, inputStart, inputIndex, contribution, rootIndex } = flat;
  const n = values.length;
  const isActivation = (i: number): boolean => rows[i]?.activation === true;
  const isLeaf = (i: number): boolean => values[i].kind === 'leaf' || values[i].kind === 'parameter';
  const isOp = (i: number): boolean =>
    inputStart[i + 1] > inputStart[i] || (values[i].op !== '' && values[i].op !== 'const');

  // Raw groups, from the root down: a value joins the single group that consumes it, or starts one.
  const groupOf = new Int32Array(n).fill(-1);
  const consumerGroup = new Int32Array(n).fill(-1);
  const shared = new Uint8Array(n);
  const rawOutputs: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    if (!isOp(i)) continue;
    const v = values[i];
    const starts = i === rootIndex || v.label !== '' || isActivation(i) || shared[i] === 1 || consumerGroup[i] === -1;
    let g = consumerGroup[i];
    if (starts) {
      g = rawOutputs.length;
      rawOutputs.push(i);
    }
    groupOf[i] = g;
    for (let e = inputStart[i]; e < inputStart[i + 1]; e++) {
      const j = inputIndex[e];
      if (consumerGroup[j] === -1) consumerGroup[j] = g;
      else if (consumerGroup[j] !== g) shared[j] = 1;
    }
  }

  // What each raw group reads: leaves (for its signature) and ops.
  const rawLeaves: Array<Set<number>> = rawOutputs.map(() => new Set());
  const rawOps = new Array<number>(rawOutputs.length).fill(0);
  const rawLeafContribution: Array<number | null> = new Array(rawOutputs.length).fill(0);
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    if (g === -1) continue;
    rawOps[g]++;
    for (let e = inputStart[i]; e < inputStart[i + 1]; e++) {
      const j = inputIndex[e];
      if (!isLeaf(j)) continue;
      rawLeaves[g].add(j);
      const c = rawLeafContribution[g];
      rawLeafContribution[g] = c === null || contribution[e] === null ? null : c + (contribution[e] as number);
    }
  }

  // Merge raw groups with the same output label/op and the same leaves (uses of one neuron).
  const merged = new Map<string, number>();
  const groups: ValueGroup[] = [];
  const finalOf = new Int32Array(rawOutputs.length);
  rawOutputs.forEach((outIndex, g) => {
    const out = values[outIndex];
    const leaves = [...rawLeaves[g]].sort((a, b) => a - b);
    const signature =
      leaves.length === 0 || outIndex === rootIndex
        ? `#${outIndex}`
        : `${out.label}\u0000${out.op}\u0000${leaves.join(',')}`;
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
        terms: termsOf(flat, outIndex),
        symbol: rows[outIndex]?.symbol ?? out.op,
        activation: isActivation(outIndex),
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
  for (let i = 0; i < n; i++) {
    if (groupOf[i] === -1) continue;
    const t = finalOf[groupOf[i]];
    for (let e = inputStart[i]; e < inputStart[i + 1]; e++) {
      const from = groupOf[inputIndex[e]];
      if (from === -1) continue; // leaves and constants
      const s = finalOf[from];
      if (s === t) continue;
      const key = `g${s}>g${t}`;
      let edge = edges.get(key);
      if (!edge) {
        edge = { key, source: `g${s}`, target: `g${t}`, count: 0, contribution: 0 };
        edges.set(key, edge);
      }
      edge.count++;
      edge.contribution =
        edge.contribution === null || contribution[e] === null ? null : edge.contribution + (contribution[e] as number);
      const highlight = flat.edgeHighlight[e];
      if (highlight && !edge.highlight) edge.highlight = highlight;
    }
  }

  let nodeCount = 0;
  for (let i = 0; i < n; i++) {
    if (values[i].kind !== 'constant') nodeCount++;
    if (isOp(i)) nodeCount++;
  }
  return { groups, edges: [...edges.values()], nodeCount };
}

/**
 * See ValueGroup.terms. A neuron is an activation over an n-ary node: a sum's terms are its inputs,
 * a weighted sum's (dot, `b + w_0·x_0 + ...`) are its products and bias.
 */
function termsOf(flat: FlatGraph, i: number): number {
  const { rows, inputStart, inputIndex } = flat;
  const count = (k: number): number => inputStart[k + 1] - inputStart[k];
  if (rows[i]?.activation !== true) return count(i);
  const inner = inputIndex[inputStart[i]];
  const row = rows[inner];
  if (row?.arity !== 'n') return 0;
  return row.notation === 'weighted' ? Math.ceil(count(inner) / 2) : count(inner);
}
