/**
 * Every row of the op table checked against central differences at random points of its domain:
 * reverse mode (backward and gradients), forward mode (jvp) and second derivatives (gradients with
 * createGraph against differences of first derivatives). Adding a row adds its tests.
 */
import { gradients } from './gradients';
import { jvp } from './jvp';
import { localGradients, localGradientValues } from './local-gradients';
import { centralDifference } from './numeric';
import type { OpRow } from './op-row';
import { OPS } from './ops';
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

  test("the tape forwards of sum and dot (their rows' forwardAt) give their forwards bit for bit", () => {
    for (const row of [OPS.sum, OPS.dot]) {
      const forwardAt = row.forwardAt!;
      for (let n = 0; n <= 9; n++) {
        const values = Float64Array.from({ length: 20 }, () => random.uniform(-3, 3));
        const slots = Int32Array.from({ length: n + 4 }, () => Math.floor(random.next() * 20));
        const xs = Array.from(slots.subarray(2, 2 + n), (slot) => values[slot]);
        expect(forwardAt(values, slots, 2, 2 + n)).toBe(row.forward(xs));
      }
    }
  });
});

/** Points where rows are singular or saturate, mixed with ordinary ones. */
const SPECIALS = [0, -0, 1, -1, 0.5, -2.5, 5e-324, 1e-310, 1e308, -1e308, Infinity, -Infinity, NaN];

function specialPoints(row: OpRow): number[][] {
  const width = arityOf(row);
  const points: number[][] = [];
  const random = lcg(99);
  for (let p = 0; p < 400; p++) {
    points.push(Array.from({ length: width }, () => SPECIALS[Math.floor(random.next() * SPECIALS.length)]));
  }
  return points;
}

describe.each(rows.map((row) => [row.name, row] as const))('op row %s at special points', (_name, row) => {
  test('its derivatives built from Values hold the same doubles as its numeric derivatives', () => {
    for (const xs of [...specialPoints(row), ...randomPoints(row, 7)]) {
      const leaves = xs.map((x) => new Value(x));
      const out = applyOp(row, leaves);
      const numbers = localGradients(out);
      const values = localGradientValues(out).map((d) => (typeof d === 'number' ? d : d.data));
      numbers.forEach((d, i) => expect([xs, i, values[i]]).toEqual([xs, i, d]));
    }
  });

  test('skipsOnZeroGradient holds: wherever the output is finite, every local derivative is', () => {
    if (!row.skipsOnZeroGradient) return;
    for (const xs of specialPoints(row)) {
      const out = applyOp(
        row,
        xs.map((x) => new Value(x)),
      );
      if (Number.isFinite(out.data)) expect([xs, localGradients(out).every(Number.isFinite)]).toEqual([xs, true]);
    }
  });
});

test('max and min: the larger / smaller input takes the whole gradient, a tie splits it 1/2 each (torch.maximum)', () => {
  const grads = (f: (a: Value, b: Value) => Value, a: number, b: number): number[] => {
    const x = new Value(a);
    const y = new Value(b);
    f(x, y).backward();
    return [x.grad, y.grad];
  };
  const max = (a: Value, b: Value): Value => a.max(b);
  const min = (a: Value, b: Value): Value => a.min(b);
  expect([new Value(2).max(3).data, new Value(2).min(3).data, new Value(-1).max(-1).data]).toEqual([3, 2, -1]);
  expect(grads(max, 2, 3)).toEqual([0, 1]);
  expect(grads(max, 3, 2)).toEqual([1, 0]);
  expect(grads(max, 1.5, 1.5)).toEqual([0.5, 0.5]);
  expect(grads(min, 2, 3)).toEqual([1, 0]);
  expect(grads(min, 3, 2)).toEqual([0, 1]);
  expect(grads(min, 1.5, 1.5)).toEqual([0.5, 0.5]);
  // max(x, x) = x: the two halves add up to the derivative 1, as in PyTorch
  const x = new Value(0.25);
  x.max(x).backward();
  expect(x.grad).toBe(1);
  expect(new Value(NaN).max(1).data).toBeNaN();
  expect(new Value(1).min(NaN).data).toBeNaN();
});
