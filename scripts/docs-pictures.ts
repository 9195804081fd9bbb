/**
 * `npm run docs:pictures`: regenerates the pictures under docs/viz/ that the @chainrule/viz README
 * shows: the article's perceptron before and after backward (light and dark), a manual-vs-autograd
 * mismatch highlighted, a small MLP drawn in full and W2's MLP graph drawn grouped. Writes SVG
 * always and PNG when chromium is installed (`apt-get install -y chromium`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Value } from '@chainrule/core';
import { renderSvg, toGraph, valueKey } from '@chainrule/viz';
import { mlpLoss } from '../packages/viz/src/test-support/mlp-graph';
import { svgToPng } from './svg-to-png';

const OUT = path.resolve(__dirname, '../docs/viz');

/** The article's perceptron: a = i*w, C = (a - y)^2 with i = 1.5, y = 0.5, w = 0.8. */
function article(): { C: Value; w: Value } {
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const y = new Value(0.5, 'y');
  const a = i.mul(w);
  a.label = 'a';
  const C = a.sub(y).pow(2);
  C.label = 'C';
  return { C, w };
}

function pictures(): Array<{ name: string; svg: string }> {
  const before = article();
  const beforeSvg = renderSvg(before.C, { parameters: [before.w], title: "The article's perceptron before backward" });

  const { C, w } = article();
  C.backward();
  const after = renderSvg(C, { parameters: [w], title: 'After C.backward(): dC/dw = 2.1' });
  const dark = renderSvg(C, { parameters: [w], theme: 'dark', edgeLabels: 'both', title: 'Local gradients (∂) and contributions (∇)' });

  // A hand derivation that forgot the factor 2 of the square: dC/dw = (a − y)·i = 1.05.
  const graph = toGraph(C, { parameters: [w] });
  graph.setNodeAttribute(valueKey(w.id), 'highlight', 'mismatch');
  graph.setNodeAttribute(valueKey(w.id), 'note', 'manual 1.05 ≠ autograd 2.1');
  const mismatch = renderSvg(graph, { title: 'Checking a hand derivation of dC/dw' });

  const small = mlpLoss([3, 4, 4, 1], 1, 1, false);
  small.loss.backward();
  const neuron = renderSvg(small.loss, { parameters: small.parameters, title: 'MLP 3-4-4-1 on one point, after backward' });

  const w2 = mlpLoss([2, 16, 16, 1], 100);
  w2.loss.backward();
  const grouped = renderSvg(w2.loss, { parameters: w2.parameters, title: "W2: micrograd's moons MLP over 100 points, grouped" });

  return [
    { name: 'article-before', svg: beforeSvg },
    { name: 'article-after', svg: after },
    { name: 'article-dark', svg: dark },
    { name: 'article-mismatch', svg: mismatch },
    { name: 'mlp-full', svg: neuron },
    { name: 'mlp-w2-grouped', svg: grouped },
  ];
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const jobs = pictures().map(({ name, svg }) => {
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
