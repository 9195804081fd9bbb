/**
 * Errors raised at the public boundary of @chainrule/nn: each starts with where it comes from
 * (`@chainrule/nn/<where>: `), says what was wrong and ends with the fix.
 */
import { describe } from '@chainrule/core';

/** A TypeError whose message starts with `@chainrule/nn/<where>: `. */
export function nnError(where: string, message: string): TypeError {
  return new TypeError(`@chainrule/nn/${where}: ${message}`);
}

/**
 * Throws unless `options` is an object whose keys are all in `known`: a misspelt option (say
 * `learningRate` for `lr`) would otherwise leave the default in place without a word.
 */
export function checkOptions(where: string, options: unknown, known: readonly string[]): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw nnError(where, `options must be an object, got ${describe(options)}. Pass {} for the defaults.`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw nnError(where, `unknown option "${key}"; the options are: ${known.join(', ')}. Check its spelling.`);
    }
  }
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
