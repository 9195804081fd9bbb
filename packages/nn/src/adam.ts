/**
 * Adam: adaptive moment estimation (Kingma & Ba), PyTorch's form, with weight decay either added
 * to the gradient (Adam's L2) or decoupled (AdamW).
 */
import { describe } from '@chainrule/core';
import type { Value } from '@chainrule/core';
import { checkFinite, checkOptions, nnError } from './errors';
import type { Module } from './module';
import { Optimizer } from './optimizer';

/** Options of {@link Adam}. */
export interface AdamOptions {
  /** Learning rate. Default 0.001. */
  lr?: number;
  /** Decay rates of the first and second moment estimates. Default [0.9, 0.999]. */
  betas?: readonly [number, number];
  /** Added to the denominator for stability. Default 1e-8. */
  eps?: number;
  /** Weight decay λ. Default 0. */
  weightDecay?: number;
  /** Decoupled weight decay (AdamW: `p ← p·(1 - lr·λ)`) instead of adding `λ·p` to the gradient. Default false. */
  decoupled?: boolean;
}

/**
 * PyTorch's Adam (or AdamW with `decoupled`); options `lr = 0.001`, `betas = [0.9, 0.999]`,
 * `eps = 1e-8`, `weightDecay = 0`, `decoupled = false`.
 *
 * @example
 * ```ts
 * const p = new Value(1);
 * const adam = new Adam([p], { lr: 0.1 });
 * p.grad = 0.5;
 * adam.step();
 * console.log(p.data); // 0.900000002
 * ```
 */
export class Adam extends Optimizer {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly weightDecay: number;
  readonly decoupled: boolean;
  private readonly m: Float64Array;
  private readonly v: Float64Array;

  /**
   * With t the step number from 1 and g the gradient (+ λ·p unless decoupled):
   * `m ← β1·m + (1-β1)·g`, `v ← β2·v + (1-β2)·g²`, `p ← p - lr·(m/(1-β1^t)) / (√(v/(1-β2^t)) + eps)`.
   * @example
   * ```ts
   * const model = new MLP(2, [4, 1]);
   * const opt = new Adam(model, { lr: 0.01, weightDecay: 1e-4 });
   * mse(model.forward([0.5, -1]), [1]).backward();
   * opt.step();
   * console.log(opt.stepCount); // 1
   * ```
   */
  constructor(params: Module | readonly Value[], options: AdamOptions = {}) {
    super('Adam', params);
    checkOptions('Adam', options, ['lr', 'betas', 'eps', 'weightDecay', 'decoupled']);
    this.lr = checkFinite('Adam', 'options.lr', options.lr ?? 0.001);
    const betas = options.betas ?? [0.9, 0.999];
    if (!Array.isArray(betas) || betas.length !== 2 || !betas.every((b) => typeof b === 'number' && b >= 0 && b < 1)) {
      throw nnError('Adam', `options.betas must be two numbers in [0, 1), e.g. [0.9, 0.999], got ${describe(betas)}.`);
    }
    [this.beta1, this.beta2] = betas;
    this.eps = checkFinite('Adam', 'options.eps', options.eps ?? 1e-8);
    this.weightDecay = checkFinite('Adam', 'options.weightDecay', options.weightDecay ?? 0);
    this.decoupled = options.decoupled ?? false;
    if (typeof this.decoupled !== 'boolean')
      throw nnError('Adam', `options.decoupled must be a boolean, got ${describe(this.decoupled)}.`);
    this.m = new Float64Array(this.params.length);
    this.v = new Float64Array(this.params.length);
  }

  step(): void {
    const { lr, beta1, beta2, eps, weightDecay, decoupled, m, v, params } = this;
    const t = this.stepCount + 1;
    const correction1 = 1 - Math.pow(beta1, t);
    const correction2 = 1 - Math.pow(beta2, t);
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      let g = p.grad;
      if (weightDecay !== 0) {
        if (decoupled) p.data *= 1 - lr * weightDecay;
        else g += weightDecay * p.data;
      }
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      p.data -= (lr * (m[i] / correction1)) / (Math.sqrt(v[i] / correction2) + eps);
    }
    this.stepCount = t;
  }
}
