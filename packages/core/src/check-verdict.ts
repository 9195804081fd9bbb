/**
 * The agreement flags of a manual, an autograd and a numeric derivative, shared by
 * compareDerivatives and compareGradients: when the numeric derivative cannot be trusted (its step
 * crosses a kink or singularity, it is not finite, or it is over 1e8) a disagreement with it is
 * reported as unknown (null) with the reason, never as a ✗.
 */
import { formatNumber } from './format-comparison';
import type { KinkHit } from './kinks';
import { agrees } from './numeric';

/** Numeric derivatives larger than this in magnitude are taken as a sign of a nearby singularity. */
export const UNRELIABLE_ABOVE = 1e8;

/** Which pairs of the three derivatives agree: null when one side is missing or cannot be trusted. */
export interface AgreementFlags {
  /** manual agrees with autograd (null without a manual derivative). */
  manualVsAutograd: boolean | null;
  /** manual agrees with the numeric derivative (null without a manual one, or when the numeric one cannot be trusted). */
  manualVsNumeric: boolean | null;
  /** autograd agrees with the numeric derivative (null when the numeric one cannot be trusted). */
  autogradVsNumeric: boolean | null;
}

/** What a central difference was taken of: the nudged value, the output, the estimate and the kinks it crossed. */
export interface NumericEvidence {
  /** The nudged input's (or node's) value. */
  at: number;
  /** The output's value at the point. */
  output: number;
  /** The step. */
  eps: number;
  numeric: number;
  crossed: readonly KinkHit[];
}

/**
 * Why the numeric derivative cannot be trusted here, or null when it can: a kink or singularity
 * crossed; a result that is not finite or over 1e8 (a singularity is near); or a value over 1e8
 * nudged, or an output over 1e8 differenced, where the step is lost in the rounding of doubles.
 */
export function numericDoubt(e: NumericEvidence): string | null {
  if (e.crossed.length > 0) return e.crossed.map((h) => h.text).join('; ');
  if (!Number.isFinite(e.numeric)) return `the numeric derivative is ${e.numeric}`;
  if (Math.abs(e.numeric) > UNRELIABLE_ABOVE) {
    return `the numeric derivative ${formatNumber(e.numeric)} is over 1e8 (a singularity is near)`;
  }
  if (Math.abs(e.at) > UNRELIABLE_ABOVE) {
    return `the value ${formatNumber(e.at)} is over 1e8: a step of ${e.eps.toExponential()} is lost in its rounding`;
  }
  if (Math.abs(e.output) > UNRELIABLE_ABOVE) {
    return `the output ${formatNumber(e.output)} is over 1e8: its differences over a step of ${e.eps.toExponential()} are mostly rounding`;
  }
  return null;
}

/**
 * Whether two derivatives agree as PyTorch's gradcheck judges it, |a − b| <= atol + rtol·|b|; the
 * same infinity on both sides agrees too (a hand-derived 1/0 against autograd's), NaN never does.
 */
export function near(a: number, b: number, atol: number, rtol: number): boolean {
  return a === b || (Number.isFinite(a) && Number.isFinite(b) && agrees(a, b, atol, rtol));
}

/** The flags for one derivative, and whether everything that can be compared agrees. */
export function judge(
  manual: number | null,
  autograd: number,
  numeric: number,
  doubt: string | null,
  atol: number,
  rtol: number,
): AgreementFlags & { ok: boolean } {
  const trusted = (flag: boolean): boolean | null => (flag || doubt === null ? flag : null);
  const manualVsAutograd = manual === null ? null : near(manual, autograd, atol, rtol);
  const manualVsNumeric = manual === null ? null : trusted(near(manual, numeric, atol, rtol));
  const autogradVsNumeric = trusted(near(autograd, numeric, atol, rtol));
  const ok = manualVsAutograd !== false && manualVsNumeric !== false && autogradVsNumeric !== false;
  return { manualVsAutograd, manualVsNumeric, autogradVsNumeric, ok };
}
