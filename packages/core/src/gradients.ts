/**
 * gradients(output, inputs): d output / d input as Values, leaving every `.grad` untouched (like
 * `torch.autograd.grad`). With `createGraph` the results are Values built from the graph itself, so
 * they can be differentiated again: second, third and higher derivatives.
 */
import { describe, usageError } from './errors';
import { chainRule } from './chain-rule';
import { isSkippable } from './fast/node-store';
import { localGradientValues } from './local-gradients';
import { constant, Value } from './value';
import { walk } from './walk';

/** Options of `gradients(output, inputs, options)`. */
export interface GradientsOptions {
  /** Build the gradients as differentiable Values (for higher-order derivatives). Default false. */
  createGraph?: boolean;
}

/**
 * The gradient of `output` with respect to each of `inputs`. An input the output does not depend
 * on gets 0.
 * @example
 * const x = new Value(2);
 * const [dx] = gradients(x.pow(3), [x], { createGraph: true }); // 12
 * gradients(dx, [x])[0].data; // 12 (d²/dx² x³ = 6x)
 */
export function gradients(output: Value, inputs: readonly Value[], options: GradientsOptions = {}): Value[] {
  if (!(output instanceof Value)) throw usageError('gradients', `output must be a Value, got ${describe(output)}.`);
  if (!Array.isArray(inputs) || !inputs.every((x) => x instanceof Value)) {
    throw usageError('gradients', `inputs must be an array of Values, got ${describe(inputs)}.`);
  }
  return options.createGraph ? gradientsAsValues(output, inputs) : gradientsAsNumbers(output, inputs);
}

function gradientsAsNumbers(output: Value, inputs: readonly Value[]): Value[] {
  const adjoint = chainRule(output);
  return inputs.map((x) => new Value(adjoint.get(x) ?? 0));
}

/**
 * g × local as a Value, or null where the product could change nothing: a zero local derivative
 * times a finite g is ±0, and leaving it out of an input under which everything sends only ±0
 * anyway (isSkippable) gives the same doubles as adding it.
 */
function times(g: Value, local: Value | number, x: Value): Value | null {
  if (local === 0 && Number.isFinite(g.data) && isSkippable(x)) return null;
  if (local === 1) return g;
  if (local === -1) return g.neg();
  return g.mul(local);
}

function gradientsAsValues(output: Value, inputs: readonly Value[]): Value[] {
  const adjoint = new Map<Value, Value>([[output, constant(1)]]);
  walk(
    output,
    (node) => {
      const g = adjoint.get(node);
      if (g === undefined) return;
      const local = localGradientValues(node);
      const xs = node.inputs;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x.isConstant) continue;
        const c = times(g, local[i], x);
        if (c === null) continue;
        // A first contribution of -0 is stored as 0 + c = +0, as adding into a zeroed gradient gives.
        const before = adjoint.get(x);
        adjoint.set(x, before !== undefined ? before.add(c) : Object.is(c.data, -0) ? c.add(0) : c);
      }
    },
    () => {},
  );
  return inputs.map((x) => adjoint.get(x) ?? constant(0));
}
