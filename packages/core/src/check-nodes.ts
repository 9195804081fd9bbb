/**
 * checkNodes: a per-node numeric check of a whole graph. For every node it nudges the node's value
 * by ±eps, re-runs the graph downstream and compares the numeric d root/d node with autograd's; and
 * for every op node it checks the op row's local derivatives against central differences of the
 * row's forward. A wrong local rule is pinned to the node that has it (its local check fails),
 * while the gradient mismatches it causes show up on the nodes below it.
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { describe, usageError } from './errors';
import { agrees } from './numeric';
import { rowDerivative, rowForward } from './row-call';
import { trace } from './fast/tape';
import { Value } from './value';

/**
 * Default bound on the nodes checked: the check re-runs the graph once per node, O(N²).
 *
 * @example
 * ```ts
 * console.log(CHECK_NODES_LIMIT); // 2000
 * ```
 */
export const CHECK_NODES_LIMIT = 2000;

/** Options of `checkNodes`: the shared tolerances plus a bound on the graph size. */
export interface CheckNodesOptions extends Tolerances {
  /** Refuse graphs with more nodes (ops and variables) than this. Default 2000. */
  maxNodes?: number;
}

/** One local derivative ∂node/∂input of a node, from the op table and from central differences. */
export interface LocalCheck {
  /** Argument position of the input. */
  index: number;
  input: Value | null;
  /** ∂node/∂input from the op row. */
  analytic: number;
  /** ∂node/∂input from central differences of the row's forward. */
  numeric: number;
  ok: boolean;
}

/** One node's check: its gradient (autograd vs numeric) and the local rule on each of its edges. */
export interface NodeCheck {
  node: Value;
  /** d root / d node from autograd (backward over the op table). */
  analytic: number;
  /** d root / d node from nudging the node and re-running the graph downstream. */
  numeric: number;
  ok: boolean;
  /** The op row's local derivatives at this node (empty for leaves; constants are skipped). */
  local: LocalCheck[];
  /** Every local derivative agrees. */
  localOk: boolean;
}

/** What `checkNodes(root)` returns: a row per node and whether all of them agree. */
export interface NodeCheckResult {
  /** Every node's gradient and every local rule agree. */
  ok: boolean;
  /** One row per op node and variable, inputs before consumers. */
  rows: NodeCheck[];
  /** The nodes whose op row has a wrong local derivative here: where to look. */
  culprits: Value[];
}

/**
 * Checks every node of the graph under `root` numerically (see the file header).
 * Options: `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3), `maxNodes` (2000).
 * @example
 * const x = new Value(0.5, 'x');
 * const result = checkNodes(x.mul(x).tanh());
 * result.ok; // true
 * result.culprits; // [] — with a wrong row, the node that uses it
 */
export function checkNodes(root: Value, options: CheckNodesOptions = {}): NodeCheckResult {
  if (!(root instanceof Value)) throw usageError('checkNodes', `expected a Value, got ${describe(root)}.`);
  const { eps, atol, rtol } = resolveTolerances('checkNodes', options, ['maxNodes']);
  const maxNodes = options.maxNodes ?? CHECK_NODES_LIMIT;
  if (typeof maxNodes !== 'number' || !(maxNodes >= 0)) {
    throw usageError(
      'checkNodes',
      `maxNodes must be a non-negative number, got ${describe(maxNodes)}; the default is ${CHECK_NODES_LIMIT}.`,
    );
  }
  const tape = trace(root);
  const checked: number[] = [];
  for (let k = 0; k < tape.size; k++) if (tape._trainable[k] === 1) checked.push(k);
  if (checked.length > maxNodes) {
    throw usageError(
      'checkNodes',
      `the graph has ${checked.length} nodes to check, more than maxNodes (${maxNodes}); the check re-runs the graph ` +
        `once per node, so its cost grows as the square of the size. Check a smaller graph (or gradcheck the whole ` +
        `function), or pass { maxNodes: ${checked.length} } to accept the cost.`,
    );
  }
  tape._gradients();
  const near = (a: number, b: number): boolean => Number.isFinite(a) && Number.isFinite(b) && agrees(a, b, atol, rtol);
  const values = tape.values;
  const saved = values.slice();
  const last = tape.size - 1;
  const rootAfterNudge = (k: number, delta: number): number => {
    values[k] = saved[k] + delta;
    tape._evaluateFrom(k + 1);
    const out = values[last];
    values.set(saved);
    return out;
  };
  const rows = checked.map((k): NodeCheck => {
    const numeric = (rootAfterNudge(k, eps) - rootAfterNudge(k, -eps)) / (2 * eps);
    const analytic = tape.grads[k];
    const local = k >= tape._firstOp ? localChecks(tape, k, eps, near) : [];
    return {
      node: tape._nodes[k]!,
      analytic,
      numeric,
      ok: near(analytic, numeric),
      local,
      localOk: local.every((c) => c.ok),
    };
  });
  const culprits = rows.filter((r) => !r.localOk).map((r) => r.node);
  return { ok: rows.every((r) => r.ok && r.localOk), rows, culprits };
}

function localChecks(
  tape: ReturnType<typeof trace>,
  k: number,
  eps: number,
  near: (a: number, b: number) => boolean,
): LocalCheck[] {
  const j = k - tape._firstOp;
  const row = tape._rows[j];
  const slots = Array.from(tape._inputSlots.subarray(tape._inputStart[j], tape._inputStart[j + 1]));
  const xs = slots.map((s) => tape.values[s]);
  const out = tape.values[k];
  const checks: LocalCheck[] = [];
  slots.forEach((slot, index) => {
    if (tape._trainable[slot] === 0) return;
    const plus = xs.slice();
    const minus = xs.slice();
    plus[index] += eps;
    minus[index] -= eps;
    const numeric = (rowForward(row, plus) - rowForward(row, minus)) / (2 * eps);
    const analytic = rowDerivative(row, index, xs, out);
    checks.push({ index, input: tape._nodes[slot], analytic, numeric, ok: near(analytic, numeric) });
  });
  return checks;
}
