/**
 * @chainrule/expr: math strings to chainrule Value graphs (parsed by mathjs, never evaluated as
 * code), symbolic derivatives of the same strings, and errors that point at the problem.
 */
export { parseExpression } from './parse-expression';
export type { ParsedExpression, ParseOptions } from './parse-expression';
export { symbolicDerivative } from './symbolic-derivative';
export { evaluateFormula, FORMULA_HELPERS } from './evaluate-formula';
export { ExpressionError } from './expression-error';
export type { ExpressionErrorKind } from './expression-error';
export { MAX_SOURCE_LENGTH, MAX_NESTING_DEPTH, MAX_SYMBOLIC_NODES } from './limits';
export { FUNCTIONS, CONSTANTS } from './vocabulary';
export type { FunctionName } from './vocabulary';
export { numericGradient } from './numeric-gradient';
