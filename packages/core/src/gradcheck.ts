/**
 * gradcheck: autograd's gradient of a function checked against central differences, input by
 * input, with PyTorch's float64 tolerances (eps 1e-6, atol 1e-5, rtol 1e-3), both as `gradients()`
 * and as `.backward()` give it.
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { gradients } from './gradients';
import { kinksAt, type KinkHit } from './kinks';
import { callOnLeaves, checkNumbers, evaluate } from './leaves';
import { agrees, centralDifference, relativeError } from './numeric';
import type { Value } from './value';

/** One input of a gradcheck: autograd's ∂f/∂x_i against central differences. */
export interface GradcheckRow {
  /** Position of the input. */
  index: number;
  /** ∂f/∂x_index from autograd (`gradients()`). */
  analytic: number;
  /** ∂f/∂x_index as `.backward()` gives it, the path training loops run: equal to `analytic`. */
  backward: number;
  /** ∂f/∂x_index from central differences. */
  numeric: number;
  absError: number;
  /** absError / |numeric| (absError when numeric is 0). */
  relError: number;
  /** absError <= atol + rtol·|numeric|, both finite, and `backward` the same double as `analytic`. */
  ok: boolean;
}

/** What `gradcheck` returns: one row per input and whether all agree. */
export interface GradcheckResult {
  /** Every row is ok. */
  ok: boolean;
  rows: GradcheckRow[];
  /** The kinks and singularities the point sits on, where a failing row may mean nothing. */
  kinks: KinkHit[];
}

/**
 * Checks `f`'s autograd gradient at `xs` against central differences.
 * Options: `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3).
 * @example
 * gradcheck((x, y) => x.mul(y).tanh(), [0.5, -1.2]).ok; // true
 */
export function gradcheck(
  f: (...xs: Value[]) => Value,
  xs: readonly number[],
  options: Tolerances = {},
): GradcheckResult {
  checkNumbers('gradcheck', 'xs', xs);
  const { eps, atol, rtol } = resolveTolerances('gradcheck', options);
  const { leaves, out } = callOnLeaves('gradcheck', f, xs);
  const analytic = gradients(out, leaves).map((g) => g.data);
  out.backward();
  const rows = analytic.map((a, index): GradcheckRow => {
    const numeric = centralDifference((p) => evaluate(f, p), xs, index, eps);
    const absError = Math.abs(a - numeric);
    const backward = leaves[index].grad;
    const ok =
      Number.isFinite(a) && Number.isFinite(numeric) && agrees(a, numeric, atol, rtol) && Object.is(backward, a);
    return { index, analytic: a, backward, numeric, absError, relError: relativeError(a, numeric), ok };
  });
  return { ok: rows.every((r) => r.ok), rows, kinks: kinksAt(out) };
}
