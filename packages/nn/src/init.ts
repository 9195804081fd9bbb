/**
 * Where a module's initial weights come from: a generator shared across layers (so an MLP draws
 * layer by layer, neuron by neuron, input by input, as micrograd and the benchmark spec do) or a
 * seed for a fresh one.
 */
import { describe } from '@chainrule/core';
import { nnError } from './errors';
import { Rng } from './rng';

/** Initialisation options shared by every module. */
export interface InitOptions {
  /** Seed of a fresh generator, used when `rng` is not given. Default 1337 (the spec's WEIGHT_SEED). */
  seed?: number;
  /** A generator to draw from (shared across modules); takes precedence over `seed`. */
  rng?: Rng;
}

export const DEFAULT_SEED = 1337;

/** The generator described by `options`. */
export function initRng(where: string, options: InitOptions): Rng {
  if (options.rng !== undefined) {
    if (!(options.rng instanceof Rng))
      throw nnError(where, `options.rng must come from rng(seed), got ${describe(options.rng)}.`);
    return options.rng;
  }
  return new Rng(options.seed ?? DEFAULT_SEED);
}
