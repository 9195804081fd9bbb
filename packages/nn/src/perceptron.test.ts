import { Value } from '@chainrule/core';
import { Perceptron } from './perceptron';

describe('Perceptron', () => {
  test("the article's neuron: a = i*w, a single mul node, w labelled", () => {
    const p = new Perceptron(1, { weights: [0.8] });
    const a = p.forward([1.5]);
    expect(a.op).toBe('mul');
    expect(a.data).toBe(1.5 * 0.8);
    expect(p.parameters()).toHaveLength(1);
    expect(p.w[0].label).toBe('w');
    expect(String(p)).toBe('Perceptron(1, linear, no bias)');
  });

  test('optional bias and activation', () => {
    const p = new Perceptron(2, { weights: [1, -2], bias: 0.5, activation: 'sigmoid' });
    const i = [new Value(3), new Value(1)];
    const out = p.forward(i);
    expect(out.data).toBeCloseTo(1 / (1 + Math.exp(-(0.5 + 3 - 2))), 15);
    expect(p.parameters().map((v) => v.label)).toEqual(['w0', 'w1', 'b']);
    expect(String(p)).toBe('Perceptron(2, sigmoid, bias)');
  });

  test('seeded weights when none are given', () => {
    expect(new Perceptron(3, { seed: 5 }).w.map((w) => w.data)).toEqual(
      new Perceptron(3, { seed: 5 }).w.map((w) => w.data),
    );
  });

  test('wrong weights are rejected', () => {
    expect(() => new Perceptron(2, { weights: [1] })).toThrow(
      /@chainrule\/nn\/Perceptron: options\.weights must be an array of 2 numbers/,
    );
    expect(() => new Perceptron(1, { weights: [NaN] })).toThrow(/options\.weights\[0\] must be a finite number/);
    expect(() => new Perceptron(1, { bias: true as unknown as number })).toThrow(
      /options\.bias must be false \(no bias\) or the bias's starting value, got the boolean true/,
    );
  });
});
