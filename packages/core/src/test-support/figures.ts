/**
 * Figures a property test measures and prints (cases run, cases skipped as ill-conditioned, worst
 * error seen), so the numbers quoted in docs/testing.md come from real runs.
 */

/** The fixed fast-check seed of the property tests; CHAINRULE_SEED overrides it to explore. */
export const PROPERTY_SEED = Number(process.env.CHAINRULE_SEED ?? 20261128);

export class Figures {
  cases = 0;
  skipped = 0;
  worst = 0;

  constructor(readonly name: string) {}

  /** Records one compared pair; the error is |a - b| / max(|b|, 1). */
  compare(a: number, b: number): number {
    const error = Math.abs(a - b) / Math.max(Math.abs(b), 1);
    if (error > this.worst || Number.isNaN(error)) this.worst = error;
    return error;
  }

  line(): string {
    return `${this.name}: ${this.cases} cases (${this.skipped} ill-conditioned skipped), worst error ${this.worst.toExponential(2)}, seed ${PROPERTY_SEED}`;
  }
}
