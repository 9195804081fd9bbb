/**
 * The words a math string may use: the one-argument functions (each a Value method of
 * @chainrule/core) and the constants pi and e. Everything else that looks like a name is a variable.
 */
import type { Value } from '@chainrule/core';

/**
 * Function names accepted in expressions, each applied as the Value method of the same name.
 *
 * @example
 * ```ts
 * console.log(FUNCTIONS.includes('tanh'), FUNCTIONS.length); // true 10
 * ```
 */
export const FUNCTIONS = ['exp', 'log', 'tanh', 'sigmoid', 'relu', 'sin', 'cos', 'sqrt', 'abs', 'square'] as const;
/** One of {@link FUNCTIONS}: `'exp' | 'log' | ... | 'square'`. */
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * Named constants accepted in expressions: `pi` and `e`.
 *
 * @example
 * ```ts
 * console.log(parseExpression('2*pi*r', { r: 1 }).output.data, CONSTANTS.e); // 6.283185307179586 2.718281828459045
 * ```
 */
export const CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ pi: Math.PI, e: Math.E });

const FUNCTION_SET: ReadonlySet<string> = new Set(FUNCTIONS);

export function isFunctionName(name: string): name is FunctionName {
  return FUNCTION_SET.has(name);
}

export function isConstantName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONSTANTS, name);
}

/** Applies the named function to a Value. */
export function applyFunction(name: FunctionName, x: Value): Value {
  switch (name) {
    case 'exp':
      return x.exp();
    case 'log':
      return x.log();
    case 'tanh':
      return x.tanh();
    case 'sigmoid':
      return x.sigmoid();
    case 'relu':
      return x.relu();
    case 'sin':
      return x.sin();
    case 'cos':
      return x.cos();
    case 'sqrt':
      return x.sqrt();
    case 'abs':
      return x.abs();
    case 'square':
      return x.square();
  }
}
