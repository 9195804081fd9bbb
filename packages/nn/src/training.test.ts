import { trace } from '@chainrule/core';
import { accuracy } from './accuracy';
import { Adam } from './adam';
import { crossEntropy } from './cross-entropy';
import { hinge } from './hinge';
import { l2Penalty } from './l2-penalty';
import { MLP } from './mlp';
import { specMoons } from './moons';
import { SGD } from './sgd';

describe('W2 of the benchmark spec, built from the library', () => {
  test('loss at steps 0 and 19, accuracy at step 19, parameter sum after 20 updates', () => {
    const { X, y } = specMoons(100, 42);
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const opt = new SGD(model, { schedule: (k) => 1.0 - (0.9 * k) / 100 });
    const losses: number[] = [];
    let lastAccuracy = 0;
    for (let k = 0; k < 20; k++) {
      const scores = X.map((x) => model.forward(x)[0]);
      const total = hinge(scores, y).add(l2Penalty(model.parameters(), 1e-4));
      opt.zeroGrad();
      total.backward();
      opt.step();
      losses.push(total.data);
      lastAccuracy = accuracy(scores, y);
    }
    let parameterSum = 0;
    for (const p of model.parameters()) parameterSum = parameterSum + p.data;
    expect(Math.abs(losses[0] - 1.356349634743974)).toBeLessThan(1e-9);
    expect(Math.abs(losses[19] - 0.261798767230521)).toBeLessThan(1e-9);
    expect(lastAccuracy).toBe(0.92);
    expect(Math.abs(parameterSum - -5.42426845641467)).toBeLessThan(1e-9);
  });
});

describe('W2 replayed with core trace()', () => {
  test('the graph built once and replayed gives the spec numbers', () => {
    const { X, y } = specMoons(100, 42);
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const params = model.parameters();
    const opt = new SGD(params, { schedule: (k) => 1.0 - (0.9 * k) / 100 });
    const scores = X.map((x) => model.forward(x)[0]);
    const tape = trace(hinge(scores, y).add(l2Penalty(params, 1e-4)));
    const losses: number[] = [];
    for (let k = 0; k < 20; k++) {
      losses.push(tape.forward());
      if (k === 19) {
        tape.sync();
        expect(accuracy(scores, y)).toBe(0.92);
      }
      opt.zeroGrad();
      tape.backward();
      opt.step();
    }
    expect(Math.abs(losses[0] - 1.356349634743974)).toBeLessThan(1e-9);
    expect(Math.abs(losses[19] - 0.261798767230521)).toBeLessThan(1e-9);
    expect(Math.abs(params.reduce((s, p) => s + p.data, 0) - -5.42426845641467)).toBeLessThan(1e-9);
  });
});

describe('training', () => {
  test('one SGD step on the moons lowers the loss', () => {
    const { X, y } = specMoons(40, 3);
    const model = new MLP(2, [8, 1], { seed: 5 });
    const opt = new SGD(model, { lr: 0.05 });
    const loss = () =>
      hinge(
        X.map((x) => model.forward(x)[0]),
        y,
      );
    const before = loss();
    opt.zeroGrad();
    before.backward();
    opt.step();
    expect(loss().data).toBeLessThan(before.data);
  });

  test('Adam with crossEntropy fits a separable 3-class set', () => {
    const X = [
      [0, 1],
      [0.2, 0.9],
      [1, 0],
      [0.9, -0.1],
      [-1, -1],
      [-0.8, -1.1],
    ];
    const labels = [0, 0, 1, 1, 2, 2];
    const model = new MLP(2, [8, 3], { activation: 'tanh', seed: 2 });
    const opt = new Adam(model, { lr: 0.05 });
    const first = crossEntropy(
      X.map((x) => model.forward(x)),
      labels,
    ).data;
    let last = first;
    for (let step = 0; step < 60; step++) {
      const logits = X.map((x) => model.forward(x));
      const loss = crossEntropy(logits, labels);
      opt.zeroGrad();
      loss.backward();
      opt.step();
      last = loss.data;
    }
    expect(last).toBeLessThan(first / 5);
    expect(
      accuracy(
        X.map((x) => model.forward(x)),
        labels,
      ),
    ).toBe(1);
  });
});
