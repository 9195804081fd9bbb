/**
 * explainNode: the chain rule for one node of a step frame, written out with numbers, for the
 * explorer page's detail panel: for a Value, d out / d node as upstream gradient × local gradient
 * = contribution for each use and the sum over its uses; for an operation, its local gradients.
 */
import type { ComputationGraph, InputEdgeAttributes, OpNodeAttributes, ValueNodeAttributes } from '../to-graph';
import { formatNumber } from './format-number';

/** What the page shows about a node. */
export interface Explanation {
  /** The node's name (its label, or the expression it computes). */
  title: string;
  /** 'leaf', 'parameter', 'constant', 'intermediate', 'output' or 'operation'. */
  kind: string;
  /** [name, value] rows: value and gradient of a Value, or the op of an operation. */
  facts: [string, string][];
  /** The chain rule, one line each. */
  chain: string[];
  /** The node's note (highlight reason, running sum), if any. */
  note?: string;
}

const NOT_YET = 'not computed yet';

/**
 * Explains node `key` (`v<id>` or `o<id>`) of `frame` (a stepFrame: gradients of the position
 * shown, contributions null on edges not traversed yet). `names` come from nodeNames.
 * @example
 * explainNode(stepFrame(graph, trace, trace.steps.length), `v${w.id}`, nodeNames(graph)).chain;
 * // ['∂C/∂w = ∂C/∂a × ∂a/∂w', '= 1.4 × 1.5', '= 2.1']
 */
export function explainNode(frame: ComputationGraph, key: string, names: Map<string, string>): Explanation {
  const root = `v${frame.getAttribute('rootId')}`;
  const d = (key: string): string => `∂${operandName(names, root)}/∂${operandName(names, key)}`;
  const attributes = frame.getNodeAttributes(key);
  if (attributes.type === 'op') return explainOperation(frame, key, attributes.valueId, names, d);
  const v = attributes as ValueNodeAttributes;
  const facts: [string, string][] = [
    ['value', formatNumber(v.data)],
    ['gradient', v.kind === 'constant' ? 'none (a constant)' : v.grad === null ? NOT_YET : formatNumber(v.grad)],
  ];
  if (v.label === '' && v.op !== 'const') facts.unshift(['node', `#${v.id}`]);
  const base = { title: names.get(key) ?? `#${v.id}`, kind: v.kind, facts, note: frame.getNodeAttribute(key, 'note') };
  if (v.kind === 'constant') return { ...base, chain: ['A constant receives no gradient.'] };
  if (key === root) return { ...base, chain: [`${d(key)} = 1`, 'the seed of the backward pass'] };

  const uses: { consumer: string; local: number; contribution: number | null }[] = [];
  frame.forEachOutEdge(key, (_edge, edge, _source, op) => {
    const input = edge as InputEdgeAttributes;
    uses.push({
      consumer: `v${(frame.getNodeAttributes(op) as OpNodeAttributes).valueId}`,
      local: input.local,
      contribution: input.contribution,
    });
  });
  if (uses.length === 0) return { ...base, chain: ['Not used by any node under the output: its gradient is 0.'] };

  const upstreamOf = (use: (typeof uses)[number]): string => {
    const grad = gradOf(frame, use.consumer);
    return use.contribution === null || grad === null ? '?' : formatNumber(grad);
  };
  if (uses.length === 1) {
    const [use] = uses;
    const chain = [`${d(key)} = ${d(use.consumer)} × ∂${operandName(names, use.consumer)}/∂${operandName(names, key)}`];
    chain.push(`= ${upstreamOf(use)} × ${formatNumber(use.local)}`);
    chain.push(
      use.contribution === null ? `= ? (${d(use.consumer)} is ${NOT_YET})` : `= ${formatNumber(use.contribution)}`,
    );
    return { ...base, chain };
  }
  const chain = [`${d(key)} = Σ over its ${uses.length} uses of upstream × local`];
  for (const use of uses) {
    const via = `via ${names.get(use.consumer) ?? use.consumer}: `;
    chain.push(
      use.contribution === null
        ? `${via}? × ${formatNumber(use.local)} (not sent yet)`
        : `${via}${upstreamOf(use)} × ${formatNumber(use.local)} = ${formatNumber(use.contribution)}`,
    );
  }
  const sent = uses.filter((use) => use.contribution !== null).map((use) => use.contribution as number);
  const total = sent.reduce((sum, c) => sum + c, 0);
  const terms = sent.map((c) => (c < 0 ? `(${formatNumber(c)})` : formatNumber(c))).join(' + ');
  chain.push(
    sent.length === uses.length
      ? `= ${terms} = ${formatNumber(total)}`
      : `so far: ${sent.length === 0 ? '0' : `${terms} = ${formatNumber(total)}`} (${sent.length} of ${uses.length} uses)`,
  );
  return { ...base, chain };
}

function explainOperation(
  frame: ComputationGraph,
  key: string,
  valueId: number,
  names: Map<string, string>,
  d: (key: string) => string,
): Explanation {
  const out = `v${valueId}`;
  const symbol = (frame.getNodeAttributes(key) as OpNodeAttributes).symbol;
  const inputs: { key: string; index: number; local: number; contribution: number | null }[] = [];
  const isConstant = (input: string): boolean =>
    (frame.getNodeAttributes(input) as ValueNodeAttributes).kind === 'constant';
  frame.forEachInEdge(key, (_edge, edge, source) => {
    const input = edge as InputEdgeAttributes;
    inputs.push({ key: source, index: input.index, local: input.local, contribution: input.contribution });
  });
  inputs.sort((a, b) => a.index - b.index);
  const upstream = gradOf(frame, out);
  const chain = [`local gradients of ${symbol} (from the op table):`];
  for (const input of inputs) {
    const local = `∂${operandName(names, out)}/∂${operandName(names, input.key)} = ${formatNumber(input.local)}`;
    const sends = isConstant(input.key)
      ? ' (a constant: it receives nothing)'
      : input.contribution === null || upstream === null
        ? ''
        : `; sends ${formatNumber(upstream)} × ${formatNumber(input.local)} = ${formatNumber(input.contribution)}`;
    chain.push(local + sends);
  }
  return {
    title: `${symbol} → ${names.get(out) ?? out}`,
    kind: 'operation',
    facts: [
      ['op', frame.getNodeAttribute(key, 'op') as string],
      ['upstream', upstream === null ? NOT_YET : `${d(out)} = ${formatNumber(upstream)}`],
    ],
    chain,
    note: frame.getNodeAttribute(key, 'note'),
  };
}

function gradOf(frame: ComputationGraph, key: string): number | null {
  return (frame.getNodeAttributes(key) as ValueNodeAttributes).grad;
}

/** A name fit to follow ∂: compound expressions in parentheses. */
function operandName(names: Map<string, string>, key: string): string {
  const name = names.get(key) ?? key;
  return /^[\p{L}\p{N}_#.]+$/u.test(name) ? name : `(${name})`;
}
