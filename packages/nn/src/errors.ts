/**
 * Errors raised at the public boundary of @chainrule/nn: each starts with where it comes from
 * (`@chainrule/nn/<where>: `), says what was wrong and ends with the fix.
 */
import { describe } from '@chainrule/core';

/** A TypeError whose message starts with `@chainrule/nn/<where>: `. */
export function nnError(where: string, message: string): TypeError {
  return new TypeError(`@chainrule/nn/${where}: ${message}`);
}

/** Throws unless `x` is an integer in [min, max]. */
export function checkInteger(
  where: string,
  name: string,
  x: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw nnError(where, `${name} must be an integer from ${min} to ${max}, got ${describe(x)}.`);
  }
  return x;
}

/** Throws unless `x` is a finite number. */
export function checkFinite(where: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw nnError(where, `${name} must be a finite number, got ${describe(x)}.`);
  }
  return x;
}
