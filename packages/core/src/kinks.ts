/**
 * Kinks and singularities in a graph, found from the op rows' `kinks` (never from op names): the op
 * nodes whose argument sits exactly on such a point, and those a central difference's two
 * evaluations fall on opposite sides of, where the numeric derivative means nothing.
 */
import { describe, usageError } from './errors';
import { displayName } from './display-name';
import { formatNumber } from './format-comparison';
import type { Kink, OpRow } from './op-row';
import { positionsOf } from './reevaluate';
import { topoSort } from './topo-sort';
import { Value } from './value';

/** An op node whose argument is on, or is stepped across by, one of its row's kinks. */
export interface KinkHit {
  /** The op node. */
  node: Value;
  /** Its argument on the point. */
  input: Value;
  kink: Kink;
  /** Whether the argument is on the point, or only the numeric step crosses it. */
  where: 'on' | 'crossed';
  /** What it means, as a sentence for a reader. */
  text: string;
}

/**
 * The op nodes under `root` whose inputs sit on a kink or singularity of their row, e.g. relu at 0.
 * @example
 * ```ts
 * const x = new Value(0, 'x');
 * console.log(kinksAt(x.relu())[0].text);
 * // x = 0 is on relu's kink: one-sided derivatives 0 and 1; central differences give their mean 0.5; autograd uses 0, as PyTorch does
 * ```
 */
export function kinksAt(root: Value): KinkHit[] {
  if (!(root instanceof Value)) throw usageError('kinksAt', `expected a Value, got ${describe(root)}.`);
  return graphKinkOffsets(root)
    .filter((o) => o.offset === 0)
    .map((o) => hit(o, 'on'));
}

/** One (node, kink) pair of a graph: where its inputs sit in the graph's order. */
export interface KinkSite {
  node: Value;
  kink: Kink;
  /** The positions of the node's inputs in the order. */
  inputs: Int32Array;
}

/** One (node, kink) pair and the signed distance of its inputs from the point. */
export interface KinkOffset {
  node: Value;
  kink: Kink;
  offset: number;
}

/** Every (node, kink) pair of the graph in `order`, found from the nodes' rows. */
export function kinkSites(order: readonly Value[]): KinkSite[] {
  const position = new Map(order.map((v, k) => [v, k]));
  const sites: KinkSite[] = [];
  for (const node of order) {
    if (node.isLeaf) continue;
    const kinks = (node._row as OpRow).kinks;
    if (kinks === undefined || kinks.length === 0) continue;
    const inputs = positionsOf(node.inputs, position);
    for (const kink of kinks) sites.push({ node, kink, inputs });
  }
  return sites;
}

/** The offsets of `sites` for the values by position (NaN offsets, where a kink does not apply, left out). */
export function kinkOffsets(sites: readonly KinkSite[], values: ArrayLike<number>): KinkOffset[] {
  const offsets: KinkOffset[] = [];
  for (const { node, kink, inputs } of sites) {
    const offset = kink.offset(Array.from(inputs, (i) => values[i]));
    if (!Number.isNaN(offset)) offsets.push({ node, kink, offset });
  }
  return offsets;
}

/** The offsets of every kink of the graph under `root` at its current values. */
export function graphKinkOffsets(root: Value): KinkOffset[] {
  const order = topoSort(root);
  return kinkOffsets(
    kinkSites(order),
    order.map((v) => v.data),
  );
}

/**
 * The kinks a central difference cannot see past: those its two evaluations (offsets of the same
 * graph at x − eps and x + eps, in the same order) put on the point or on opposite sides of it.
 */
export function kinksCrossed(minus: readonly KinkOffset[], plus: readonly KinkOffset[]): KinkHit[] {
  if (minus.length !== plus.length) return [];
  const hits: KinkHit[] = [];
  minus.forEach((m, k) => {
    const p = plus[k];
    if (m.offset === 0 || p.offset === 0 || Math.sign(m.offset) !== Math.sign(p.offset)) {
      hits.push(hit(m, 'crossed', m.offset === 0 && p.offset === 0));
    }
  });
  return hits;
}

/** `stays`: both evaluations sit on the point (the step moves another input). */
function hit(o: KinkOffset, where: KinkHit['where'], stays = false): KinkHit {
  const input = o.node.inputs[o.kink.argument];
  return { node: o.node, input, kink: o.kink, where, text: sentence(o.node, input, o.kink, where, stays) };
}

function sentence(node: Value, input: Value, kink: Kink, where: KinkHit['where'], stays: boolean): string {
  const op = (node._row as OpRow).name;
  const point = `${displayName(input)} = ${formatNumber(pointOf(node, kink))}`;
  const what = kink.kind === 'kink' ? `${op}'s kink` : `a singularity of ${op}`;
  if (where === 'crossed') return `the numeric step ${stays ? 'is taken on' : 'crosses'} ${what} at ${point}`;
  if (kink.sides) {
    const [left, right] = kink.sides;
    return (
      `${point} is on ${what}: one-sided derivatives ${formatNumber(left)} and ${formatNumber(right)}; ` +
      `central differences give their mean ${formatNumber((left + right) / 2)}; ${kink.convention}`
    );
  }
  return `${point} is on ${what}: the derivative is infinite or undefined there; ${kink.convention}`;
}

/** The argument's value at the point itself: its value minus its offset. */
function pointOf(node: Value, kink: Kink): number {
  return node.inputs[kink.argument].data - kink.offset(node.inputs.map((x) => x.data));
}
