/**
 * gradgradcheck: second derivatives of a function, by reverse over reverse (`gradients` with
 * createGraph, then `gradients` and `.backward()` of each first derivative), checked against
 * central differences of the first derivatives, with gradcheck's tolerances (PyTorch's).
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { gradients } from './gradients';
import { callOnLeaves, checkNumbers } from './leaves';
import { agrees, centralDifference, relativeError } from './numeric';
import type { Value } from './value';

/** One entry of the Hessian: ∂²f/∂x_i∂x_j three ways. */
export interface GradgradcheckRow {
  /** The first derivative's input (row of the Hessian). */
  i: number;
  /** The input it is differentiated by again (column). */
  j: number;
  /** ∂/∂x_j of ∂f/∂x_i by `gradients()` of the createGraph derivative. */
  analytic: number;
  /** The same by `.backward()` of the createGraph derivative: equal to `analytic`. */
  backward: number;
  /** Central difference in x_j of the first derivative ∂f/∂x_i. */
  numeric: number;
  absError: number;
  /** absError / |numeric| (absError when numeric is 0). */
  relError: number;
  /** absError <= atol + rtol·|numeric|, both finite, and `backward` the same double as `analytic`. */
  ok: boolean;
}

/** What `gradgradcheck` returns: one row per Hessian entry (row-major) and whether all agree. */
export interface GradgradcheckResult {
  ok: boolean;
  rows: GradgradcheckRow[];
}

/**
 * Checks `f`'s second derivatives at `xs` against central differences of its first derivatives.
 * Options: `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3), as gradcheck.
 * @example
 * gradgradcheck((x, y) => x.mul(x).mul(y), [2, 3]).ok; // true (Hessian [[6, 4], [4, 0]])
 */
export function gradgradcheck(
  f: (...xs: Value[]) => Value,
  xs: readonly number[],
  options: Tolerances = {},
): GradgradcheckResult {
  checkNumbers('gradgradcheck', 'xs', xs);
  const { eps, atol, rtol } = resolveTolerances('gradgradcheck', options);
  const { leaves, out } = callOnLeaves('gradgradcheck', f, xs);
  const first = gradients(out, leaves, { createGraph: true });
  const firstAt =
    (i: number) =>
    (p: number[]): number => {
      const at = callOnLeaves('gradgradcheck', f, p);
      return gradients(at.out, at.leaves)[i].data;
    };
  const rows: GradgradcheckRow[] = [];
  first.forEach((gi, i) => {
    const analytic = gradients(gi, leaves).map((h) => h.data);
    leaves.forEach((leaf) => (leaf.grad = 0));
    gi.backward();
    const backward = leaves.map((leaf) => leaf.grad);
    for (let j = 0; j < leaves.length; j++) {
      const numeric = centralDifference(firstAt(i), xs, j, eps);
      const a = analytic[j];
      const absError = Math.abs(a - numeric);
      const ok =
        Number.isFinite(a) && Number.isFinite(numeric) && agrees(a, numeric, atol, rtol) && Object.is(backward[j], a);
      rows.push({
        i,
        j,
        analytic: a,
        backward: backward[j],
        numeric,
        absError,
        relError: relativeError(a, numeric),
        ok,
      });
    }
  });
  return { ok: rows.every((r) => r.ok), rows };
}
