/**
 * `npm run docs:pictures`: regenerates the pictures under docs/viz/ that the @chainrule/viz README
 * shows: the article's perceptron before and after backward (light and dark), a manual-vs-autograd
 * mismatch highlighted, the first wrong step of a hand-written backward pass ringed, a small MLP drawn in full and W2's MLP graph drawn grouped; and the plots:
 * the article's gradient descent, and the moons MLP's loss and decision boundary. Writes SVG
 * always and PNG when chromium is installed (`apt-get install -y chromium`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareGradients } from '@chainrule/core';
import { MLP, SGD, accuracy, hinge, l2Penalty, makeMoons } from '@chainrule/nn';
import { plotDecisionBoundary, plotDescent, plotLoss, renderSvg, toGraph, valueKey } from '@chainrule/viz';
import { article } from '../packages/viz/src/test-support/article';
import { mlpLoss } from '../packages/viz/src/test-support/mlp-graph';
import { svgToPng } from './svg-to-png';

const OUT = path.resolve(__dirname, '../docs/viz');

function pictures(): Array<{ name: string; svg: string }> {
  const before = article();
  const beforeSvg = renderSvg(before.C, { parameters: [before.w], title: "The article's perceptron before backward" });

  const { C, w } = article();
  C.backward();
  const after = renderSvg(C, { parameters: [w], title: 'After C.backward(): dC/dw = 2.1' });
  const dark = renderSvg(C, {
    parameters: [w],
    theme: 'dark',
    edgeLabels: 'both',
    title: 'Local gradients (∂) and contributions (∇)',
  });

  // A hand derivation that forgot the factor 2 of the square: dC/dw = (a − y)·i = 1.05.
  const graph = toGraph(C, { parameters: [w] });
  graph.setNodeAttribute(valueKey(w.id), 'highlight', 'mismatch');
  graph.setNodeAttribute(valueKey(w.id), 'note', 'manual 1.05 ≠ autograd 2.1');
  const mismatch = renderSvg(graph, { title: 'Checking a hand derivation of dC/dw' });

  // A hand-written backward pass whose dC/da forgot the 2: compareGradients names it the first wrong step.
  const slip = compareGradients(C, { C: 1, a: (v) => v.a - v.y, w: (v) => (v.a - v.y) * v.i });
  const wrongStep = renderSvg(C, {
    parameters: [w],
    title: 'The first wrong step of a hand-written backward pass',
    mistake: {
      node: slip.firstWrong!.node,
      downstream: slip.downstream,
      note: 'first wrong step: manual 0.7 ≠ autograd 1.4',
    },
  });

  const small = mlpLoss([3, 4, 4, 1], 1, 1, false);
  small.loss.backward();
  const neuron = renderSvg(small.loss, {
    parameters: small.parameters,
    title: 'MLP 3-4-4-1 on one point, after backward',
  });

  const w2 = mlpLoss([2, 16, 16, 1], 100);
  w2.loss.backward();
  const grouped = renderSvg(w2.loss, {
    parameters: w2.parameters,
    title: "W2: micrograd's moons MLP over 100 points, grouped",
  });

  return [
    { name: 'article-before', svg: beforeSvg },
    { name: 'article-after', svg: after },
    { name: 'article-dark', svg: dark },
    { name: 'article-mismatch', svg: mismatch },
    { name: 'article-wrong-step', svg: wrongStep },
    { name: 'mlp-full', svg: neuron },
    { name: 'mlp-w2-grouped', svg: grouped },
  ];
}

/** The plots: the article's descent, and micrograd's moons demo (2-16-16-1, hinge + L2, 100 SGD steps). */
function plots(): Array<{ name: string; svg: string }> {
  const data = makeMoons(100, { noise: 0.1 });
  const model = new MLP(2, [16, 16, 1]);
  const optimizer = new SGD(model, { schedule: (k) => 1.0 - (0.9 * k) / 100 });
  const losses: number[] = [];
  const accuracies: number[] = [];
  for (let step = 0; step < 100; step++) {
    const scores = data.X.map((x) => model.forward(x)[0]);
    const loss = hinge(scores, data.y).add(l2Penalty(model.parameters(), 1e-4));
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    losses.push(loss.data);
    accuracies.push(accuracy(scores, data.y));
  }
  const score = (x1: number, x2: number): number => model.forward([x1, x2])[0].data;
  return [
    { name: 'descent', svg: plotDescent() },
    { name: 'descent-dark', svg: plotDescent({ showActivation: true, steps: 10, theme: 'dark' }) },
    {
      name: 'moons-loss',
      svg: plotLoss(
        { loss: losses, accuracy: accuracies },
        { title: 'Moons MLP 2-16-16-1: loss and accuracy per step' },
      ),
    },
    {
      name: 'moons-boundary',
      svg: plotDecisionBoundary(score, data, { title: 'Moons MLP 2-16-16-1 after 100 steps' }),
    },
  ];
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const jobs = [...pictures(), ...plots()].map(({ name, svg }) => {
    const file = path.join(OUT, `${name}.svg`);
    writeFileSync(file, svg);
    console.log(path.relative(process.cwd(), file));
    return { svg, png: path.join(OUT, `${name}.png`) };
  });
  if (await svgToPng(jobs)) for (const job of jobs) console.log(path.relative(process.cwd(), job.png));
  else console.log('chromium not found: PNGs skipped (apt-get install -y chromium)');
}

main().catch((error: unknown) => {
  console.error(`docs:pictures: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
