/**
 * micrograd's demo: an MLP(2, [16, 16, 1]) learns to separate two moons with the max-margin
 * (hinge) loss + 1e-4 L2, plain SGD with the learning rate 1.0 - 0.9*k/100, 100 steps.
 * Trains on the benchmark spec's 100 points (specMoons), then on scikit-learn-style moons
 * (makeMoons, noise 0.1, as micrograd's notebook), printing loss and accuracy.
 * Run: npm run example:moons
 */
import { accuracy, hinge, l2Penalty, makeMoons, MLP, SGD, specMoons } from '@chainrule/nn';
import type { Dataset } from '@chainrule/nn';

function train(title: string, { X, y }: Dataset): void {
  const model = new MLP(2, [16, 16, 1], { seed: 1337 });
  const opt = new SGD(model, { schedule: (k) => 1.0 - (0.9 * k) / 100 });
  console.log(`${title}: ${model.parameterCount} parameters`);
  const started = performance.now();
  for (let k = 0; k < 100; k++) {
    const scores = X.map((x) => model.forward(x)[0]);
    const loss = hinge(scores, y).add(l2Penalty(model.parameters(), 1e-4));
    opt.zeroGrad();
    loss.backward();
    opt.step();
    if (k % 10 === 0 || k === 99) {
      console.log(
        `  step ${String(k).padStart(2)}  loss ${loss.data.toFixed(6)}  accuracy ${(accuracy(scores, y) * 100).toFixed(0)}%`,
      );
    }
  }
  const final = accuracy(
    X.map((x) => model.forward(x)[0]),
    y,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  after 100 steps: accuracy ${(final * 100).toFixed(0)}% (${seconds.toFixed(1)} s, ${((seconds / 100) * 1000).toFixed(1)} ms/step)`,
  );
}

train('MLP(2, [16, 16, 1]) on specMoons(100, 42)', specMoons(100, 42));
train('MLP(2, [16, 16, 1]) on makeMoons(100, { noise: 0.1 })', makeMoons(100, { noise: 0.1, seed: 42 }));
