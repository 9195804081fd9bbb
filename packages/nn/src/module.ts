/**
 * Module: the base of every model (Neuron, Layer, MLP, Perceptron). A module owns parameter
 * Values, can list them, zero their gradients, and describe itself as JSON (architecture +
 * weights) for saveModel/loadModel.
 */
import { describe, Value } from '@chainrule/core';
import type { Operand } from '@chainrule/core';
import { nnError } from './errors';

/** A model's description as saved by `saveModel`: its type, architecture fields and weights. */
export interface ModelJSON {
  /** Always `'chainrule-nn-model'`. */
  format: string;
  /** Format version, currently 1. */
  version: number;
  /** `'Neuron'`, `'Perceptron'`, `'Layer'` or `'MLP'`. */
  type: string;
  /** Every parameter's value, in `parameters()` order. */
  parameters: number[];
  /** Architecture fields of the type (nin, nout(s), activation(s), bias). */
  [field: string]: unknown;
}

export const MODEL_FORMAT = 'chainrule-nn-model';
export const MODEL_VERSION = 1;

/**
 * What every model has: `parameters()`, `zeroGrad()`, `parameterCount`, `toString()`, `toJSON()`.
 *
 * @example
 * ```ts
 * const model: Module = new MLP(2, [2, 1]);
 * console.log(model.parameterCount, String(model));
 * // 9 MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(2)]]
 * ```
 */
export abstract class Module {
  /** Every trainable Value of the module, in a fixed order (micrograd's: per neuron, w then b). */
  abstract parameters(): Value[];

  /** Architecture and weights as a plain object (what `JSON.stringify(model)` writes). */
  abstract toJSON(): ModelJSON;

  /** Sets the gradient of every parameter to 0 (call before each backward). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }

  /** Number of parameters. */
  get parameterCount(): number {
    return this.parameters().length;
  }
}

/** Checks that `x` is an array of `nin` numbers or Values (a model's input). */
export function checkInput(where: string, x: unknown, nin: number): readonly Operand[] {
  if (!Array.isArray(x)) {
    throw nnError(where, `input must be an array of ${nin} numbers or Values, got ${describe(x)}.`);
  }
  if (x.length !== nin) {
    throw nnError(
      where,
      `input has ${x.length} entries but the model takes ${nin}. Pass one number or Value per input.`,
    );
  }
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (typeof xi !== 'number' && !(xi instanceof Value)) {
      throw nnError(where, `input[${i}] must be a number or a Value, got ${describe(xi)}.`);
    }
  }
  return x as readonly Operand[];
}
