/**
 * The size limits @chainrule/expr enforces before handing a string to the parser, so hostile or
 * accidental input (a megabyte of text, thousands of nested parentheses) fails fast and cleanly.
 */

/**
 * Longest accepted source, in characters (64 KiB). Longer input is rejected before parsing.
 *
 * @example
 * ```ts
 * try {
 *   parseExpression('x+'.repeat(MAX_SOURCE_LENGTH) + 'x', { x: 1 });
 * } catch (e) {
 *   console.log((e as ExpressionError).kind); // too-large
 * }
 * ```
 */
export const MAX_SOURCE_LENGTH = 65_536;

/**
 * Deepest accepted nesting of parentheses (and function calls), checked before parsing.
 *
 * @example
 * ```ts
 * const depth = MAX_NESTING_DEPTH + 1;
 * try {
 *   parseExpression('('.repeat(depth) + 'x' + ')'.repeat(depth), { x: 1 });
 * } catch (e) {
 *   console.log((e as ExpressionError).kind); // too-deep
 * }
 * ```
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * Largest formula (in parse-tree nodes, once assignments are inlined) that `symbolicDerivative`
 * accepts; larger ones are refused with kind `'too-large'` (use autograd for those).
 *
 * @example
 * ```ts
 * console.log(MAX_SYMBOLIC_NODES); // 2000
 * ```
 */
export const MAX_SYMBOLIC_NODES = 2_000;
