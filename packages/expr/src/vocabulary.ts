/**
 * The words a math string may use: the one-argument functions (the op-table rows of
 * @chainrule/core that name a `functionName`) and the constants pi and e. Everything else that
 * looks like a name is a variable.
 */
import { applyOp, OPS, type UnaryRow, type Value } from '@chainrule/core';

/** The rows expr parses as functions: the one-input rows of the op table that name a `functionName`. */
const FUNCTION_ROWS: ReadonlyMap<string, UnaryRow> = new Map(
  Object.values(OPS).flatMap((row) =>
    row.arity === 1 && row.functionName !== undefined ? [[row.functionName, row] as const] : [],
  ),
);

/**
 * Function names accepted in expressions, read from the op table (each row's `functionName`), each
 * applied as its row.
 *
 * @example
 * ```ts
 * console.log(FUNCTIONS.includes('tanh'), FUNCTIONS.length); // true 10
 * ```
 */
export const FUNCTIONS: readonly string[] = Object.freeze([...FUNCTION_ROWS.keys()]);
/** One of {@link FUNCTIONS}: `'exp'`, `'log'`, ..., `'square'`. */
export type FunctionName = string;

/**
 * Named constants accepted in expressions: `pi` and `e`.
 *
 * @example
 * ```ts
 * console.log(parseExpression('2*pi*r', { r: 1 }).output.data, CONSTANTS.e); // 6.283185307179586 2.718281828459045
 * ```
 */
export const CONSTANTS: Readonly<Record<string, number>> = Object.freeze({ pi: Math.PI, e: Math.E });

export function isFunctionName(name: string): name is FunctionName {
  return FUNCTION_ROWS.has(name);
}

export function isConstantName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONSTANTS, name);
}

/** Applies the named function's row to a Value. */
export function applyFunction(name: FunctionName, x: Value): Value {
  return applyOp(FUNCTION_ROWS.get(name)!, [x]);
}
