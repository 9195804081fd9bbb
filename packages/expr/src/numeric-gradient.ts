/**
 * numericGradient: central-difference estimates of a formula's partial derivatives, the
 * independent check printed next to autograd and the symbolic derivative. The graph is built and
 * traced once; each estimate replays it (core's Tape) on nudged inputs instead of rebuilding it.
 */
import { DEFAULT_TOLERANCES, describe, trace } from '@chainrule/core';
import { buildGraph } from './build-graph';
import { ExpressionError } from './expression-error';
import { checkOptions } from './options';
import { checkValues } from './parse-expression';
import { parseProgram } from './program';

/**
 * ∂src/∂name for each variable in `values`, by central differences with step eps·max(1, |x|).
 *
 * @param src - a formula, as for parseExpression.
 * @param values - the point: a number for each variable.
 * @param options.eps - relative step, a positive finite number (default 1e-6, the checks' `DEFAULT_TOLERANCES.eps`).
 * @example
 * numericGradient('x^2 * y', { x: 3, y: 2 }); // { x: ≈12, y: ≈9 }
 */
export function numericGradient(
  src: string,
  values: Readonly<Record<string, number>>,
  options: { eps?: number } = {},
): Record<string, number> {
  const eps = checkOptions(options, ['eps'], '{ eps: 1e-6 }').eps ?? DEFAULT_TOLERANCES.eps;
  if (typeof eps !== 'number' || !Number.isFinite(eps) || eps <= 0) {
    throw new ExpressionError(
      'invalid-value',
      `options.eps must be a positive finite number, got ${describe(eps)}`,
      'Leave it out for the default 1e-6.',
      '',
      -1,
    );
  }
  const program = parseProgram(src);
  checkValues(values, src, program.inputs, new Set(program.statements.map((s) => s.name).filter((n) => n !== null)));
  const { output, variables } = buildGraph(program, values);
  const tape = trace(output);
  const result = new Map<string, number>();
  for (const name of Object.keys(values)) {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) continue; // a value the formula does not use
    const leaf = variables[name];
    const x = leaf.data;
    const h = eps * Math.max(1, Math.abs(x));
    leaf.data = x + h;
    const plus = tape.forward();
    leaf.data = x - h;
    const minus = tape.forward();
    leaf.data = x;
    result.set(name, (plus - minus) / (2 * h));
  }
  return Object.fromEntries(result); // own properties, so "__proto__" is a name like any other
}
