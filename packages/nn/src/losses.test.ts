import { Value } from '@chainrule/core';
import { binaryCrossEntropy } from './binary-cross-entropy';
import { crossEntropy } from './cross-entropy';
import { hinge } from './hinge';
import { l2Penalty } from './l2-penalty';
import { mse } from './mse';
import { numericGradient } from './test-support/numeric-gradient';

const values = (xs: number[]) => xs.map((x) => new Value(x));

function expectGradientsMatch(f: () => Value, leaves: Value[], digits = 6): void {
  leaves.forEach((l) => (l.grad = 0));
  f().backward();
  const numeric = numericGradient(f, leaves);
  leaves.forEach((l, i) => expect(l.grad).toBeCloseTo(numeric[i], digits));
}

describe('mse', () => {
  test("the article's cost: C = (1.5*0.8 - 0.5)^2 = 0.49, dC/dw = 2.1", () => {
    const w = new Value(0.8);
    const C = mse(w.mul(1.5), 0.5);
    expect(C.data).toBeCloseTo(0.49, 15);
    C.backward();
    expect(w.grad).toBeCloseTo(2.1, 15);
  });

  test('batch mean against hand values and finite differences', () => {
    const p = values([1, 2, 4]);
    const loss = () => mse(p, [0, 2, 1]);
    expect(loss().data).toBeCloseTo((1 + 0 + 9) / 3, 15);
    expectGradientsMatch(loss, p);
    expect(p.map((v) => v.grad)).toEqual([2 / 3, 0, 2].map((g) => expect.closeTo(g, 14)));
  });

  test('mismatched lengths are rejected', () => {
    expect(() => mse(values([1, 2]), [1])).toThrow(/@chainrule\/nn\/mse: got 2 predictions but 1 targets/);
    expect(() => mse(values([1]), 1)).toThrow(/targets must be an array of the same length/);
    expect(() => mse([], [])).toThrow(/predictions are empty/);
  });
});

describe('hinge', () => {
  test('mean of relu(1 - y*s) with hand values', () => {
    const s = values([2, 0.5, -0.5, 0.3]);
    const y = [1, 1, 1, -1];
    // margins: 0, 0.5, 1.5, 1.3 -> mean 0.825; d/ds = -y/n where the margin is positive
    const loss = hinge(s, y);
    expect(loss.data).toBeCloseTo(0.825, 15);
    loss.backward();
    expect(s.map((v) => v.grad)).toEqual([0, -0.25, -0.25, 0.25]);
  });

  test('one score gives the margin itself', () => {
    expect(hinge(new Value(-1), 1).data).toBe(2);
  });
});

describe('binaryCrossEntropy', () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  test('probabilities: closed form, y = 1 and y = 0 shortcuts, soft targets', () => {
    expect(binaryCrossEntropy(new Value(0.8), 1).data).toBeCloseTo(-Math.log(0.8), 15);
    expect(binaryCrossEntropy(new Value(0.8), 0).data).toBeCloseTo(-Math.log(0.2), 15);
    expect(binaryCrossEntropy(new Value(0.8), 0.25).data).toBeCloseTo(
      -(0.25 * Math.log(0.8) + 0.75 * Math.log(0.2)),
      15,
    );
    expect(binaryCrossEntropy(new Value(1), 1).data).toBeCloseTo(0, 15); // not NaN (no 0 * log 0 term)
    const p = values([0.3, 0.9]);
    expectGradientsMatch(() => binaryCrossEntropy(p, [0.4, 1]), p);
  });

  test('logits: same loss as sigmoid then probabilities, gradient sigmoid(z) - y', () => {
    for (const z of [-3, -0.5, 0, 0.5, 3]) {
      for (const y of [0, 0.3, 1]) {
        const v = new Value(z);
        const loss = binaryCrossEntropy(v, y, { fromLogits: true });
        const p = sigmoid(z);
        expect(loss.data).toBeCloseTo(-(y * Math.log(p) + (1 - y) * Math.log(1 - p)), 13);
        loss.backward();
        expect(v.grad).toBeCloseTo(p - y, 14);
      }
    }
  });

  test('logits: finite for huge logits', () => {
    const big = new Value(1000);
    const loss = binaryCrossEntropy([big, new Value(-1000)], [0, 1], { fromLogits: true });
    expect(loss.data).toBe(1000);
    loss.backward();
    expect(big.grad).toBe(0.5);
  });

  test('targets outside [0, 1] are rejected', () => {
    expect(() => binaryCrossEntropy(new Value(0.5), 2)).toThrow(
      /target must be a number from 0 to 1, got the number 2/,
    );
  });
});

describe('crossEntropy', () => {
  test('log-sum-exp minus the target logit, gradient softmax - onehot', () => {
    const z = values([2, 1, 0.1]);
    const loss = crossEntropy(z, 0);
    const e = [2, 1, 0.1].map(Math.exp);
    const total = e[0] + e[1] + e[2];
    expect(loss.data).toBeCloseTo(-Math.log(e[0] / total), 15);
    loss.backward();
    expect(z.map((v) => v.grad)).toEqual(
      [e[0] / total - 1, e[1] / total, e[2] / total].map((g) => expect.closeTo(g, 15)),
    );
  });

  test('stable for huge logits (naive exp would overflow)', () => {
    const z = values([1000, 999, -1000]);
    const loss = crossEntropy(z, 1);
    expect(loss.data).toBeCloseTo(1 + Math.log(1 + Math.exp(-1)), 12);
    loss.backward();
    expect(z.every((v) => Number.isFinite(v.grad))).toBe(true);
  });

  test('batch mean and finite differences', () => {
    const rows = [values([0.2, -0.4, 1.1]), values([1.5, 0.3, -0.2])];
    const loss = () => crossEntropy(rows, [2, 1]);
    expect(loss().data).toBeCloseTo((crossEntropy(rows[0], 2).data + crossEntropy(rows[1], 1).data) / 2, 15);
    expectGradientsMatch(loss, rows.flat());
  });

  test('bad class indices are rejected', () => {
    expect(() => crossEntropy(values([1, 2]), 2)).toThrow(
      /@chainrule\/nn\/crossEntropy: target must be an integer from 0 to 1, got the number 2/,
    );
    expect(() => crossEntropy([values([1, 2])], 0)).toThrow(/Pass one class index per row/);
  });
});

describe('l2Penalty', () => {
  test('alpha * sum of squares, gradient 2 * alpha * p', () => {
    const p = values([1, -2, 3]);
    const loss = l2Penalty(p, 0.5);
    expect(loss.data).toBe(7);
    loss.backward();
    expect(p.map((v) => v.grad)).toEqual([1, -2, 3]);
  });

  test('rejects an empty list', () => {
    expect(() => l2Penalty([], 1)).toThrow(/@chainrule\/nn\/l2Penalty: params must be a non-empty array/);
  });
});
