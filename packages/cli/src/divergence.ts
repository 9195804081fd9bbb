/**
 * Divergence of a training run, watched step by step: the loss turning NaN or infinite, or growing
 * past `factor` times the lowest loss seen so far. `train` stops there, says why, and exits 1.
 */

/** The growth over the lowest loss so far that counts as diverging, unless --diverge-factor says otherwise. */
export const DEFAULT_DIVERGE_FACTOR = 10;

/** Why a run diverged, for the summary and --json. */
export interface Divergence {
  step: number;
  loss: number;
  /** The sentence printed to the user. */
  reason: string;
}

/** A watcher: `check(step, loss)` returns the divergence at this step, or null while training is fine. */
export function watchDivergence(factor: number): { check(step: number, loss: number): Divergence | null } {
  let lowest = Infinity;
  let lowestStep = 0;
  return {
    check(step, loss) {
      if (!Number.isFinite(loss)) {
        return { step, loss, reason: `the loss is ${loss} at step ${step}` };
      }
      if (loss > factor * lowest) {
        const reason =
          `the loss grew to ${formatLoss(loss)} at step ${step}, more than ${factor} × the lowest so far ` +
          `(${formatLoss(lowest)} at step ${lowestStep})`;
        return { step, loss, reason };
      }
      if (loss < lowest) {
        lowest = loss;
        lowestStep = step;
      }
      return null;
    },
  };
}

/** A loss as the progress lines and the summary both print it: 6 significant digits. */
export function formatLoss(loss: number): string {
  return String(Number(loss.toPrecision(6)));
}
