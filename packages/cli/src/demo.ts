/**
 * The article's walkthrough, computed by the engine: the one-weight perceptron a = i·w,
 * C = (a − y)², its graph in words, the chain rule dC/dw = dC/da · da/dw with numbers, the
 * gradient-descent steps converging to w = y/i = 1/3, a manual-vs-autograd-vs-numeric check, and
 * the pictures of all this (graph, descent, a hand-derivation slip highlighted, a step-through page).
 */
import path from 'path';
import {
  backwardSteps,
  compareDerivatives,
  describeGraph,
  formatComparison,
  gradientDescent,
  Value,
} from '@chainrule/core';
import type { DescentStep } from '@chainrule/core';
import { tidy } from './format';
import type { Io } from './main';
import { inFolder, writeFiles } from './write-atomic';
import type { OutputFile } from './write-atomic';

/** The article's numbers. */
export const ARTICLE = { i: 1.5, y: 0.5, w: 0.8, lr: 0.1 } as const;

/** The article's graph at weight `w`: leaves i, w, y; nodes a = i·w and C = (a − y)². */
export function articleGraph(w: number = ARTICLE.w): { i: Value; w: Value; y: Value; a: Value; C: Value } {
  const i = new Value(ARTICLE.i, 'i');
  const weight = new Value(w, 'w');
  const y = new Value(ARTICLE.y, 'y');
  const a = i.mul(weight);
  a.label = 'a';
  const C = a.sub(y).pow(2);
  C.label = 'C';
  return { i, w: weight, y, a, C };
}

/** `steps` gradient-descent updates of w from the article's start, each gradient by backward(). */
export function articleDescent(steps: number): DescentStep[] {
  return gradientDescent((w) => new Value(ARTICLE.i, 'i').mul(w).sub(ARTICLE.y).pow(2), ARTICLE.w, {
    learningRate: ARTICLE.lr,
    steps,
  });
}

/** The local gradient backward used on the edge from `input` into `node`. */
function localGradient(C: Value, node: Value, input: Value): number {
  const step = backwardSteps(C).steps.find((s) => s.node === node)!;
  return step.edges.find((e) => e.input === input)!.local;
}

/** Prints the walkthrough, a line at a time, to `print`. */
export function printWalkthrough(print: (line: string) => void): void {
  const { i, w, y, a, C } = articleGraph();
  print('chainrule — backpropagation on the article’s one-weight perceptron');
  print('');
  print('The graph (forward pass):');
  for (const line of describeGraph(C).split('\n')) print(`  ${line}`);
  print(`  with i = ${tidy(i.data)}, w = ${tidy(w.data)}, y = ${tidy(y.data)}:`);
  print(`  a = i·w = ${tidy(i.data)} × ${tidy(w.data)} = ${tidy(a.data)}`);
  print(`  C = (a − y)² = (${tidy(a.data)} − ${tidy(y.data)})² = ${tidy(C.data)}`);
  print('');

  C.backward();
  const dCda = localGradient(C, C.inputs[0], a) * localGradient(C, C, C.inputs[0]);
  const dadw = localGradient(C, a, w);
  print('The chain rule (backward pass):');
  print(`  dC/da = 2(a − y)        = 2 × (${tidy(a.data)} − ${tidy(y.data)}) = ${tidy(dCda)}`);
  print(`  da/dw = i               = ${tidy(dadw)}`);
  print(`  dC/dw = dC/da · da/dw   = ${tidy(dCda)} × ${tidy(dadw)} = ${tidy(dCda * dadw)}`);
  print(`  autograd: w.grad        = ${tidy(w.grad)}`);
  print('');

  const lr = ARTICLE.lr;
  const descent = articleDescent(100);
  print(`Gradient descent, w ← w − ${lr} · dC/dw:`);
  print(`  step 1: w = ${tidy(w.data)} − ${lr} × ${tidy(w.grad)} = ${tidy(descent[1].w)}`);
  print('  step        w              C          dC/dw');
  for (const s of descent.filter((d) => [0, 1, 2, 3, 5, 10, 20, 50, 100].includes(d.step))) {
    print(
      `  ${String(s.step).padStart(4)}  ${s.w.toFixed(12).padStart(15)}  ${s.cost.toExponential(3).padStart(10)}  ${s.gradient.toExponential(3).padStart(10)}`,
    );
  }
  print(`  the minimum is at w = y/i = 1/3 = ${1 / 3}; after 100 steps w = ${descent[100].w}`);
  print('');

  print('Hand-derived derivatives against autograd and central differences:');
  const comparison = compareDerivatives(
    (iv, wv, yv) => iv.mul(wv).sub(yv).pow(2),
    [ARTICLE.i, ARTICLE.w, ARTICLE.y],
    [
      (iv, wv, yv) => 2 * (iv * wv - yv) * wv,
      (iv, wv, yv) => 2 * (iv * wv - yv) * iv,
      (iv, wv, yv) => -2 * (iv * wv - yv),
    ],
    { names: ['i', 'w', 'y'] },
  );
  for (const line of formatComparison(comparison).split('\n')) print(`  ${line}`);
}

/** The slip the check picture shows: dC/dw with the factor 2 of the square forgotten. */
export function slipDerivative(i: number, w: number, y: number): number {
  return (i * w - y) * i;
}

/**
 * Writes the article's pictures into `dir` and returns their paths: the graph after backward with
 * local gradients on the edges, the descent plot, the graph with a hand-derivation slip
 * highlighted, and the step-through page.
 */
export function writePictures(dir: string): string[] {
  // The drawing code (d3, graphology) loads only here, so printing the walkthrough stays light.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const outputs: OutputFile[] = [];
  const write = (name: string, content: string): void => {
    outputs.push({ file: path.join(dir, name), content });
  };

  const { w, C } = articleGraph();
  C.backward();
  write(
    'seed-graph.svg',
    viz.renderSvg(viz.toGraph(C, { parameters: [w] }), { title: 'C = (i·w − y)² after backward' }),
  );
  write('seed-descent.svg', viz.plotDescent({ showActivation: true }));

  const slip = slipDerivative(ARTICLE.i, ARTICLE.w, ARTICLE.y);
  const checked = viz.toGraph(C, { parameters: [w] });
  checked.mergeNodeAttributes(viz.valueKey(w.id), {
    highlight: 'mismatch',
    note: `manual ${tidy(slip)} ≠ autograd ${tidy(w.grad)}: factor 2 missing`,
  });
  write(
    'seed-check.svg',
    viz.renderSvg(checked, {
      title: `A slip caught: manual dC/dw = (a − y)·i = ${tidy(slip)}, autograd ${tidy(w.grad)} = 2(a − y)·i`,
    }),
  );

  const fresh = articleGraph();
  write(
    'seed.html',
    viz.renderHtml(fresh.C, {
      title: 'The article’s perceptron: one backward pass and one update',
      parameters: [fresh.w],
      captions: stepCaptions(),
    }),
  );
  writeFiles(outputs);
  return outputs.map((output) => output.file);
}

/** The step-through page's captions, one per step, with the numbers the engine computed. */
function stepCaptions(): string[] {
  const { w, y, a, C } = articleGraph();
  const diff = C.inputs[0];
  C.backward();
  const dCdiff = localGradient(C, C, diff);
  const ddiffda = localGradient(C, diff, a);
  const dadw = localGradient(C, a, w);
  const next = w.data - ARTICLE.lr * w.grad;
  return [
    `Forward pass done: a = i·w = ${tidy(a.data)}, C = (a − y)² = ${tidy(C.data)}. Press → to run backward.`,
    `dC/d(a − y) = 2(a − y) = 2 × ${tidy(diff.data)} = ${tidy(dCdiff)}: the first chain-rule factor.`,
    `d(a − y)/da = ${tidy(ddiffda)}, so dC/da = ${tidy(a.grad)} (and dC/dy = ${tidy(y.grad).replace('-', '−')}).`,
    `da/dw = i = ${tidy(dadw)}, the second factor: dC/dw = ${tidy(a.grad)} × ${tidy(dadw)} = ${tidy(w.grad)}. ` +
      `Then the update: w ← w − η·dC/dw = ${tidy(w.data)} − ${ARTICLE.lr} × ${tidy(w.grad)} = ${tidy(next)}.`,
  ];
}

export interface DemoOptions {
  /** Where to write the pictures; default 'out'. */
  out?: string;
}

/** `chainrule demo` and `npm start`: prints the walkthrough and writes its pictures; returns the exit code. */
export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  const dir = options.out ?? 'out';
  // The folder is made before anything is printed, and removed again if the pictures fail.
  const files = await inFolder(dir, async () => {
    printWalkthrough(io.out);
    return writePictures(dir);
  });
  io.out('');
  io.out('Pictures:');
  const describeFile: Record<string, string> = {
    'seed-graph.svg': 'the graph after backward, local gradients on the edges',
    'seed-descent.svg': 'the cost curve with the descent steps',
    'seed-check.svg': 'a hand-derivation slip (the factor 2 forgotten) caught and highlighted',
    'seed.html': 'step through backward in your browser: open it, press → or space',
  };
  for (const file of files) io.out(`  ${file.padEnd(22)} ${describeFile[path.basename(file)]}`);
  return 0;
}
