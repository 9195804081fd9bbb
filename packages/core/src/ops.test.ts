/**
 * Every row of the op table checked against central differences at random points of its domain:
 * reverse mode (backward and gradients), forward mode (jvp) and second derivatives (gradients with
 * createGraph against differences of first derivatives). Adding a row adds its tests.
 */
import { gradients } from './gradients';
import { jvp } from './jvp';
import { centralDifference } from './numeric';
import type { OpRow } from './op-row';
import { FORWARD_AT, OPS } from './ops';
import { gradcheck } from './gradcheck';
import { lcg } from './test-support/lcg';
import { applyOp, Value } from './value';

const POINTS = 25;
const EPS = 1e-5;
const NARY_WIDTH = 3;

function arityOf(row: OpRow): number {
  return row.arity === 'n' ? NARY_WIDTH : row.arity;
}

function randomPoints(row: OpRow, seed: number): number[][] {
  const random = lcg(seed);
  const points: number[][] = [];
  for (let p = 0; p < POINTS; p++) {
    const xs: number[] = [];
    for (let i = 0; i < arityOf(row); i++) {
      const [lo, hi] = row.domain[Math.min(i, row.domain.length - 1)];
      xs.push(random.uniform(lo, hi));
    }
    points.push(xs);
  }
  return points;
}

function build(row: OpRow, xs: readonly number[]): { leaves: Value[]; out: Value } {
  const leaves = xs.map((x, i) => new Value(x, `x${i}`));
  return { leaves, out: applyOp(row, leaves) };
}

const forwardOf = (row: OpRow) => (xs: number[]) => build(row, xs).out.data;

/** First derivatives by gradients(): the function whose differences give second derivatives. */
const firstDerivative = (row: OpRow, i: number) => (xs: number[]) => {
  const { leaves, out } = build(row, xs);
  return gradients(out, leaves)[i].data;
};

function expectClose(actual: number, expected: number, tolerance: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

const rows = Object.values(OPS) as OpRow[];

describe.each(rows.map((row, k) => [row.name, row, k] as const))('op row %s', (_name, row, k) => {
  const points = randomPoints(row, 1000 + k);

  test('backward() matches central differences', () => {
    for (const xs of points) {
      const { leaves, out } = build(row, xs);
      out.backward();
      leaves.forEach((leaf, i) => expectClose(leaf.grad, centralDifference(forwardOf(row), xs, i, EPS), 1e-7));
    }
  });

  test('gradients() matches central differences and leaves .grad untouched', () => {
    for (const xs of points) {
      const { leaves, out } = build(row, xs);
      const grads = gradients(out, leaves);
      grads.forEach((g, i) => expectClose(g.data, centralDifference(forwardOf(row), xs, i, EPS), 1e-7));
      leaves.forEach((leaf) => expect(leaf.grad).toBe(0));
    }
  });

  test('jvp (forward mode) matches central differences along every axis', () => {
    for (const xs of points) {
      for (let i = 0; i < xs.length; i++) {
        const tangents = xs.map((_, j) => (j === i ? 1 : 0));
        const { value, tangent } = jvp((...vs) => applyOp(row, vs), xs, tangents);
        expect(value).toBe(forwardOf(row)(xs));
        expectClose(tangent, centralDifference(forwardOf(row), xs, i, EPS), 1e-7);
      }
    }
  });

  test('second derivatives (createGraph) match differences of first derivatives', () => {
    for (const xs of points) {
      const { leaves, out } = build(row, xs);
      const first = gradients(out, leaves, { createGraph: true });
      first.forEach((g, i) => {
        expect(g.data).toBeCloseTo(gradients(out, leaves)[i].data, 12);
        const second = gradients(g, leaves);
        second.forEach((h, j) => expectClose(h.data, centralDifference(firstDerivative(row, i), xs, j, EPS), 1e-6));
      });
    }
  });

  test('the row is well formed', () => {
    expect(row.name).toMatch(/^[a-z]+$/);
    expect(row.symbol.length).toBeGreaterThan(0);
    expect(row.domain.length).toBe(row.arity === 'n' ? 1 : row.arity);
    for (const [lo, hi] of row.domain) expect(lo).toBeLessThan(hi);
  });
});

test('pow multiplies squares out and gives exactly the doubles Math.pow gives', () => {
  const random = lcg(2026);
  const xs = [0, -0, 1, -1, 5e-324, -1e-200, 1e200, 1.5e154, Infinity, -Infinity, NaN];
  for (let i = 0; i < 2000; i++) xs.push(random.uniform(-1, 1) * 10 ** Math.round(random.uniform(-300, 300)));
  for (const x of xs) {
    expect(Object.is(OPS.pow.forward(x, 2), Math.pow(x, 2))).toBe(true);
    expect(Object.is(OPS.pow.derivativeA(x, 2, x * x), 2 * Math.pow(x, 1))).toBe(true);
  }
});

describe('dot', () => {
  const random = lcg(77);
  /** b + Σ w_j·x_j written out: the closed form dot must give, bias first as micrograd adds it. */
  const closedForm = (xs: readonly number[]): number => {
    const pairs = xs.length & ~1;
    let total = pairs < xs.length ? xs[pairs] : 0;
    for (let i = 0; i < pairs; i += 2)
      total = i === 0 && pairs === xs.length ? xs[0] * xs[1] : total + xs[i] * xs[i + 1];
    return total;
  };

  test('gives b + w_0·x_0 + w_1·x_1 + ... for every count of inputs, with and without the bias', () => {
    for (let n = 0; n <= 9; n++) {
      for (let trial = 0; trial < 20; trial++) {
        const xs = Array.from({ length: n }, () => random.uniform(-3, 3));
        expect(OPS.dot.forward(xs)).toBe(closedForm(xs));
      }
    }
    expect(OPS.dot.forward([])).toBe(0);
    expect(OPS.dot.forward([0.5, 2])).toBe(1);
    expect(OPS.dot.forward([0.5, 2, 0.25])).toBe(1.25);
  });

  test('gradients agree with central differences without a bias too (even counts)', () => {
    for (const n of [2, 4, 5, 8]) {
      const xs = Array.from({ length: n }, () => random.uniform(-2, 2));
      const result = gradcheck((...leaves) => applyOp(OPS.dot, leaves), xs);
      expect(result.ok).toBe(true);
      // ∂/∂w_j = x_j, ∂/∂x_j = w_j, ∂/∂b = 1.
      expect(result.rows.map((r) => r.analytic)).toEqual(xs.map((_, i) => (i === (n & ~1) ? 1 : xs[i ^ 1])));
    }
  });

  test("the tape forwards of sum and dot (FORWARD_AT) give their rows' forwards bit for bit", () => {
    for (const row of [OPS.sum, OPS.dot]) {
      const forwardAt = FORWARD_AT.get(row)!;
      for (let n = 0; n <= 9; n++) {
        const values = Float64Array.from({ length: 20 }, () => random.uniform(-3, 3));
        const slots = Int32Array.from({ length: n + 4 }, () => Math.floor(random.next() * 20));
        const xs = Array.from(slots.subarray(2, 2 + n), (slot) => values[slot]);
        expect(forwardAt(values, slots, 2, 2 + n)).toBe(row.forward(xs));
      }
    }
    // A custom row made from a built-in one has no tape forward of its own: its forward may differ.
    expect(FORWARD_AT.has({ ...OPS.sum, name: 'mine' })).toBe(false);
  });
});
