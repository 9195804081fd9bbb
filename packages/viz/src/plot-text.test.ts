/**
 * No text of a plot overlaps another or reaches outside the picture: tick labels, axis titles,
 * annotations (slope, minimum, steps leaving the plot), legends and tables, on the article's plots,
 * diverging runs, a given domain, large linear losses and a decision boundary.
 */
import { gradientDescent } from '@chainrule/core';
import { makeMoons } from '@chainrule/nn';
import { plotDecisionBoundary } from './plot-decision-boundary';
import { plotDescent } from './plot-descent';
import { plotLoss } from './plot-loss';
import { textCollisions } from './test-support/text-boxes';

const path = (learningRate: number, steps: number) =>
  gradientDescent((w) => w.mul(1.5).sub(0.5).pow(2), 0.8, { learningRate, steps });

const plots: Array<[string, () => string]> = [
  ["the article's descent", () => plotDescent()],
  [
    'descent with the activation, dark, 10 steps',
    () => plotDescent({ showActivation: true, theme: 'dark', steps: 10 }),
  ],
  ['a diverging descent (η = 0.7)', () => plotDescent({ learningRate: 0.7, steps: 12 })],
  ['an oscillating descent (η = 0.5)', () => plotDescent({ learningRate: 0.5, steps: 6 })],
  ['given weights of a diverging run', () => plotDescent({ ws: path(0.7, 12).map((p) => p.w), learningRate: 0.7 })],
  [
    'a diverging run on a wide given domain',
    () => plotDescent({ learningRate: 0.7, steps: 12, domain: [-5000, 5000] }),
  ],
  ['given weights without the table', () => plotDescent({ ws: [0.8, 0.59, 0.4745], showTable: false })],
  [
    "the perceptron's cost per step",
    () =>
      plotLoss(
        path(0.1, 100).map((p) => p.cost),
        { title: 'Perceptron' },
      ),
  ],
  ['a diverging cost per step', () => plotLoss(path(0.7, 12).map((p) => p.cost))],
  [
    'large losses on a linear axis',
    () =>
      plotLoss(
        Array.from({ length: 30 }, (_, k) => 8e7 - k * 1e6),
        { logScale: false },
      ),
  ],
  [
    'loss and accuracy',
    () =>
      plotLoss({
        loss: Array.from({ length: 100 }, (_, k) => 1 / (k + 1)),
        accuracy: Array.from({ length: 100 }, (_, k) => Math.min(1, 0.5 + k / 150)),
      }),
  ],
  ['a decision boundary', () => plotDecisionBoundary((a, b) => 0.5 * a - b + 0.1, makeMoons(100, { noise: 0.1 }))],
];

test.each(plots)('%s: no text overlaps another or is clipped', (_name, draw) => {
  expect(textCollisions(draw())).toEqual([]);
});

test('a diverging descent says so and marks the steps that leave the plot', () => {
  const svg = plotDescent({ learningRate: 0.7, steps: 12 });
  expect(svg).toContain('so the steps diverge');
  expect(svg).toMatch(/w₃ … w₁₂ leave the plot/);
  const given = plotDescent({ ws: path(0.7, 12).map((p) => p.w) });
  expect(given).toContain('the steps diverge');
  expect(plotDescent()).not.toContain('leave the plot');
});

test('tick labels too wide for the margin use SI prefixes', () => {
  const svg = plotLoss(
    Array.from({ length: 30 }, (_, k) => 8e7 - k * 1e6),
    { logScale: false },
  );
  expect(svg).toMatch(/>80M</);
  expect(svg).not.toContain('80,000,000');
});
