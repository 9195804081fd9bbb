/**
 * The README's tour, runnable: an expression from a string, its gradients, a picture, a check of
 * hand-derived derivatives, and a training loop. `npm run example:tour`; the README shows its output.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { compareDerivatives, formatComparison, Value } from '@chainrule/core';
import { parseExpression, symbolicDerivative } from '@chainrule/expr';
import { mse, Perceptron, SGD } from '@chainrule/nn';
import { renderSvg } from '@chainrule/viz';

// 1. An expression from a string: statements name intermediate nodes.
const source = 'a = i*w; C = (a - y)^2';
const { output: C, variables } = parseExpression(source, { i: 1.5, w: 0.8, y: 0.5 });
console.log('C =', C.data);

// 2. Gradients by backpropagation, and the derivative you would write by hand.
C.backward();
console.log('dC/dw =', variables.w.grad, ' symbolic:', symbolicDerivative(source, 'w'));

// 3. A picture of the graph: values, gradients, local gradients on the edges.
mkdirSync('out', { recursive: true });
writeFileSync('out/tour-graph.svg', renderSvg(C));
console.log('wrote out/tour-graph.svg');

// 4. Check hand-derived derivatives against autograd and central differences.
const check = compareDerivatives(
  (i, w, y) => i.mul(w).sub(y).pow(2),
  [1.5, 0.8, 0.5],
  [undefined, (i, w, y) => 2 * (i * w - y) * i, (i, w, y) => -(i * w - y)],
  { names: ['i', 'w', 'y'] },
);
console.log(formatComparison(check));

// 5. Train the article's perceptron: 100 steps of SGD from w = 0.8.
const model = new Perceptron(1, { weights: [0.8] });
const optimizer = new SGD(model.parameters(), { lr: 0.1 });
for (let step = 1; step <= 100; step++) {
  optimizer.zeroGrad();
  mse(model.forward([1.5]), new Value(0.5)).backward();
  optimizer.step();
  if (step <= 3 || step === 100) console.log(`step ${step}: w = ${model.parameters()[0].data}`);
}
