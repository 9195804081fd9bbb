/**
 * Layer: `nout` neurons reading the same inputs; its output is one Value per neuron.
 */
import { describe, toValue } from '@chainrule/core';
import type { Operand, Value } from '@chainrule/core';
import { checkActivation } from './activation';
import type { Activation } from './activation';
import { checkInteger, checkOptions, nnError } from './errors';
import { initRng } from './init';
import type { InitOptions } from './init';
import { checkInput, Module, MODEL_FORMAT, MODEL_VERSION } from './module';
import type { ModelJSON } from './module';
import { Neuron } from './neuron';

/** Options of {@link Layer}. */
export interface LayerOptions extends InitOptions {
  /** Activation of every neuron. Default `'relu'`. */
  activation?: Activation;
  /** Whether the neurons have biases. Default true. */
  bias?: boolean;
}

/**
 * A layer of `nout` neurons over the same `nin` inputs; options `activation = 'relu'`,
 * `bias = true`, `seed = 1337` or `rng`.
 *
 * @example
 * ```ts
 * const layer = new Layer(3, 2, { activation: 'sigmoid' });
 * console.log(layer.forward([1, 2, 3]).map((v) => v.data)); // [ 0.34376021848710037, 0.11740602487359311 ]
 * ```
 */
export class Layer extends Module {
  readonly neurons: Neuron[];
  readonly activation: Activation;

  /**
   * A layer of `nout` neurons with `nin` inputs each; weights are drawn neuron by neuron.
   * @example
   * const layer = new Layer(2, 3, { activation: 'tanh' });
   * layer.forward([0.5, -1]).length; // 3
   */
  constructor(nin: number, nout: number, options: LayerOptions = {}) {
    super();
    checkInteger('Layer', 'nin', nin, 1);
    checkInteger('Layer', 'nout', nout, 1);
    checkOptions('Layer', options, ['activation', 'bias', 'seed', 'rng']);
    this.activation = checkActivation('Layer', 'options.activation', options.activation ?? 'relu');
    const bias = options.bias ?? true;
    if (typeof bias !== 'boolean') throw nnError('Layer', `options.bias must be a boolean, got ${describe(bias)}.`);
    const r = initRng('Layer', options);
    this.neurons = [];
    for (let i = 0; i < nout; i++) this.neurons.push(new Neuron(nin, { activation: this.activation, bias, rng: r }));
  }

  get nin(): number {
    return this.neurons[0].nin;
  }

  get nout(): number {
    return this.neurons.length;
  }

  /** One output Value per neuron. */
  forward(x: readonly Operand[]): Value[] {
    return this.run(checkInput('Layer.forward', x, this.nin));
  }

  /**
   * @internal forward without checking the input. A number in `x` becomes one constant that every
   * neuron reads (one node per input, as drawn), not one per neuron.
   */
  run(x: readonly Operand[]): Value[] {
    const inputs = x.map((xi) => toValue(xi));
    const neurons = this.neurons;
    const out: Value[] = new Array(neurons.length);
    for (let i = 0; i < neurons.length; i++) out[i] = neurons[i].run(inputs);
    return out;
  }

  parameters(): Value[] {
    const params: Value[] = [];
    for (const n of this.neurons) for (const p of n.parameters()) params.push(p);
    return params;
  }

  /** `Layer of [ReLUNeuron(2), ReLUNeuron(2)]`. */
  override toString(): string {
    return `Layer of [${this.neurons.join(', ')}]`;
  }

  toJSON(): ModelJSON {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      type: 'Layer',
      nin: this.nin,
      nout: this.nout,
      activation: this.activation,
      bias: this.neurons[0].b !== null,
      parameters: this.parameters().map((p) => p.data),
    };
  }
}
