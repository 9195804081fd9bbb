/**
 * Optimizer: the base of SGD and Adam. It holds the parameters it updates (from a Module or a list
 * of Values), counts its steps, and zeroes the parameters' gradients.
 */
import { describe, Value } from '@chainrule/core';
import { nnError } from './errors';
import { Module } from './module';

/**
 * What every optimizer has: the `params` it updates, `step()`, `zeroGrad()` and `stepCount`.
 *
 * @example
 * ```ts
 * const neuron = new Perceptron(1, { weights: [0.8] });
 * const opt: Optimizer = new SGD(neuron, { lr: 0.1 });
 * mse(neuron.forward([1.5]), 0.5).backward();
 * opt.step();
 * console.log(neuron.w[0].data, opt.stepCount); // 0.59 1
 * ```
 */
export abstract class Optimizer {
  /** The parameters this optimizer updates. */
  readonly params: readonly Value[];
  /** Number of `step()` calls so far (the next step's index k, from 0). */
  stepCount = 0;

  protected constructor(where: string, params: Module | readonly Value[]) {
    const list = params instanceof Module ? params.parameters() : params;
    if (!Array.isArray(list) || list.length === 0) {
      throw nnError(where, `params must be a Module or a non-empty array of Values, got ${describe(params)}.`);
    }
    list.forEach((p, i) => {
      if (!(p instanceof Value)) throw nnError(where, `params[${i}] must be a Value, got ${describe(p)}.`);
    });
    this.params = [...list];
  }

  /** Updates every parameter from its `.grad`. */
  abstract step(): void;

  /** Sets every parameter's gradient to 0 (call before each backward). */
  zeroGrad(): void {
    const params = this.params;
    for (let i = 0; i < params.length; i++) params[i].grad = 0;
  }
}
