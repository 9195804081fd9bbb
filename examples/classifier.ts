/**
 * A 3-class classifier: an MLP(2, [16, 3]) with tanh hidden units outputs one logit per class,
 * trained with the softmax cross-entropy loss and Adam on three noisy blobs; prints loss and
 * accuracy, then the learned decision regions as a text map (A, B, C; data points in capitals).
 * Run: npm run example:classifier
 */
import { accuracy, Adam, crossEntropy, MLP, rng } from '@chainrule/nn';

// Three Gaussian blobs around the corners of a triangle.
const r = rng(7);
const centres = [
  [0, 1],
  [-0.87, -0.5],
  [0.87, -0.5],
];
const X: number[][] = [];
const labels: number[] = [];
for (let i = 0; i < 90; i++) {
  const k = i % 3;
  X.push([centres[k][0] + 0.55 * r.normal(), centres[k][1] + 0.55 * r.normal()]);
  labels.push(k);
}

const model = new MLP(2, [16, 3], { activation: 'tanh', seed: 1 });
const opt = new Adam(model, { lr: 0.05, weightDecay: 1e-4 });
console.log(`MLP(2, [16, 3]), tanh hidden layer (${model.parameterCount} parameters); ${X.length} points, 3 classes`);
for (let step = 0; step < 100; step++) {
  const logits = X.map((x) => model.forward(x));
  const loss = crossEntropy(logits, labels);
  opt.zeroGrad();
  loss.backward();
  opt.step();
  if (step % 10 === 0 || step === 99) {
    console.log(
      `step ${String(step).padStart(2)}  loss ${loss.data.toFixed(4)}  accuracy ${(accuracy(logits, labels) * 100).toFixed(1)}%`,
    );
  }
}

// Decision regions on [-2, 2] x [-1.6, 1.8]: the predicted class of each cell.
const names = 'abc';
const rows: string[] = [];
for (let row = 0; row < 17; row++) {
  const y = 1.8 - row * 0.2;
  let line = '';
  for (let col = 0; col < 41; col++) {
    const x = -2 + col * 0.1;
    const scores = model.forward([x, y]).map((v) => v.data);
    const k = scores.indexOf(scores.reduce((a, b) => Math.max(a, b)));
    const here = X.findIndex((p) => Math.abs(p[0] - x) < 0.05 && Math.abs(p[1] - y) < 0.1);
    line += here >= 0 ? names[labels[here]].toUpperCase() : names[k];
  }
  rows.push(line);
}
console.log(rows.join('\n'));
