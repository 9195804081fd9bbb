/**
 * The article's walkthrough, computed by the engine: the one-weight perceptron a = i·w,
 * C = (a − y)², its graph in words, the chain rule dC/dw = dC/da · da/dw with numbers, the
 * gradient-descent steps converging to w = y/i = 1/3, a manual-vs-autograd-vs-numeric check, and
 * the pictures of all this (graph, descent, a hand-derivation slip highlighted, a step-through page).
 */
import path from 'path';
import { backwardSteps, compareDerivatives, describeGraph, formatComparison, Value } from '@chainrule/core';
import { inFolder, writeFiles } from './write-atomic';
import type { OutputFile } from './write-atomic';

/** The article's numbers. */
export const ARTICLE = { i: 1.5, y: 0.5, w: 0.8, lr: 0.1 } as const;

/** Rounds away float noise for printing: 0.49000000000000027 -> 0.49. */
export function tidy(x: number): string {
  return String(Number(x.toPrecision(12)));
}

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

export interface DescentStep {
  step: number;
  w: number;
  cost: number;
  grad: number;
}

/** `steps` gradient-descent updates of w from the article's start, each on a fresh graph. */
export function descend(steps: number, lr: number = ARTICLE.lr, w0: number = ARTICLE.w): DescentStep[] {
  const out: DescentStep[] = [];
  let w = w0;
  for (let step = 0; step <= steps; step++) {
    const g = articleGraph(w);
    g.C.backward();
    out.push({ step, w, cost: g.C.data, grad: g.w.grad });
    w = w - lr * g.w.grad;
  }
  return out;
}

/** Prints the walkthrough to `print` (stdout by default). */
export function printWalkthrough(print: (line: string) => void = (line) => console.log(line)): void {
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
  const steps = backwardSteps(C).steps;
  const local = (node: Value, input: Value): number => {
    const step = steps.find((s) => s.node === node)!;
    return step.edges.find((e) => e.input === input)!.local;
  };
  const dCda = local(C.inputs[0], a) * local(C, C.inputs[0]);
  const dadw = local(a, w);
  print('The chain rule (backward pass):');
  print(`  dC/da = 2(a − y)        = 2 × (${tidy(a.data)} − ${tidy(y.data)}) = ${tidy(dCda)}`);
  print(`  da/dw = i               = ${tidy(dadw)}`);
  print(`  dC/dw = dC/da · da/dw   = ${tidy(dCda)} × ${tidy(dadw)} = ${tidy(dCda * dadw)}`);
  print(`  autograd: w.grad        = ${tidy(w.grad)}`);
  print('');

  const lr = ARTICLE.lr;
  const descent = descend(100);
  print(`Gradient descent, w ← w − ${lr} · dC/dw:`);
  print(`  step 1: w = ${tidy(w.data)} − ${lr} × ${tidy(w.grad)} = ${tidy(descent[1].w)}`);
  print('  step        w              C          dC/dw');
  for (const s of descent.filter((d) => [0, 1, 2, 3, 5, 10, 20, 50, 100].includes(d.step))) {
    print(
      `  ${String(s.step).padStart(4)}  ${s.w.toFixed(12).padStart(15)}  ${s.cost.toExponential(3).padStart(10)}  ${s.grad.toExponential(3).padStart(10)}`,
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
  const update = `update: w ← w − η·dC/dw = ${tidy(ARTICLE.w)} − ${ARTICLE.lr} × ${tidy(w.grad)} = ${tidy(ARTICLE.w - ARTICLE.lr * w.grad)}`;
  write(
    'seed.html',
    viz.renderHtml(fresh.C, {
      title: 'The article’s perceptron: one backward pass and one update',
      parameters: [fresh.w],
      captions: [
        'Forward pass done: a = i·w = 1.2, C = (a − y)² = 0.49. Press → to run backward.',
        'dC/d(a − y) = 2(a − y) = 2 × 0.7 = 1.4: the first chain-rule factor.',
        'd(a − y)/da = 1, so dC/da = 1.4 (and dC/dy = −1.4).',
        `da/dw = i = 1.5, the second factor: dC/dw = 1.4 × 1.5 = 2.1. Then the ${update}.`,
      ],
    }),
  );
  writeFiles(outputs);
  return outputs.map((output) => output.file);
}

export interface DemoOptions {
  /** Where to write the pictures; default 'out'. */
  out?: string;
}

/** `chainrule demo` and `npm start`: prints the walkthrough and writes its pictures; returns the exit code. */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const dir = options.out ?? 'out';
  // The folder is made before anything is printed, and removed again if the pictures fail.
  const files = await inFolder(dir, async () => {
    printWalkthrough();
    return writePictures(dir);
  });
  console.log('');
  console.log('Pictures:');
  const describeFile: Record<string, string> = {
    'seed-graph.svg': 'the graph after backward, local gradients on the edges',
    'seed-descent.svg': 'the cost curve with the descent steps',
    'seed-check.svg': 'a hand-derivation slip (the factor 2 forgotten) caught and highlighted',
    'seed.html': 'step through backward in your browser: open it, press → or space',
  };
  for (const file of files) console.log(`  ${file.padEnd(22)} ${describeFile[path.basename(file)]}`);
  return 0;
}
