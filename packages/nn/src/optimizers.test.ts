import { Value } from '@chainrule/core';
import { Adam } from './adam';
import { mse } from './mse';
import { Perceptron } from './perceptron';
import { SGD } from './sgd';

function withGrads(data: number[], grads: number[]): Value[] {
  return data.map((d, i) => {
    const v = new Value(d);
    v.grad = grads[i];
    return v;
  });
}

describe('SGD', () => {
  test('p <- p - lr * g', () => {
    const p = withGrads([1, -2], [0.5, 0.25]);
    new SGD(p, { lr: 0.1 }).step();
    expect(p.map((v) => v.data)).toEqual([1 - 0.1 * 0.5, -2 - 0.1 * 0.25]);
  });

  test('momentum: v starts at g, then v = mu*v + g', () => {
    const p = withGrads([1], [0.5]);
    const opt = new SGD(p, { lr: 0.1, momentum: 0.9 });
    opt.step(); // 1 - 0.05
    opt.step(); // v = 0.95; 0.95 - 0.095
    expect(p[0].data).toBeCloseTo(0.855, 15);
    p[0].grad = 0;
    opt.step(); // v = 0.855; 0.855 - 0.0855
    expect(p[0].data).toBeCloseTo(0.7695, 15);
  });

  test("schedule: micrograd's 1.0 - 0.9*k/100, k counting steps from 0", () => {
    const p = withGrads([0], [1]);
    const opt = new SGD(p, { schedule: (k) => 1.0 - (0.9 * k) / 100 });
    expect(opt.lr).toBe(1);
    opt.step();
    expect(opt.lr).toBeCloseTo(0.991, 15);
    opt.step();
    expect(p[0].data).toBeCloseTo(-1.991, 15);
    expect(opt.stepCount).toBe(2);
  });

  test("the article's perceptron: 0.8 -> 0.59, 0.4745, 0.410975 ... -> 1/3", () => {
    const p = new Perceptron(1, { weights: [0.8] });
    const opt = new SGD(p, { lr: 0.1 });
    const ws: number[] = [];
    for (let step = 0; step < 100; step++) {
      const C = mse(p.forward([1.5]), 0.5);
      opt.zeroGrad();
      C.backward();
      opt.step();
      ws.push(p.w[0].data);
    }
    expect(ws[0]).toBeCloseTo(0.59, 12);
    expect(ws[1]).toBeCloseTo(0.4745, 12);
    expect(ws[2]).toBeCloseTo(0.410975, 12);
    expect(ws[99]).toBeCloseTo(1 / 3, 12);
  });

  test('zeroGrad and bad options', () => {
    const p = withGrads([1, 2], [3, 4]);
    new SGD(p).zeroGrad();
    expect(p.map((v) => v.grad)).toEqual([0, 0]);
    expect(() => new SGD([])).toThrow(/@chainrule\/nn\/SGD: params must be a Module or a non-empty array of Values/);
    expect(() => new SGD(p, { lr: NaN })).toThrow(/options\.lr must be a finite number/);
    expect(() => new SGD(p, { momentum: -1 })).toThrow(/options\.momentum must be >= 0/);
    expect(() => new SGD([1 as unknown as Value])).toThrow(/params\[0\] must be a Value/);
  });
});

describe('Adam', () => {
  test('with a constant gradient every step moves by lr*g/(|g| + eps) (bias correction)', () => {
    const p = withGrads([1, -1], [0.5, -2]);
    const opt = new Adam(p, { lr: 0.1 });
    let expected = [1, -1];
    for (let t = 0; t < 5; t++) {
      opt.step();
      expected = expected.map((x, i) => x - (0.1 * p[i].grad) / (Math.abs(p[i].grad) + 1e-8));
      p.forEach((v, i) => expect(v.data).toBeCloseTo(expected[i], 12));
    }
  });

  test('first two steps by hand with a changing gradient', () => {
    const [p] = withGrads([0], [1]);
    const opt = new Adam([p], { lr: 0.01, betas: [0.5, 0.75], eps: 0 });
    opt.step(); // m = 0.5, v = 0.25; mhat = 1, vhat = 1 -> p = -0.01
    expect(p.data).toBeCloseTo(-0.01, 15);
    p.grad = 3;
    opt.step(); // m = 0.25 + 1.5 = 1.75, mhat = 1.75/0.75; v = 0.1875 + 2.25 = 2.4375, vhat = 2.4375/0.4375
    expect(p.data).toBeCloseTo(-0.01 - (0.01 * (1.75 / 0.75)) / Math.sqrt(2.4375 / 0.4375), 15);
  });

  test('weight decay: added to the gradient (L2) or decoupled (AdamW)', () => {
    const [a] = withGrads([2], [0]);
    new Adam([a], { lr: 0.01, weightDecay: 0.1 }).step(); // g = 0.2 -> moves by about lr
    expect(a.data).toBeCloseTo(2 - (0.01 * 0.2) / (0.2 + 1e-8), 14);
    const [b] = withGrads([2], [0]);
    new Adam([b], { lr: 0.01, weightDecay: 0.1, decoupled: true }).step(); // p *= 1 - lr*wd, no gradient step
    expect(b.data).toBeCloseTo(2 * (1 - 0.001), 15);
  });

  test('bad betas are rejected', () => {
    expect(() => new Adam(withGrads([1], [0]), { betas: [0.9, 1] })).toThrow(
      /@chainrule\/nn\/Adam: options\.betas must be two numbers in \[0, 1\)/,
    );
  });
});
