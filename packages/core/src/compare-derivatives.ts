/**
 * compareDerivatives: hand-derived partial derivatives checked against autograd and against
 * central differences, input by input, so a learner sees which of the three disagrees; kinks and
 * singularities at the point, or crossed by the numeric step, are reported as such.
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { judge, numericDoubt, type AgreementFlags } from './check-verdict';
import { describe, usageError } from './errors';
import { gradients } from './gradients';
import { graphKinkOffsets, kinksAt, kinksCrossed, type KinkHit } from './kinks';
import { callOnLeaves, checkNumbers } from './leaves';
import type { Value } from './value';

/** A hand-derived ∂f/∂x_i as a function of the plain input numbers. */
export type ManualDerivative = (...xs: number[]) => number;

/** Options of `compareDerivatives`: the shared tolerances plus the names of the inputs. */
export interface ComparisonOptions extends Tolerances {
  /** Input names for the table; default the leaves' labels `x0, x1, ...`. */
  names?: readonly string[];
}

/** One input's three derivatives (manual, autograd, numeric) and which pairs agree. */
export interface ComparisonRow extends AgreementFlags {
  index: number;
  name: string;
  /** The hand-derived value, or null when no manual derivative was given for this input. */
  manual: number | null;
  /** From `gradients(out, inputs)`. */
  autograd: number;
  /** What `out.backward()` leaves in the input's `.grad` (the same number unless the engine is wrong). */
  backward: number;
  numeric: number;
  /** Why the numeric derivative cannot be trusted here (its flags are then null, not false), or null. */
  numericDoubt: string | null;
  /** Every comparison that can be made agrees. */
  ok: boolean;
}

/** What `compareDerivatives` returns; `formatComparison(result)` prints it as a table. */
export interface Comparison {
  /** f at the point. */
  value: number;
  at: number[];
  rows: ComparisonRow[];
  ok: boolean;
  tolerances: Required<Tolerances>;
  /** The kinks and singularities the point sits on. */
  kinks: KinkHit[];
}

/**
 * Compares hand-derived derivatives `manual[i]` (functions of the plain inputs, one entry per
 * input; null or undefined to skip one) with autograd and with central differences of `f` at `at`.
 * Options: `names`, `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3).
 * @example
 * const result = compareDerivatives((x, y) => x.mul(y), [3, 4], [(x, y) => y, (x, y) => x], { names: ['x', 'y'] });
 * console.log(result.ok); // true
 * console.log(formatComparison(result));
 * // input  manual  autograd      numeric  manual=auto  manual=num  auto=num
 * // x           4         4  4.000000001            ✓           ✓         ✓
 * // y           3         3            3            ✓           ✓         ✓
 * // all derivatives agree (eps 1e-6, atol 1e-5, rtol 1e-3)
 */
export function compareDerivatives(
  f: (...xs: Value[]) => Value,
  at: readonly number[],
  manual: ReadonlyArray<ManualDerivative | null | undefined>,
  options: ComparisonOptions = {},
): Comparison {
  checkNumbers('compareDerivatives', 'at', at);
  const tolerances = resolveTolerances('compareDerivatives', options, ['names']);
  if (!Array.isArray(manual)) {
    throw usageError(
      'compareDerivatives',
      `manual must be an array of functions (one per input, null to skip), got ${describe(manual)}.`,
    );
  }
  if (manual.length !== at.length) {
    throw usageError(
      'compareDerivatives',
      `manual has ${manual.length} entries but f has ${at.length} inputs; give one per input, null for those not to check.`,
    );
  }
  manual.forEach((m, i) => {
    if (m != null && typeof m !== 'function') {
      throw usageError(
        'compareDerivatives',
        `manual[${i}] must be a function of the ${at.length} input numbers or null, got ${describe(m)}.`,
      );
    }
  });
  const names = options.names ?? at.map((_, i) => `x${i}`);
  if (!Array.isArray(names) || names.length !== at.length || !names.every((n) => typeof n === 'string')) {
    throw usageError(
      'compareDerivatives',
      `names must be ${at.length} strings, one per input, got ${describe(names)}.`,
    );
  }
  const { eps, atol, rtol } = tolerances;
  const { leaves, out } = callOnLeaves('compareDerivatives', f, at, names);
  const autograd = gradients(out, leaves).map((g) => g.data);
  out.backward();
  // One graph per evaluation, so the kinks each evaluation meets can be compared position by position.
  const offsetsAt = (xs: number[]) => {
    const graph = callOnLeaves('compareDerivatives', f, xs, names).out;
    return { value: graph.data, offsets: graphKinkOffsets(graph) };
  };
  const rows = autograd.map((ag, index): ComparisonRow => {
    const plus = at.slice();
    const minus = at.slice();
    plus[index] += eps;
    minus[index] -= eps;
    const up = offsetsAt(plus);
    const down = offsetsAt(minus);
    const numeric = (up.value - down.value) / (2 * eps);
    const crossed = kinksCrossed(down.offsets, up.offsets);
    const doubt = numericDoubt({ at: at[index], output: out.data, eps, numeric, crossed });
    const fn = manual[index];
    // eslint-disable-next-line no-restricted-syntax -- at holds at most MAX_ARGUMENTS inputs (callOnLeaves checked)
    const hand = fn == null ? null : fn(...at);
    if (hand !== null && typeof hand !== 'number') {
      throw usageError('compareDerivatives', `manual[${index}] returned ${describe(hand)}; it must return a number.`);
    }
    return {
      index,
      name: names[index],
      manual: hand,
      autograd: ag,
      backward: leaves[index].grad,
      numeric,
      numericDoubt: doubt,
      ...judge(hand, ag, numeric, doubt, atol, rtol),
    };
  });
  return { value: out.data, at: [...at], rows, ok: rows.every((r) => r.ok), tolerances, kinks: kinksAt(out) };
}
