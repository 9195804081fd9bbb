import { gradientDescent, GRADIENT_DESCENT_MAX_STEPS } from './gradient-descent';
import type { Value } from './value';

const articleCost = (w: Value) => w.mul(1.5).sub(0.5).pow(2);

describe('gradientDescent', () => {
  test("reproduces the article's steps: 0.8 → 0.59 → 0.4745 → 0.410975, dC/dw = 2.1 first", () => {
    const path = gradientDescent(articleCost, 0.8, { learningRate: 0.1, steps: 3 });
    expect(path.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    expect(path[0].gradient).toBeCloseTo(2.1, 12);
    expect(path[0].cost).toBeCloseTo(0.49, 12);
    [0.8, 0.59, 0.4745, 0.410975].forEach((w, k) => expect(path[k].w).toBeCloseTo(w, 12));
  });

  test('converges to the closed-form minimum w = y/i = 1/3', () => {
    const path = gradientDescent(articleCost, 0.8, { steps: 100 });
    expect(path[100].w).toBeCloseTo(1 / 3, 14);
  });

  test('each step is w − η·gradient of the previous point (closed form 2·i·(i·w − y))', () => {
    const path = gradientDescent(articleCost, -2, { learningRate: 0.05, steps: 20 });
    for (let k = 0; k < 20; k++) {
      expect(path[k].gradient).toBeCloseTo(2 * 1.5 * (1.5 * path[k].w - 0.5), 10);
      expect(path[k + 1].w).toBe(path[k].w - 0.05 * path[k].gradient);
    }
  });

  test('a diverging rate keeps IEEE values instead of throwing', () => {
    const path = gradientDescent(articleCost, 0.8, { learningRate: 0.7, steps: 2000 });
    expect(Number.isFinite(path[2000].w)).toBe(false);
  });

  test.each([
    [() => gradientDescent(5 as never, 0.8), /expected a function/],
    [() => gradientDescent(articleCost, NaN), /start must be a finite number/],
    [() => gradientDescent(articleCost, 0.8, { learningRate: 0 }), /learningRate must be a positive/],
    [() => gradientDescent(articleCost, 0.8, { steps: 1.5 }), /steps must be an integer/],
    [() => gradientDescent(articleCost, 0.8, { steps: GRADIENT_DESCENT_MAX_STEPS + 1 }), /from 0 to 1000000/],
    [() => gradientDescent(() => 3 as never, 0.8), /f must return a Value/],
    [() => gradientDescent(articleCost, 0.8, null as never), /options must be an object/],
  ])('refuses bad input with a clear error (%#)', (call, message) => {
    expect(call).toThrow(message);
    expect(call).toThrow(/^@chainrule\/core\/gradientDescent: /);
  });
});
