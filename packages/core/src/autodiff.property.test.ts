/**
 * Property tests over random expression trees using every op of the op table (seeded fast-check):
 * reverse mode vs central differences, forward vs reverse mode, second derivatives vs differences
 * of first derivatives, the per-node check, and replay vs rebuild. Each test prints its figures.
 */
import fc from 'fast-check';
import { checkNodes } from './check-nodes';
import { gradcheck } from './gradcheck';
import { gradients } from './gradients';
import { jvp } from './jvp';
import { OPS, type OpName } from './ops';
import { trace } from './fast/tape';
import { Figures, PROPERTY_SEED } from './test-support/figures';
import {
  buildExpr,
  type Expr,
  exprArb,
  LEAF_COUNT,
  leafValuesArb,
  opsUsed,
  wellConditioned,
} from './test-support/random-expr';
import { topoSort } from './topo-sort';
import { Value } from './value';

const figures: Figures[] = [];
afterAll(() => console.log(figures.map((f) => f.line()).join('\n')));

function figuresFor(name: string): Figures {
  const f = new Figures(name);
  figures.push(f);
  return f;
}

function leavesAt(xs: readonly number[]): Value[] {
  return xs.map((x, i) => new Value(x, `x${i}`));
}

/** Builds the tree at `xs`; skips the case (fc.pre) when it is not well conditioned. */
function buildChecked(expr: Expr, xs: readonly number[], f: Figures): { leaves: Value[]; out: Value } {
  const leaves = leavesAt(xs);
  const out = buildExpr(expr, leaves);
  const ok = wellConditioned(out, topoSort(out));
  if (!ok) f.skipped++;
  fc.pre(ok);
  return { leaves, out };
}

const settings = (numRuns: number): fc.Parameters<unknown> => ({ seed: PROPERTY_SEED, numRuns, maxSkipsPerRun: 1000 });
const caseArb = fc.record({ expr: exprArb(), xs: leafValuesArb });

test('the generator uses every computing row of the op table', () => {
  const seen = new Set<OpName>();
  fc.sample(exprArb(), { seed: PROPERTY_SEED, numRuns: 300 }).forEach((e) => opsUsed(e, seen));
  expect([...seen].sort()).toEqual(Object.keys(OPS).sort());
});

test('reverse mode agrees with central differences (gradcheck)', () => {
  const f = figuresFor('reverse vs central differences');
  fc.assert(
    fc.property(caseArb, ({ expr, xs }) => {
      buildChecked(expr, xs, f);
      const result = gradcheck((...leaves) => buildExpr(expr, leaves), xs);
      result.rows.forEach((r) => f.compare(r.analytic, r.numeric));
      f.cases++;
      expect(result.ok).toBe(true);
    }),
    settings(3000),
  );
});

test('forward mode (jvp) agrees with reverse mode', () => {
  const f = figuresFor('forward vs reverse');
  const tangentsArb = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), {
    minLength: LEAF_COUNT,
    maxLength: LEAF_COUNT,
  });
  fc.assert(
    fc.property(caseArb, tangentsArb, ({ expr, xs }, ts) => {
      const { leaves, out } = buildChecked(expr, xs, f);
      const g = gradients(out, leaves).map((v) => v.data);
      const reverse = g.reduce((acc, gi, i) => acc + gi * ts[i], 0);
      const scale = g.reduce((acc, gi, i) => acc + Math.abs(gi * ts[i]), 0);
      const forward = jvp((...ls) => buildExpr(expr, ls), xs, ts);
      expect(forward.value).toBe(out.data);
      f.compare(forward.tangent / Math.max(scale, 1), reverse / Math.max(scale, 1));
      f.cases++;
      expect(Math.abs(forward.tangent - reverse)).toBeLessThanOrEqual(1e-12 * Math.max(scale, 1));
    }),
    settings(3000),
  );
});

test('second derivatives from gradients(createGraph) agree with differences of first derivatives', () => {
  const f = figuresFor('second derivatives vs differences of gradients');
  const eps = 1e-6;
  const firstDerivatives = (expr: Expr, xs: readonly number[]): number[] => {
    const leaves = leavesAt(xs);
    return gradients(buildExpr(expr, leaves), leaves).map((v) => v.data);
  };
  fc.assert(
    fc.property(caseArb, ({ expr, xs }) => {
      const { leaves, out } = buildChecked(expr, xs, f);
      const g = gradients(out, leaves, { createGraph: true });
      const first = firstDerivatives(expr, xs);
      g.forEach((gi, i) => expect(gi.data).toBeCloseTo(first[i], 12));
      const hessianRows = g.map((gi) => gradients(gi, leaves).map((v) => v.data));
      for (let j = 0; j < LEAF_COUNT; j++) {
        const plus = xs.slice();
        const minus = xs.slice();
        plus[j] += eps;
        minus[j] -= eps;
        const gPlus = firstDerivatives(expr, plus);
        const gMinus = firstDerivatives(expr, minus);
        for (let i = 0; i < LEAF_COUNT; i++) {
          const numeric = (gPlus[i] - gMinus[i]) / (2 * eps);
          const analytic = hessianRows[i][j];
          f.compare(analytic, numeric);
          expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-4 + 1e-3 * Math.abs(numeric));
        }
      }
      f.cases++;
    }),
    settings(1500),
  );
});

test('checkNodes finds no wrong rule and agrees at every node', () => {
  const f = figuresFor('checkNodes per node');
  fc.assert(
    fc.property(caseArb, ({ expr, xs }) => {
      const { out } = buildChecked(expr, xs, f);
      const result = checkNodes(out);
      result.rows.forEach((r) => f.compare(r.analytic, r.numeric));
      f.cases++;
      expect(result.culprits).toEqual([]);
      expect(result.ok).toBe(true);
    }),
    settings(1500),
  );
});

test('replay equals rebuild: a traced tape re-run on new leaf values', () => {
  const f = figuresFor('replay vs rebuild');
  fc.assert(
    fc.property(caseArb, fc.array(leafValuesArb, { minLength: 1, maxLength: 3 }), ({ expr, xs }, points) => {
      const { leaves, out } = buildChecked(expr, xs, f);
      const tape = trace(out);
      for (const point of points) {
        leaves.forEach((leaf, i) => ((leaf.data = point[i]), (leaf.grad = 0)));
        const replayed = tape.forward();
        tape.backward();
        const fresh = leavesAt(point);
        const rebuilt = buildExpr(expr, fresh);
        rebuilt.backward();
        expect(replayed).toBe(rebuilt.data);
        leaves.forEach((leaf, i) => {
          f.compare(leaf.grad, fresh[i].grad);
          expect(leaf.grad).toBe(fresh[i].grad);
        });
      }
      f.cases++;
    }),
    settings(2000),
  );
});
