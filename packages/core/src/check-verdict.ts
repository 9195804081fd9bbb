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

/** Why the numeric derivative cannot be trusted here, or null when it can. */
export function numericDoubt(numeric: number, crossed: readonly KinkHit[]): string | null {
  if (crossed.length > 0) return crossed.map((h) => h.text).join('; ');
  if (!Number.isFinite(numeric)) return `the numeric derivative is ${numeric}`;
  if (Math.abs(numeric) > UNRELIABLE_ABOVE) {
    return `the numeric derivative ${formatNumber(numeric)} is over 1e8 (a singularity is near)`;
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
