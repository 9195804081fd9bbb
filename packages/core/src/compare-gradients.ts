/**
 * compareGradients: a hand-derived backward pass checked node by node. Each given ∂root/∂node is
 * compared with autograd and with central differences (the node nudged, the graph downstream
 * recomputed), in backward order, and the first wrong step is named: the first node whose manual
 * gradient is wrong while those of all the given nodes it is computed from (its consumers) are right.
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { judge, near, numericDoubt, type AgreementFlags } from './check-verdict';
import { displayName } from './display-name';
import { describe, usageError } from './errors';
import { chainRule } from './chain-rule';
import { kinkOffsets, kinkSites, kinksAt, kinksCrossed, type KinkHit } from './kinks';
import { reevaluation } from './reevaluate';
import { topoSort } from './topo-sort';
import { Value } from './value';

/**
 * Default bound on the work of a comparison: each given node's numeric gradient re-runs the graph
 * above it twice, so the cost grows as (given nodes) × (graph size).
 *
 * @example
 * ```ts
 * console.log(COMPARE_GRADIENTS_LIMIT); // 100000000
 * ```
 */
export const COMPARE_GRADIENTS_LIMIT = 1e8;

/** Options of `compareGradients`: the shared tolerances plus a bound on the work. */
export interface CompareGradientsOptions extends Tolerances {
  /** Refuse when (given nodes) × (nodes in the graph) is over this. Default 1e8 (a few seconds). */
  maxWork?: number;
}

/** A hand-derived ∂root/∂node: a number, or a function of the labelled nodes' values. */
export type ManualGradient = number | ((values: Readonly<Record<string, number>>) => number);

/** Manual gradients by node label, or by label or Value in a Map; null compares autograd with numeric only. */
export type ManualGradients =
  Readonly<Record<string, ManualGradient | null>> | ReadonlyMap<string | Value, ManualGradient | null>;

/** One given node: its manual, autograd and numeric gradients and its place in the derivation. */
export interface GradientRow extends AgreementFlags {
  node: Value;
  /** The node's label (or a short expression of its inputs). */
  name: string;
  /** The hand-derived ∂root/∂node, or null when none was given. */
  manual: number | null;
  /** ∂root/∂node by the reference chain rule (what `gradients` computes). */
  autograd: number;
  /** What `root.backward()` leaves in the node's `.grad` (the same number unless the engine is wrong). */
  backward: number;
  /** ∂root/∂node by central differences: the node's value nudged by ±eps, the graph above it recomputed. */
  numeric: number;
  /** Why the numeric gradient cannot be trusted here (its flags are then null, not false), or null. */
  numericDoubt: string | null;
  /** The manual gradient disagrees with the reference (autograd; numeric where autograd disagrees with it). */
  wrong: boolean;
  /** The nearest nodes with a manual gradient that this node's gradient is computed from in backward. */
  consumers: Value[];
  /**
   * 'right'; 'wrong step' (wrong while every consumer's is right: the mistake is made here);
   * 'carried' (wrong, and so is a consumer's: the mistake came from above); 'unchecked' (no manual).
   */
  step: 'right' | 'wrong step' | 'carried' | 'unchecked';
  /** Every comparison that can be made agrees. */
  ok: boolean;
}

/** What `compareGradients` returns; `formatComparison(result)` prints it. */
export interface GradientComparison {
  /** The root's value. */
  value: number;
  /** The given nodes in backward order (the root's side first). */
  rows: GradientRow[];
  /** The first wrong step in backward order, or null when no manual gradient is wrong. */
  firstWrong: GradientRow | null;
  /** Every wrong step (independent mistakes in different branches each have one). */
  wrongSteps: GradientRow[];
  /** The nodes the first wrong step's gradient flows into in backward (under it): they inherit the mistake. */
  downstream: Value[];
  /** The labelled nodes' values, as given to manual functions. */
  values: Record<string, number>;
  ok: boolean;
  tolerances: Required<Tolerances>;
  /** The kinks and singularities the graph's nodes sit on. */
  kinks: KinkHit[];
}

/**
 * Checks hand-derived gradients ∂root/∂node of labelled nodes (or Values, in a Map) against
 * autograd and central differences, and names the first wrong step of the derivation.
 * Options: `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3), `maxWork` (1e8).
 * @example
 * const i = new Value(1.5, 'i'), w = new Value(0.8, 'w'), y = new Value(0.5, 'y');
 * const a = i.mul(w); a.label = 'a';
 * const C = a.sub(y).pow(2); C.label = 'C';
 * const result = compareGradients(C, { a: (v) => 2 * (v.a - v.y), w: (v) => (v.a - v.y) * v.i });
 * result.firstWrong?.name; // 'w' (dC/da = 1.4 is right; dC/dw forgot the 2)
 */
export function compareGradients(
  root: Value,
  manual: ManualGradients,
  options: CompareGradientsOptions = {},
): GradientComparison {
  if (!(root instanceof Value)) throw usageError('compareGradients', `root must be a Value, got ${describe(root)}.`);
  const { maxWork = COMPARE_GRADIENTS_LIMIT, ...rest } = options ?? {};
  const tolerances = resolveTolerances('compareGradients', rest);
  const { eps, atol, rtol } = tolerances;
  if (typeof maxWork !== 'number' || !(maxWork >= 0)) {
    throw usageError(
      'compareGradients',
      `maxWork must be a non-negative number, got ${describe(maxWork)}; the default is ${COMPARE_GRADIENTS_LIMIT}.`,
    );
  }
  const order = topoSort(root);
  const values = labelledValues(order);
  const given = resolveManual(manual, order);
  const work = given.size * order.length;
  if (work > maxWork) {
    throw usageError(
      'compareGradients',
      `checking ${given.size} nodes of a ${order.length}-node graph re-runs the graph for each of them ` +
        `(${given.size} × ${order.length} = ${work} node evaluations), more than maxWork (${maxWork}). ` +
        `Give fewer nodes, or pass { maxWork: ${work} } to accept the cost.`,
    );
  }
  const autograd = chainRule(root);
  const backward = backwardGrads(root, order);
  const consumers = consumersOf(order);
  const replay = reevaluation(order);
  const position = replay.position;
  const sites = kinkSites(order);
  const last = order.length - 1;
  const nodes = [...given.keys()].sort((p, q) => position.get(q)! - position.get(p)!);

  const rows = nodes.map((node): Omit<GradientRow, 'consumers' | 'step'> => {
    const ag = autograd.get(node) ?? 0;
    const at = (x: number) => {
      const nudged = replay.run(position.get(node)!, x);
      return { value: nudged[last], offsets: kinkOffsets(sites, nudged) };
    };
    const up = at(node.data + eps);
    const down = at(node.data - eps);
    const numeric = (up.value - down.value) / (2 * eps);
    const crossed = kinksCrossed(down.offsets, up.offsets);
    const doubt = numericDoubt({ at: node.data, output: root.data, eps, numeric, crossed });
    const hand = evaluateManual(given.get(node)!, values, displayName(node));
    const flags = judge(hand, ag, numeric, doubt, atol, rtol);
    const reference = flags.autogradVsNumeric === false ? numeric : ag;
    return {
      node,
      name: displayName(node),
      manual: hand,
      autograd: ag,
      backward: backward.get(node)!,
      numeric,
      numericDoubt: doubt,
      wrong: hand !== null && !near(hand, reference, atol, rtol),
      ...flags,
    };
  });

  // Only nodes with a manual gradient count as consumers: an unchecked one neither clears nor carries a mistake.
  const checked = new Map(rows.filter((r) => r.manual !== null).map((r) => [r.node, r]));
  const full = rows.map((r): GradientRow => {
    const nearest = nearestGiven(r.node, consumers, checked);
    const rightAbove = nearest.every((c) => !checked.get(c)!.wrong);
    const step = r.manual === null ? 'unchecked' : !r.wrong ? 'right' : rightAbove ? 'wrong step' : 'carried';
    return { ...r, consumers: nearest, step };
  });
  const wrongSteps = full.filter((r) => r.step === 'wrong step');
  const firstWrong = wrongSteps[0] ?? null;
  const downstream = firstWrong ? topoSort(firstWrong.node).filter((v) => v !== firstWrong.node && !v.isConstant) : [];
  return {
    value: root.data,
    rows: full,
    firstWrong,
    wrongSteps,
    downstream,
    values,
    ok: full.every((r) => r.ok),
    tolerances,
    kinks: kinksAt(root),
  };
}

/** The labelled nodes' values by label (a label used by two nodes is left out: it names neither). */
function labelledValues(order: readonly Value[]): Record<string, number> {
  const values: Record<string, number> = Object.create(null);
  const twice = new Set<string>();
  for (const v of order) {
    if (!v.label || v.isConstant) continue;
    if (v.label in values) twice.add(v.label);
    values[v.label] = v.data;
  }
  for (const label of twice) delete values[label];
  return values;
}

/** The manual gradients keyed by node, with errors for unknown or ambiguous labels. */
function resolveManual(manual: ManualGradients, order: readonly Value[]): Map<Value, ManualGradient | null> {
  if (manual === null || typeof manual !== 'object' || Array.isArray(manual)) {
    throw usageError(
      'compareGradients',
      `manual must map node labels (or Values, in a Map) to gradients, e.g. { a: (v) => 2 * (v.a - v.y) }, got ${describe(manual)}.`,
    );
  }
  const entries: [string | Value, unknown][] =
    manual instanceof Map ? [...manual.entries()] : Object.entries(manual as Record<string, unknown>);
  const inGraph = new Set(order);
  const resolved = new Map<Value, ManualGradient | null>();
  for (const [key, gradient] of entries) {
    const node = key instanceof Value ? key : byLabel(key, order);
    if (!inGraph.has(node)) {
      throw usageError(
        'compareGradients',
        `the Value ${displayName(node)} is not in the graph under root; give nodes root depends on.`,
      );
    }
    if (gradient !== null && typeof gradient !== 'number' && typeof gradient !== 'function') {
      throw usageError(
        'compareGradients',
        `the manual gradient of "${displayName(node)}" must be a number, a function of the values or null, got ${describe(gradient)}.`,
      );
    }
    if (resolved.has(node))
      throw usageError('compareGradients', `"${displayName(node)}" is given twice; give one gradient per node.`);
    resolved.set(node, gradient as ManualGradient | null);
  }
  return resolved;
}

function byLabel(label: unknown, order: readonly Value[]): Value {
  const found = order.filter((v) => v.label === label && !v.isConstant);
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw usageError(
      'compareGradients',
      `the label "${String(label)}" names ${found.length} nodes; pass a Map keyed by the Value you mean, or relabel them.`,
    );
  }
  const labels = [...new Set(order.filter((v) => v.label && !v.isConstant).map((v) => v.label))];
  throw usageError(
    'compareGradients',
    `no node under root is labelled "${String(label)}"; the labels are: ${labels.join(', ') || '(none)'}. Label the node (v.label = '...') or pass the Value in a Map.`,
  );
}

function evaluateManual(gradient: ManualGradient | null, values: Record<string, number>, name: string): number | null {
  if (gradient === null || typeof gradient === 'number') return gradient;
  const result: unknown = gradient(values);
  if (typeof result !== 'number') {
    throw usageError(
      'compareGradients',
      `the manual gradient of "${name}" returned ${describe(result)}; it must return a number.`,
    );
  }
  return result;
}

/** Every node's `.grad` after `root.backward()`, with the graph's own gradients put back afterwards. */
function backwardGrads(root: Value, order: readonly Value[]): Map<Value, number> {
  const saved = order.map((v) => v.grad);
  for (const v of order) if (v.isLeaf) v.grad = 0;
  root.backward();
  const grads = new Map(order.map((v) => [v, v.grad]));
  order.forEach((v, k) => (v.grad = saved[k]));
  return grads;
}

/** For every node, the op nodes that use it as an input. */
function consumersOf(order: readonly Value[]): Map<Value, Value[]> {
  const consumers = new Map<Value, Value[]>();
  for (const node of order) {
    for (const x of node.inputs) {
      const list = consumers.get(x);
      // A node's own inputs come together, so a repeat (x·x) is always the last entry.
      if (list === undefined) consumers.set(x, [node]);
      else if (list[list.length - 1] !== node) list.push(node);
    }
  }
  return consumers;
}

/** The given nodes reached first going up from `node` through its consumers (iterative, any depth). */
function nearestGiven(node: Value, consumers: Map<Value, Value[]>, given: Map<Value, unknown>): Value[] {
  const found: Value[] = [];
  const seen = new Set<Value>([node]);
  const stack = [...(consumers.get(node) ?? [])];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    if (given.has(v)) found.push(v);
    else for (const c of consumers.get(v) ?? []) stack.push(c);
  }
  return found;
}
