/**
 * nodeNames: a short readable name for every Value of a graph model, used by the explorer page to
 * write the chain rule: the label when there is one, a number for a constant, else the expression
 * built from its inputs' names ("(a − y)²") when short, else "#<id>"; an unlabelled output is "out". Iterative, no recursion.
 */
import type { ComputationGraph, InputEdgeAttributes, OpNodeAttributes, ValueNodeAttributes } from '../to-graph';
import { formatNumber } from './format-number';

const MAX_LENGTH = 24;
const UNARY_SUFFIX: Record<string, string> = { square: '²' };
const UNARY_PREFIX: Record<string, string> = { neg: '−' };

/** Names keyed by value node key (`v<id>`). */
export function nodeNames(graph: ComputationGraph): Map<string, string> {
  const names = new Map<string, string>();
  const compound = new Set<string>();
  const order = valueKeysInputsFirst(graph);
  for (const key of order) {
    const v = graph.getNodeAttributes(key) as ValueNodeAttributes;
    if (v.label) names.set(key, v.label);
    else if (v.op === 'const') names.set(key, formatNumber(v.data));
    else if (v.op === '') names.set(key, `#${v.id}`);
    else {
      const expression = expressionOf(graph, v, names, compound);
      names.set(key, expression.length <= MAX_LENGTH ? expression : `#${v.id}`);
      if (expression.length <= MAX_LENGTH) compound.add(key);
    }
  }
  const root = `v${graph.getAttribute('rootId')}`;
  if (names.has(root) && !(graph.getNodeAttributes(root) as ValueNodeAttributes).label) names.set(root, 'out');
  return names;
}

function expressionOf(
  graph: ComputationGraph,
  v: ValueNodeAttributes,
  names: Map<string, string>,
  compound: Set<string>,
): string {
  const op = `o${v.id}`;
  if (!graph.hasNode(op)) return `#${v.id}`;
  const inputs: { index: number; key: string }[] = [];
  graph.forEachInEdge(op, (_edge, attributes, source) => {
    inputs.push({ index: (attributes as InputEdgeAttributes).index, key: source });
  });
  inputs.sort((a, b) => a.index - b.index);
  const operand = (key: string): string => {
    const name = names.get(key) ?? '?';
    return compound.has(key) ? `(${name})` : name;
  };
  const symbol = (graph.getNodeAttributes(op) as OpNodeAttributes).symbol;
  if (inputs.length === 2) return `${operand(inputs[0].key)} ${symbol} ${operand(inputs[1].key)}`;
  if (inputs.length === 1) {
    const key = inputs[0].key;
    if (UNARY_SUFFIX[v.op]) return `${operand(key)}${UNARY_SUFFIX[v.op]}`;
    if (UNARY_PREFIX[v.op]) return `${UNARY_PREFIX[v.op]}${operand(key)}`;
    return `${symbol}(${names.get(key) ?? '?'})`;
  }
  return `Σ(${inputs.map((input) => names.get(input.key) ?? '?').join(', ')})`;
}

/** Value keys ordered so that every input comes before the Values computed from it (Kahn's algorithm). */
function valueKeysInputsFirst(graph: ComputationGraph): string[] {
  const pending = new Map<string, number>();
  const ready: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.type !== 'value') return;
    const op = `o${attributes.id}`;
    const count = graph.hasNode(op) ? graph.inDegree(op) : 0;
    pending.set(key, count);
    if (count === 0) ready.push(key);
  });
  const order: string[] = [];
  while (ready.length > 0) {
    const key = ready.pop()!;
    order.push(key);
    graph.forEachOutEdge(key, (_edge, _attributes, _source, op) => {
      const produced = `v${(graph.getNodeAttributes(op) as OpNodeAttributes).valueId}`;
      const left = (pending.get(produced) ?? 1) - 1;
      pending.set(produced, left);
      if (left === 0) ready.push(produced);
    });
  }
  return order;
}
