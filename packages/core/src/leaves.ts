/**
 * Turning the numbers a user passes to the functional API (grad, jvp, gradcheck, ...) into leaf
 * Values, with a clear error for anything that is not a number.
 */
import { describe, usageError } from './errors';
import { Value } from './value';

/** Checks that `xs` is an array of numbers. */
export function checkNumbers(where: string, name: string, xs: unknown): asserts xs is number[] {
  if (!Array.isArray(xs)) throw usageError(where, `${name} must be an array of numbers, got ${describe(xs)}.`);
  xs.forEach((x, i) => {
    if (typeof x !== 'number') throw usageError(where, `${name}[${i}] must be a number, got ${describe(x)}.`);
  });
}

/** The most inputs a function of Values is called with: f(...leaves) passes one argument per input. */
export const MAX_ARGUMENTS = 65_536;

/** Calls `f` on fresh leaves holding `xs` and checks that it returned a Value. */
export function callOnLeaves(
  where: string,
  f: (...xs: Value[]) => Value,
  xs: readonly number[],
  names?: readonly string[],
): { leaves: Value[]; out: Value } {
  if (typeof f !== 'function') throw usageError(where, `f must be a function of Values, got ${describe(f)}.`);
  if (xs.length > MAX_ARGUMENTS) {
    throw usageError(
      where,
      `got ${xs.length} inputs, more than the ${MAX_ARGUMENTS} arguments f can be called with (JavaScript overflows its stack ` +
        'passing that many); build the graph on your own leaves and call gradients(out, leaves) instead.',
    );
  }
  const leaves = xs.map((x, i) => new Value(x, names?.[i] ?? `x${i}`));
  // eslint-disable-next-line no-restricted-syntax -- at most MAX_ARGUMENTS leaves, checked above
  const out = f(...leaves);
  if (!(out instanceof Value)) {
    throw usageError(where, `f must return a Value, got ${describe(out)}; build the result with Value methods.`);
  }
  return { leaves, out };
}

/** f evaluated on plain numbers (a fresh graph each call). */
export function evaluate(f: (...xs: Value[]) => Value, xs: readonly number[]): number {
  return callOnLeaves('evaluate', f, xs).out.data;
}
