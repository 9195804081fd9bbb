/**
 * Neuron: `activation(b + Σ w_j·x_j)` with one weight per input and an optional bias. Weights are
 * drawn uniformly from [-1, 1) by the seeded generator; the bias starts at 0 and draws nothing
 * (micrograd's init, the benchmark spec's W2).
 */
import { describe, dot, Value } from '@chainrule/core';
import type { Operand } from '@chainrule/core';
import { activate, activationTitle, checkActivation } from './activation';
import type { Activation } from './activation';
import { checkInteger, checkOptions, nnError } from './errors';
import { initRng } from './init';
import type { InitOptions } from './init';
import { checkInput, Module, MODEL_FORMAT, MODEL_VERSION } from './module';
import type { ModelJSON } from './module';

/** Options of {@link Neuron}. */
export interface NeuronOptions extends InitOptions {
  /** Activation applied to the weighted sum. Default `'relu'` (micrograd's `nonlin=True`). */
  activation?: Activation;
  /** Whether the neuron has a bias. Default true. */
  bias?: boolean;
}

/**
 * One neuron: `activation(b + Σ w_i·x_i)`, its weighted sum one `dot` node; options `activation = 'relu'`,
 * `bias = true`, `seed = 1337` or `rng`.
 *
 * @example
 * ```ts
 * const n = new Neuron(2, { activation: 'tanh', seed: 7 });
 * console.log(String(n), n.forward([1, -2]).data); // TanhNeuron(2) -0.9745862239726817
 * ```
 */
export class Neuron extends Module {
  /** One weight per input. */
  readonly w: Value[];
  /** The bias, or null for a neuron without one. */
  readonly b: Value | null;
  readonly activation: Activation;

  /**
   * A neuron with `nin` inputs.
   * @example
   * const n = new Neuron(2, { activation: 'tanh', seed: 1 });
   * n.forward([1, -2]).data;
   */
  constructor(nin: number, options: NeuronOptions = {}) {
    super();
    checkInteger('Neuron', 'nin', nin, 1);
    checkOptions('Neuron', options, ['activation', 'bias', 'seed', 'rng']);
    this.activation = checkActivation('Neuron', 'options.activation', options.activation ?? 'relu');
    const bias = options.bias ?? true;
    if (typeof bias !== 'boolean') throw nnError('Neuron', `options.bias must be a boolean, got ${describe(bias)}.`);
    const r = initRng('Neuron', options);
    this.w = [];
    for (let j = 0; j < nin; j++) this.w.push(new Value(r.uniform(-1, 1)));
    this.b = bias ? new Value(0) : null;
  }

  /** Number of inputs. */
  get nin(): number {
    return this.w.length;
  }

  /**
   * `activation(b + w_0·x_0 + w_1·x_1 + ...)`: the weighted sum is one `dot` node, with an edge per
   * weight, input and bias, whose value is the left fold `((b + w_0·x_0) + w_1·x_1) + ...`
   * (micrograd's order, bit for bit). A single input without a bias is one product, `w·x`.
   */
  forward(x: readonly Operand[]): Value {
    return this.run(checkInput(this.constructor.name + '.forward', x, this.w.length));
  }

  /** @internal forward without checking the input (callers have checked it). */
  run(x: readonly Operand[]): Value {
    const w = this.w;
    // The article's perceptron stays `a = i·w`, one product.
    if (this.b === null && w.length === 1) return activate(w[0].mul(x[0]), this.activation);
    return activate(dot(w, x, this.b ?? undefined), this.activation);
  }

  parameters(): Value[] {
    return this.b === null ? [...this.w] : [...this.w, this.b];
  }

  /** `ReLUNeuron(2)`, as micrograd prints it. */
  override toString(): string {
    return `${activationTitle(this.activation)}Neuron(${this.w.length})`;
  }

  toJSON(): ModelJSON {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      type: 'Neuron',
      nin: this.nin,
      activation: this.activation,
      bias: this.b !== null,
      parameters: this.parameters().map((p) => p.data),
    };
  }
}
