/**
 * SGD: stochastic gradient descent, `p ← p - lr·g`, with optional momentum (PyTorch's form) and an
 * optional learning-rate schedule (a function of the step index).
 */
import { describe } from '@chainrule/core';
import type { Value } from '@chainrule/core';
import { checkFinite, checkOptions, nnError } from './errors';
import type { Module } from './module';
import { Optimizer } from './optimizer';

/** Options of {@link SGD}. */
export interface SGDOptions {
  /** Learning rate. Default 0.01. Ignored when `schedule` is given. */
  lr?: number;
  /** Learning rate of step k (k = 0, 1, ...), e.g. micrograd's `k => 1.0 - 0.9 * k / 100`. */
  schedule?: (step: number) => number;
  /** Momentum factor μ: `v ← μ·v + g`, `p ← p - lr·v` (v starts at g). Default 0 (none). */
  momentum?: number;
}

/**
 * Stochastic gradient descent: `p ← p - lr·v`, `v ← momentum·v + g`; options `lr = 0.01`,
 * `schedule?: (k) => lr`, `momentum = 0`.
 *
 * @example
 * ```ts
 * const neuron = new Perceptron(1, { weights: [0.8] });
 * const opt = new SGD(neuron, { lr: 0.1 });
 * mse(neuron.forward([1.5]), 0.5).backward();
 * opt.step();
 * console.log(neuron.w[0].data); // 0.59 (the article's first step)
 * ```
 */
export class SGD extends Optimizer {
  readonly momentum: number;
  private readonly baseLr: number;
  private readonly schedule: ((step: number) => number) | null;
  private readonly velocity: Float64Array | null;

  /**
   * @example
   * ```ts
   * const model = new MLP(2, [4, 1]);
   * const opt = new SGD(model, { lr: 0.1 });
   * const loss = mse(model.forward([0.5, -1]), [1]);
   * opt.zeroGrad();
   * loss.backward();
   * opt.step();
   * console.log(mse(model.forward([0.5, -1]), [1]).data < loss.data); // true (one step downhill)
   * ```
   */
  constructor(params: Module | readonly Value[], options: SGDOptions = {}) {
    super('SGD', params);
    checkOptions('SGD', options, ['lr', 'schedule', 'momentum']);
    this.baseLr = checkFinite('SGD', 'options.lr', options.lr ?? 0.01);
    if (options.schedule !== undefined && typeof options.schedule !== 'function') {
      throw nnError(
        'SGD',
        `options.schedule must be a function (step) => learning rate, got ${describe(options.schedule)}.`,
      );
    }
    this.schedule = options.schedule ?? null;
    this.momentum = checkFinite('SGD', 'options.momentum', options.momentum ?? 0);
    if (this.momentum < 0) throw nnError('SGD', `options.momentum must be >= 0, got ${this.momentum}.`);
    this.velocity = this.momentum > 0 ? new Float64Array(this.params.length) : null;
  }

  /** The learning rate the next `step()` will use. */
  get lr(): number {
    if (this.schedule === null) return this.baseLr;
    const lr = this.schedule(this.stepCount);
    return checkFinite('SGD.step', `schedule(${this.stepCount})`, lr);
  }

  step(): void {
    const lr = this.lr;
    const params = this.params;
    const v = this.velocity;
    if (v === null) {
      for (let i = 0; i < params.length; i++) params[i].data -= lr * params[i].grad;
    } else {
      const mu = this.momentum;
      for (let i = 0; i < params.length; i++) {
        const g = params[i].grad;
        v[i] = this.stepCount === 0 ? g : mu * v[i] + g;
        params[i].data -= lr * v[i];
      }
    }
    this.stepCount++;
  }
}
