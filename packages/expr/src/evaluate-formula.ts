/**
 * evaluateFormula: the number a formula gives at a point, computed through a chainrule graph (never
 * by evaluating code). Besides what parseExpression accepts, it reads the helper functions that
 * symbolicDerivative may print: step(u) (1 for u > 0, else 0) and sech(u) = 1/cosh(u).
 */
import { buildGraph } from './build-graph';
import { checkValues } from './parse-expression';
import { parseProgram } from './program';

/**
 * Helper functions allowed in formulas given to `evaluateFormula` (they appear in symbolic
 * derivatives): `step` (relu's derivative) and `sech`, computed on numbers.
 *
 * @example
 * ```ts
 * console.log(FORMULA_HELPERS.step(-2), evaluateFormula('step(x) * x', { x: 2 })); // 0 2
 * ```
 */
export const FORMULA_HELPERS: Readonly<Record<string, (x: number) => number>> = Object.freeze({
  step: (x: number) => (x > 0 ? 1 : 0),
  sech: (x: number) => 1 / Math.cosh(x),
});

const HELPER_NAMES: ReadonlySet<string> = new Set(Object.keys(FORMULA_HELPERS));

/**
 * The value of `src` with `values` for its variables.
 *
 * @param src - a formula, e.g. a hand-derived derivative or symbolicDerivative's output.
 * @param values - a number for each variable; unlike parseExpression, names the formula does not
 *   use are ignored (a derivative often drops some of the original variables).
 * @example
 * evaluateFormula('2*(i*w - y)*i', { i: 1.5, w: 0.8, y: 0.5 }); // 2.1000000000000005
 */
export function evaluateFormula(src: string, values: Readonly<Record<string, number>> = {}): number {
  const program = parseProgram(src, HELPER_NAMES);
  const used: Record<string, number> = Object.create(null);
  for (const name of program.inputs.keys()) {
    if (Object.prototype.hasOwnProperty.call(values, name)) used[name] = values[name];
  }
  checkValues(used, src, program.inputs, new Set());
  return buildGraph(program, used, FORMULA_HELPERS).output.data;
}
