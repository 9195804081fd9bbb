/**
 * MLP: a multi-layer perceptron, micrograd's `MLP(nin, nouts)`. Hidden layers use one activation
 * (ReLU by default) and the last layer is linear, unless per-layer activations are given.
 */
import { describe } from '@chainrule/core';
import type { Operand, Value } from '@chainrule/core';
import { checkActivation } from './activation';
import type { Activation } from './activation';
import { checkInteger, checkOptions, nnError } from './errors';
import { initRng } from './init';
import type { InitOptions } from './init';
import { Layer } from './layer';
import { checkInput, Module, MODEL_FORMAT, MODEL_VERSION } from './module';
import type { ModelJSON } from './module';

/** Options of {@link MLP}. */
export interface MLPOptions extends InitOptions {
  /** Activation of every hidden layer. Default `'relu'`. */
  activation?: Activation;
  /** Activation of the last layer. Default `'linear'` (as micrograd). */
  outputActivation?: Activation;
  /** One activation per layer; overrides `activation` and `outputActivation`. */
  activations?: readonly Activation[];
  /** Whether neurons have biases. Default true. */
  bias?: boolean;
}

/**
 * A multi-layer perceptron, micrograd's: hidden layers `activation = 'relu'`, the last
 * `outputActivation = 'linear'` (or `activations`, one per layer), `bias = true`, weights from
 * `rng(seed = 1337)`.
 *
 * @example
 * ```ts
 * const model = new MLP(2, [16, 16, 1]);
 * console.log(model.parameters().length); // 337
 * console.log(model.forward([0.5, -1])[0].data); // 1.7418253451886787
 * ```
 */
export class MLP extends Module {
  readonly layers: Layer[];

  /**
   * Layers `nin → nouts[0] → nouts[1] → ...`, weights drawn from one seeded generator layer by
   * layer, neuron by neuron, input by input (default seed 1337).
   * @example
   * const model = new MLP(2, [16, 16, 1]); // 337 parameters, ReLU, ReLU, linear
   * model.forward([0.5, -1])[0].data;
   */
  constructor(nin: number, nouts: readonly number[], options: MLPOptions = {}) {
    super();
    checkInteger('MLP', 'nin', nin, 1);
    checkOptions('MLP', options, ['activation', 'outputActivation', 'activations', 'bias', 'seed', 'rng']);
    if (!Array.isArray(nouts) || nouts.length === 0) {
      throw nnError('MLP', `nouts must be a non-empty array of layer sizes, e.g. [16, 16, 1], got ${describe(nouts)}.`);
    }
    nouts.forEach((n, i) => checkInteger('MLP', `nouts[${i}]`, n, 1));
    const activations = mlpActivations(nouts.length, options);
    const r = initRng('MLP', options);
    const sizes = [nin, ...nouts];
    this.layers = nouts.map(
      (nout, i) => new Layer(sizes[i], nout, { activation: activations[i], bias: options.bias ?? true, rng: r }),
    );
  }

  get nin(): number {
    return this.layers[0].nin;
  }

  /** The layer sizes, as given to the constructor. */
  get nouts(): number[] {
    return this.layers.map((l) => l.nout);
  }

  /** The last layer's outputs (an array, also for a single output: `model.forward(x)[0]`). */
  forward(x: readonly Operand[]): Value[] {
    let out: readonly Operand[] = checkInput('MLP.forward', x, this.nin);
    for (const layer of this.layers) out = layer.run(out);
    return out as Value[];
  }

  parameters(): Value[] {
    const params: Value[] = [];
    for (const layer of this.layers) for (const p of layer.parameters()) params.push(p);
    return params;
  }

  /** `MLP of [Layer of [ReLUNeuron(2), ...], ...]`. */
  override toString(): string {
    return `MLP of [${this.layers.join(', ')}]`;
  }

  toJSON(): ModelJSON {
    return {
      format: MODEL_FORMAT,
      version: MODEL_VERSION,
      type: 'MLP',
      nin: this.nin,
      nouts: this.nouts,
      activations: this.layers.map((l) => l.activation),
      bias: this.layers[0].neurons[0].b !== null,
      parameters: this.parameters().map((p) => p.data),
    };
  }
}

function mlpActivations(count: number, options: MLPOptions): Activation[] {
  if (options.activations !== undefined) {
    const given = options.activations;
    if (!Array.isArray(given) || given.length !== count) {
      throw nnError(
        'MLP',
        `options.activations must list one activation per layer (${count}), got ${describe(given)}.`,
      );
    }
    return given.map((a, i) => checkActivation('MLP', `options.activations[${i}]`, a));
  }
  const hidden = checkActivation('MLP', 'options.activation', options.activation ?? 'relu');
  const last = checkActivation('MLP', 'options.outputActivation', options.outputActivation ?? 'linear');
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? last : hidden));
}
