/**
 * checkOptions: an options object of an @chainrule/expr function, refused when it is not an object
 * or names an option the function does not have (a typo would otherwise be ignored silently).
 */
import { describe } from '@chainrule/core';
import { ExpressionError } from './expression-error';

/** `options` as a record, after checking it is an object whose keys are all in `known`. */
export function checkOptions(options: unknown, known: readonly string[], example: string): Record<string, unknown> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ExpressionError(
      'invalid-value',
      `options must be an object like ${example}, got ${describe(options)}`,
      'Pass an object, or leave the options out.',
      '',
      -1,
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ExpressionError(
        'invalid-value',
        `unknown option "${key}"; the options are: ${known.join(', ')}`,
        'Check its spelling.',
        '',
        -1,
      );
    }
  }
  return options as Record<string, unknown>;
}
