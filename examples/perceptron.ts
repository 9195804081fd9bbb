/**
 * The article's perceptron: one weight, a = i*w, cost C = (a - y)^2, trained by SGD with lr 0.1.
 * Prints w after each step: 0.8 -> 0.59, 0.4745, 0.410975, ... -> 1/3 (where i*w = y).
 * Run: npm run example:perceptron
 */
import { mse, Perceptron, SGD } from '@chainrule/nn';

const i = 1.5;
const y = 0.5;
const neuron = new Perceptron(1, { weights: [0.8] }); // no bias, identity activation
const opt = new SGD(neuron, { lr: 0.1 });
const w = neuron.w[0];

console.log(`${neuron}: a = i*w, C = (a - y)^2 with i = ${i}, y = ${y}, lr = 0.1`);
console.log(`step   0  w = ${w.data}`);
for (let step = 1; step <= 100; step++) {
  const C = mse(neuron.forward([i]), y);
  opt.zeroGrad();
  C.backward();
  const dCdw = w.grad;
  opt.step();
  if (step <= 5 || step % 25 === 0) {
    const short = (x: number): string => String(Number(x.toPrecision(6))).padEnd(13);
    console.log(`step ${String(step).padStart(3)}  C = ${short(C.data)}  dC/dw = ${short(dCdw)}  w = ${w.data}`);
  }
}
console.log(`1/3 = ${1 / 3}`);
