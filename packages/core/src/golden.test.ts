/**
 * Golden numbers from independent sources: the seed article's perceptron walkthrough, micrograd's
 * README expression, and the expected values of the benchmark spec's W3 (deep chain) and W4 (wide
 * sum, chain and n-ary).
 */
import { lcg } from './test-support/lcg';
import { sum, Value } from './value';

describe('the article: one-weight perceptron a = i*w, C = (a - y)^2', () => {
  const i = 1.5;
  const y = 0.5;
  const lr = 0.1;

  function step(w: Value): { C: Value } {
    const a = w.mul(i);
    const C = a.sub(y).pow(2);
    return { C };
  }

  test('first step: dC/dw = 2.1', () => {
    const w = new Value(0.8, 'w');
    step(w).C.backward();
    expect(w.grad).toBeCloseTo(2.1, 14);
  });

  test('w: 0.8 -> 0.59 -> 0.4745 -> 0.410975, and 1/3 after 100 steps', () => {
    const w = new Value(0.8, 'w');
    const seen: number[] = [];
    for (let k = 0; k < 100; k++) {
      w.grad = 0;
      step(w).C.backward();
      w.data -= lr * w.grad;
      seen.push(w.data);
    }
    expect(seen[0]).toBeCloseTo(0.59, 14);
    expect(seen[1]).toBeCloseTo(0.4745, 14);
    expect(seen[2]).toBeCloseTo(0.410975, 14);
    expect(Math.abs(seen[99] - 1 / 3)).toBeLessThan(1e-12);
  });
});

test("micrograd's README expression: g = 24.7041, dg/da = 138.8338, dg/db = 645.5773", () => {
  const a = new Value(-4.0);
  const b = new Value(2.0);
  let c = a.add(b);
  let d = a.mul(b).add(b.pow(3));
  c = c.add(c.add(1));
  c = c.add(new Value(1).add(c).add(a.neg()));
  d = d.add(d.mul(2).add(b.add(a).relu()));
  d = d.add(new Value(3).mul(d).add(b.sub(a).relu()));
  const e = c.sub(d);
  const f = e.pow(2);
  let g = f.div(2.0);
  g = g.add(new Value(10.0).div(f));
  g.backward();
  expect(g.data).toBeCloseTo(24.7041, 4);
  expect(a.grad).toBeCloseTo(138.8338, 4);
  expect(b.grad).toBeCloseTo(645.5773, 4);
});

describe('SPEC W3: x_{k+1} = x_k * 1.0001 + 0.0001, L = x_N', () => {
  function chain(n: number): { x0: Value; L: Value } {
    const x0 = new Value(1.0);
    let x = x0;
    for (let k = 0; k < n; k++) x = x.mul(1.0001).add(0.0001);
    return { x0, L: x };
  }

  test.each([
    [1e3, 1.210330785206444, 1.1051653926032188],
    [1e6, 5.349421986224629e43, 2.6747109931126675e43],
  ])('N = %d: value and dL/dx0', (n, value, grad) => {
    const { x0, L } = chain(n);
    L.backward();
    expect(Math.abs(L.data - value)).toBeLessThanOrEqual(1e-12 * value);
    expect(Math.abs(x0.grad - grad)).toBeLessThanOrEqual(1e-12 * grad);
    expect(Math.abs(x0.grad - Math.pow(1.0001, n))).toBeLessThanOrEqual(1e-9 * grad);
  });
});

describe('SPEC W4: wide sum of x_i * w_i (seed 7)', () => {
  function data(n: number): { xs: Value[]; ws: Value[] } {
    const random = lcg(7);
    const xs: Value[] = [];
    const ws: Value[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(new Value(random.uniform(-1, 1)));
      ws.push(new Value(random.uniform(-1, 1)));
    }
    return { xs, ws };
  }

  function check(xs: Value[], ws: Value[], L: Value, expected: readonly number[]): void {
    L.backward();
    let sumW = 0;
    let sumX = 0;
    let wrong = 0;
    for (let i = 0; i < xs.length; i++) {
      if (ws[i].grad !== xs[i].data || xs[i].grad !== ws[i].data) wrong++;
      sumW += ws[i].grad;
      sumX += xs[i].grad;
    }
    expect(wrong).toBe(0);
    [L.data, sumW, sumX].forEach((got, k) => {
      expect(Math.abs(got - expected[k])).toBeLessThanOrEqual(1e-12 * Math.abs(expected[k]) * Math.sqrt(xs.length));
    });
  }

  const cases = [
    [1e3, [-18.246349030899438, -18.14381141588092, -23.56107349693775]],
    [1e6, [294.6887798013156, -183.98197981715202, -183.00945603847504]],
  ] as const;

  test.each(cases)('N = %d, left fold of adds', (n, expected) => {
    const { xs, ws } = data(n);
    let L = xs[0].mul(ws[0]);
    for (let i = 1; i < n; i++) L = L.add(xs[i].mul(ws[i]));
    check(xs, ws, L, expected);
  });

  test.each(cases)('N = %d, one n-ary sum', (n, expected) => {
    const { xs, ws } = data(n);
    check(xs, ws, sum(xs.map((x, i) => x.mul(ws[i]))), expected);
  });
});
