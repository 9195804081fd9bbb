/**
 * rng: the seeded 32-bit linear congruential generator of the benchmark spec (Numerical Recipes
 * constants). Every number it draws is bit-identical across languages, so initialisations and data
 * sets built on it are reproducible anywhere.
 */
import { checkInteger } from './errors';

/**
 * A seeded random number generator (see {@link rng}): the benchmark spec's 32-bit LCG.
 *
 * @example
 * ```ts
 * const r = new Rng(42);
 * console.log(r.next(), r.uniform(-1, 1)); // 0.2523451747838408 -0.8237499091774225
 * ```
 */
export class Rng {
  /** The generator's current 32-bit state. */
  state: number;

  constructor(seed: number) {
    this.state = checkInteger('rng', 'seed', seed, 0, 0xffffffff) >>> 0;
  }

  /** Advances the state and returns `state / 2^32`, a double in [0, 1) (exact). */
  next(): number {
    this.state = (Math.imul(1664525, this.state) + 1013904223) >>> 0;
    return this.state / 4294967296;
  }

  /** `a + (b - a) * next()`, evaluated in exactly this order. */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /**
   * A standard normal draw (Box–Muller on two `next()` draws). Uses `Math.log`/`Math.cos`, so
   * unlike `next()` it is not guaranteed bit-identical across languages.
   */
  normal(): number {
    const u = 1 - this.next(); // in (0, 1]: log(u) is finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/**
 * A seeded generator: `state = (1664525 * state + 1013904223) mod 2^32`, the first draw one step
 * after the seed.
 * @param seed - an integer in [0, 2^32).
 * @example
 * const r = rng(42);
 * r.next(); // 0.2523451747838408
 * r.uniform(-1, 1);
 */
export function rng(seed: number): Rng {
  return new Rng(seed);
}
