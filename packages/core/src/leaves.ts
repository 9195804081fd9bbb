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

/** Calls `f` on fresh leaves holding `xs` and checks that it returned a Value. */
export function callOnLeaves(
  where: string,
  f: (...xs: Value[]) => Value,
  xs: readonly number[],
  names?: readonly string[],
): { leaves: Value[]; out: Value } {
  if (typeof f !== 'function') throw usageError(where, `f must be a function of Values, got ${describe(f)}.`);
  const leaves = xs.map((x, i) => new Value(x, names?.[i] ?? `x${i}`));
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
