/**
 * compareDerivatives: hand-derived partial derivatives checked against autograd and against
 * central differences, input by input, so a learner sees which of the three disagrees.
 */
import { resolveTolerances, type Tolerances } from './check-options';
import { describe, usageError } from './errors';
import { gradients } from './gradients';
import { callOnLeaves, checkNumbers, evaluate } from './leaves';
import { agrees, centralDifference } from './numeric';
import type { Value } from './value';

/** A hand-derived ∂f/∂x_i as a function of the plain input numbers. */
export type ManualDerivative = (...xs: number[]) => number;

/** Options of `compareDerivatives`: the shared tolerances plus the names of the inputs. */
export interface ComparisonOptions extends Tolerances {
  /** Input names for the table; default the leaves' labels `x0, x1, ...`. */
  names?: readonly string[];
}

/** One input's three derivatives (manual, autograd, numeric) and which pairs agree. */
export interface ComparisonRow {
  index: number;
  name: string;
  /** The hand-derived value, or null when no manual derivative was given for this input. */
  manual: number | null;
  autograd: number;
  numeric: number;
  /** manual agrees with autograd (null without a manual derivative). */
  manualVsAutograd: boolean | null;
  /** manual agrees with the numeric derivative (null without a manual derivative). */
  manualVsNumeric: boolean | null;
  autogradVsNumeric: boolean;
  /** Every available comparison agrees. */
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
}

/**
 * Compares hand-derived derivatives `manual[i]` (functions of the plain inputs; leave an entry
 * undefined or null to skip it) with autograd and with central differences of `f` at `at`.
 * Options: `names`, `eps` (default 1e-6), `atol` (1e-5), `rtol` (1e-3).
 * @example
 * const result = compareDerivatives((x, y) => x.mul(y), [3, 4], [(x, y) => y, (x, y) => x], { names: ['x', 'y'] });
 * console.log(result.ok); // true
 * console.log(formatComparison(result));
 * // input  manual  autograd      numeric  manual=auto  manual=num  auto=num
 * // x           4         4  4.000000001            ✓           ✓         ✓
 * // y           3         3            3            ✓           ✓         ✓
 * // all derivatives agree (atol 0.00001, rtol 0.001)
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
  if (manual.length > at.length) {
    throw usageError(
      'compareDerivatives',
      `manual has ${manual.length} entries but f has ${at.length} inputs; give at most one per input.`,
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
  const near = (a: number, b: number): boolean => Number.isFinite(a) && Number.isFinite(b) && agrees(a, b, atol, rtol);
  const rows = autograd.map((ag, index): ComparisonRow => {
    const numeric = centralDifference((p) => evaluate(f, p), at, index, eps);
    const fn = manual[index];
    // eslint-disable-next-line no-restricted-syntax -- at holds at most MAX_ARGUMENTS inputs (callOnLeaves checked)
    const hand = fn == null ? null : fn(...at);
    if (hand !== null && typeof hand !== 'number') {
      throw usageError('compareDerivatives', `manual[${index}] returned ${describe(hand)}; it must return a number.`);
    }
    const manualVsAutograd = hand === null ? null : near(hand, ag);
    const manualVsNumeric = hand === null ? null : near(hand, numeric);
    const autogradVsNumeric = near(ag, numeric);
    const ok = autogradVsNumeric && manualVsAutograd !== false && manualVsNumeric !== false;
    return {
      index,
      name: names[index],
      manual: hand,
      autograd: ag,
      numeric,
      manualVsAutograd,
      manualVsNumeric,
      autogradVsNumeric,
      ok,
    };
  });
  return { value: out.data, at: [...at], rows, ok: rows.every((r) => r.ok), tolerances };
}
