/**
 * gradientDescent: plain gradient descent on a function of one parameter, w ← w − η·df/dw, each
 * gradient computed by backward() on a fresh graph. The article's perceptron descent is this with
 * f(w) = (1.5·w − 0.5)²; the demo, `chainrule train perceptron` and viz's plotDescent share it.
 */
import { describe, usageError } from './errors';
import { Value } from './value';

const WHERE = 'gradientDescent';
/** The most steps one call takes: each step builds a graph, and a path is kept whole. */
export const GRADIENT_DESCENT_MAX_STEPS = 1_000_000;

/** One point of a descent: the step number, the parameter, the cost and the gradient there. */
export interface DescentStep {
  step: number;
  w: number;
  cost: number;
  /** df/dw at w, from backward(). */
  gradient: number;
}

/** Options of {@link gradientDescent}. */
export interface GradientDescentOptions {
  /** The learning rate η, a positive number. Default 0.1. */
  learningRate?: number;
  /** How many updates to take; the result has `steps + 1` points (w₀ … w_steps). Default 100. */
  steps?: number;
}

/**
 * The path of gradient descent on `f` from `start`: w₀ = start, then w_{k+1} = w_k − η·f'(w_k).
 * A path that overflows keeps going with the IEEE values (check `Number.isFinite` on the result).
 *
 * @example
 * ```ts
 * const path = gradientDescent((w) => w.mul(1.5).sub(0.5).pow(2), 0.8, { steps: 3 });
 * console.log(path.map((p) => p.w)); // [0.8, 0.59, 0.4745, 0.410975] (to float noise)
 * ```
 */
export function gradientDescent(
  f: (w: Value) => Value,
  start: number,
  options: GradientDescentOptions = {},
): DescentStep[] {
  if (typeof f !== 'function') {
    throw usageError(WHERE, `expected a function (w: Value) => Value, got ${describe(f)}.`);
  }
  if (typeof start !== 'number' || !Number.isFinite(start)) {
    throw usageError(WHERE, `start must be a finite number, got ${describe(start)}.`);
  }
  if (typeof options !== 'object' || options === null) {
    throw usageError(WHERE, `options must be an object, got ${describe(options)}. Pass {} for the defaults.`);
  }
  const learningRate = options.learningRate ?? 0.1;
  if (typeof learningRate !== 'number' || !(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw usageError(WHERE, `learningRate must be a positive finite number, got ${describe(learningRate)}.`);
  }
  const steps = options.steps ?? 100;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0 || steps > GRADIENT_DESCENT_MAX_STEPS) {
    throw usageError(
      WHERE,
      `steps must be an integer from 0 to ${GRADIENT_DESCENT_MAX_STEPS}, got ${describe(steps)}.`,
    );
  }
  const path: DescentStep[] = [];
  let w = start;
  for (let step = 0; step <= steps; step++) {
    const weight = new Value(w, 'w');
    const cost = f(weight);
    if (!(cost instanceof Value)) {
      throw usageError(WHERE, `f must return a Value, got ${describe(cost)}.`);
    }
    cost.backward();
    path.push({ step, w, cost: cost.data, gradient: weight.grad });
    w -= learningRate * weight.grad;
  }
  return path;
}
