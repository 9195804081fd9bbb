/**
 * numericGradient: central-difference estimates of a formula's partial derivatives, the
 * independent check printed next to autograd and the symbolic derivative.
 */
import { evaluateFormula } from './evaluate-formula';

/**
 * ∂src/∂name for each variable in `values`, by central differences with step eps·max(1, |x|).
 *
 * @param src - a formula, as for parseExpression.
 * @param values - the point: a number for each variable.
 * @param options.eps - relative step (default 1e-6).
 * @example
 * numericGradient('x^2 * y', { x: 3, y: 2 }); // { x: ≈12, y: ≈9 }
 */
export function numericGradient(
  src: string,
  values: Readonly<Record<string, number>>,
  options: { eps?: number } = {},
): Record<string, number> {
  const eps = options.eps ?? 1e-6;
  const result: Record<string, number> = {};
  for (const name of Object.keys(values)) {
    const h = eps * Math.max(1, Math.abs(values[name]));
    const plus = evaluateFormula(src, { ...values, [name]: values[name] + h });
    const minus = evaluateFormula(src, { ...values, [name]: values[name] - h });
    result[name] = (plus - minus) / (2 * h);
  }
  return result;
}
