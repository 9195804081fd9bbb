/**
 * The activations a neuron can apply to its weighted sum: relu, tanh, sigmoid, or linear (none).
 * Each is one op of the core op table, so a graph shows it as a single node.
 */
import { describe } from '@chainrule/core';
import type { Value } from '@chainrule/core';
import { nnError } from './errors';

/** An activation name. `'linear'` is the identity (micrograd's `nonlin=False`). */
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/**
 * Every activation name, in a stable order.
 *
 * @example
 * ```ts
 * console.log(ACTIVATIONS); // [ 'relu', 'tanh', 'sigmoid', 'linear' ]
 * ```
 */
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

const TITLES: Record<Activation, string> = { relu: 'ReLU', tanh: 'Tanh', sigmoid: 'Sigmoid', linear: 'Linear' };

/** Applies `activation` to `v` (linear returns `v` itself: no extra node). */
export function activate(v: Value, activation: Activation): Value {
  switch (activation) {
    case 'relu':
      return v.relu();
    case 'tanh':
      return v.tanh();
    case 'sigmoid':
      return v.sigmoid();
    case 'linear':
      return v;
  }
}

/** The activation's display name, e.g. `'ReLU'` (as in micrograd's `ReLUNeuron`). */
export function activationTitle(activation: Activation): string {
  return TITLES[activation];
}

/** Throws unless `x` names an activation. */
export function checkActivation(where: string, name: string, x: unknown): Activation {
  if (typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x)) return x as Activation;
  throw nnError(where, `${name} must be one of ${ACTIVATIONS.map((a) => `'${a}'`).join(', ')}, got ${describe(x)}.`);
}
