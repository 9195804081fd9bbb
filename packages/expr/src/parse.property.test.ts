/**
 * Property test: random expression trees over every op (core's generator), printed as math strings
 * and parsed by parseExpression, give the same value and gradients as the same trees built in code.
 */
import { gradients, Value } from '@chainrule/core';
import fc from 'fast-check';
import { Figures, PROPERTY_SEED } from '../../core/src/test-support/figures';
import { buildExpr, exprArb, exprToSource, leafValuesArb, usedLeaves } from '../../core/src/test-support/random-expr';
import { parseExpression } from './parse-expression';

/** Equal as IEEE numbers (0 and -0 alike: a one-term sum adds 0 to -0), or both NaN. */
function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

test('printed trees parse to the same value and gradients as trees built in code', () => {
  const f = new Figures('parsed vs built');
  fc.assert(
    fc.property(exprArb(4, { mathString: true }), leafValuesArb, (expr, xs) => {
      const leaves = xs.map((x, i) => new Value(x, `x${i}`));
      const built = buildExpr(expr, leaves);
      const used = [...usedLeaves(expr)].sort();
      const values = Object.fromEntries(used.map((i) => [`x${i}`, xs[i]]));
      const parsed = parseExpression(exprToSource(expr), values);
      const parsedLeaves = used.map((i) => parsed.variables[`x${i}`]);
      expect(sameNumber(parsed.output.data, built.data)).toBe(true);
      const expected = gradients(
        built,
        used.map((i) => leaves[i]),
      ).map((v) => v.data);
      const actual = gradients(parsed.output, parsedLeaves).map((v) => v.data);
      actual.forEach((a, k) => {
        if (!Number.isNaN(expected[k])) f.compare(a, expected[k]);
        expect(sameNumber(a, expected[k])).toBe(true);
      });
      f.cases++;
    }),
    { seed: PROPERTY_SEED, numRuns: 2000 },
  );
  console.log(f.line());
});
