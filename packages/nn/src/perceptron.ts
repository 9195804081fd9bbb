/**
 * Perceptron: the article's single neuron, `a = activation(i·w [+ b])`. Unlike a Neuron it has no
 * bias unless asked for, no activation (identity) unless asked for, may be given its starting
 * weights, and labels its parameters `w` (or `w0, w1, ...`) and `b` for drawings.
 */
import { describe } from '@chainrule/core';
import { checkFinite, checkOptions, nnError } from './errors';
import type { Activation } from './activation';
import type { InitOptions } from './init';
import type { ModelJSON } from './module';
import { Neuron } from './neuron';
import { activationTitle } from './activation';

/** Options of {@link Perceptron}. */
export interface PerceptronOptions extends InitOptions {
  /** Starting weights, one per input. Default: drawn uniformly from [-1, 1) by the seeded generator. */
  weights?: readonly number[];
  /** `false` for no bias (the article's neuron), or the bias's starting value. Default false. */
  bias?: number | false;
  /** Activation applied to the weighted sum. Default `'linear'` (the identity). */
  activation?: Activation;
}

/**
 * The article's single neuron: `nin = 1` input, no bias and the identity activation by default;
 * options `weights`, `bias = false | number`, `activation = 'linear'`, `seed`, `rng`.
 *
 * @example
 * ```ts
 * const p = new Perceptron(1, { weights: [0.8] });
 * console.log(String(p), p.forward([1.5]).data); // Perceptron(1, linear, no bias) 1.2000000000000002
 * ```
 */
export class Perceptron extends Neuron {
  /**
   * A single neuron with `nin` inputs (default 1).
   * @example
   * const p = new Perceptron(1, { weights: [0.8] }); // the article's a = i*w
   * p.forward([1.5]).data; // 1.2000000000000002
   */
  constructor(nin = 1, options: PerceptronOptions = {}) {
    checkOptions('Perceptron', options, ['weights', 'bias', 'activation', 'seed', 'rng']);
    const { weights, bias = false, activation = 'linear' } = options;
    if (bias !== false && (typeof bias !== 'number' || !Number.isFinite(bias))) {
      throw nnError(
        'Perceptron',
        `options.bias must be false (no bias) or the bias's starting value, got ${describe(bias)}.`,
      );
    }
    super(nin, { activation, bias: bias !== false, rng: options.rng, seed: options.seed });
    if (weights !== undefined) {
      if (!Array.isArray(weights) || weights.length !== nin) {
        throw nnError(
          'Perceptron',
          `options.weights must be an array of ${nin} numbers (one per input), got ${describe(weights)}.`,
        );
      }
      weights.forEach((wj, j) => (this.w[j].data = checkFinite('Perceptron', `options.weights[${j}]`, wj)));
    }
    this.w.forEach((wj, j) => (wj.label = nin === 1 ? 'w' : `w${j}`));
    if (this.b !== null) {
      this.b.data = bias as number;
      this.b.label = 'b';
    }
  }

  /** `Perceptron(1, linear, no bias)`. */
  override toString(): string {
    return `Perceptron(${this.nin}, ${activationTitle(this.activation).toLowerCase()}, ${this.b === null ? 'no bias' : 'bias'})`;
  }

  override toJSON(): ModelJSON {
    return { ...super.toJSON(), type: 'Perceptron' };
  }
}
