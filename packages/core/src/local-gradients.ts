/**
 * The local gradients of one node, ∂node/∂input_i for each input in `Value.inputs` order, read from
 * the op table: as numbers (for drawings, steps and forward mode) or as differentiable Values.
 */
import type { OpRow } from './op-row';
import { describe, usageError } from './errors';
import { Value } from './value';

/**
 * ∂node/∂input_i as numbers, from the node's op-table row; empty for a leaf.
 *
 * @example
 * ```ts
 * const x = new Value(3, 'x');
 * console.log(localGradients(x.mul(x))); // [ 3, 3 ]
 * ```
 */
export function localGradients(node: Value): number[] {
  if (!(node instanceof Value)) throw usageError('localGradients', `expected a Value, got ${describe(node)}.`);
  const row = node._row;
  if (row.arity === 0) return [];
  const out = node.data;
  if (row.arity === 1) return [row.derivative(node._a!.data, out)];
  if (row.arity === 2) {
    const a = node._a!.data;
    const b = typeof node._b === 'number' ? node._b : (node._b as Value).data;
    return [row.derivativeA(a, b, out), row.derivativeB(a, b, out)];
  }
  const data = (node._b as readonly Value[]).map((x) => x.data);
  return data.map((_, i) => row.derivative(i, data, out));
}

/**
 * ∂node/∂input_i as Values built from the graph (or numbers where they are constant), so they
 * can be differentiated again (higher-order gradients use them).
 *
 * @example
 * ```ts
 * const x = new Value(3, 'x');
 * console.log(String(localGradientValues(x.sin())[0])); // Value(data=-0.9899924966004454, grad=0)
 * ```
 */
export function localGradientValues(node: Value): Array<Value | number> {
  if (!(node instanceof Value)) throw usageError('localGradientValues', `expected a Value, got ${describe(node)}.`);
  const row = node._row as OpRow;
  if (node.isLeaf) return [];
  const inputs = node.inputs;
  if (row.arity === 1) return [row.derivativeValue(inputs[0], node)];
  if (row.arity === 2) {
    return [row.derivativeValueA(inputs[0], inputs[1], node), row.derivativeValueB(inputs[0], inputs[1], node)];
  }
  return inputs.map((_, i) => row.derivativeValue(i, inputs, node));
}
