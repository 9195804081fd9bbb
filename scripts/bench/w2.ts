/**
 * W2 of shared/bench/SPEC.md: one training step of micrograd's moons MLP (forward incl. graph
 * building, zero grad, backward, SGD update), built from @chainrule/nn, beside the hand-written
 * plain-JS step measured in the same run. Every run is checked against the spec's numbers.
 * Run alone: npx ts-node scripts/bench/w2.ts [reps]
 */
import { trace, Value } from '@chainrule/core';
import { accuracy, hinge, l2Penalty, MLP, SGD, specMoons } from '@chainrule/nn';
import type { Dataset } from '@chainrule/nn';
import { handwrittenW2 } from './w2-handwritten';

/** micrograd's Value count per W2 step: ns/node is always step time / this. */
export const W2_NODES = 65481;
const STEPS = 20;
const EXPECTED = {
  loss0: 1.356349634743974,
  loss19: 0.261798767230521,
  accuracy19: 0.92,
  parameterSum: -5.42426845641467,
};
const learningRate = (k: number): number => 1.0 - (0.9 * k) / 100;

/** What a step reports: its loss, and the accuracy of its forward (computed after the timing). */
interface StepResult {
  loss: number;
  accuracy(): number;
}

/** One way of running W2: `start()` makes a fresh model (seed 1337) and returns its step function. */
interface Variant {
  name: string;
  start(data: Dataset): { step(k: number): StepResult; parameterSum(): number };
}

function engineVariant(name: string, forward: (model: MLP, x: number[]) => Value): Variant {
  return {
    name,
    start({ X, y }) {
      const model = new MLP(2, [16, 16, 1], { seed: 1337 });
      const params = model.parameters();
      const opt = new SGD(params, { schedule: learningRate });
      return {
        step() {
          const scores = X.map((x) => forward(model, x));
          const total = hinge(scores, y).add(l2Penalty(params, 1e-4));
          opt.zeroGrad();
          total.backward();
          opt.step();
          return { loss: total.data, accuracy: () => accuracy(scores, y) };
        },
        parameterSum: () => params.reduce((s, p) => s + p.data, 0),
      };
    },
  };
}

/** The library's MLP: each neuron is mul nodes meeting in one n-ary sum node. */
const freshGraph = engineVariant('engine, fresh graph (nn MLP)', (model, x) => model.forward(x)[0]);

/** The same math with micrograd's graph shape: a chain of binary adds per neuron (act = act + w*x). */
const micrograd = engineVariant('engine, fresh graph (binary adds)', (model, x) => {
  let input: Value[] = x.map((xi) => new Value(xi));
  model.layers.forEach((layer, l) => {
    const last = l === model.layers.length - 1;
    input = layer.neurons.map((n) => {
      let act: Value = n.b!;
      for (let j = 0; j < n.w.length; j++) act = act.add(n.w[j].mul(input[j]));
      return last ? act : act.relu();
    });
  });
  return input[0];
});

/**
 * The library's graph built once and replayed with core's `trace`: each step recomputes values from
 * the parameters' current data (`tape.forward()`) and gradients into them (`tape.backward()`).
 */
const replayed: Variant = {
  name: 'engine, replayed graph (trace)',
  start({ X, y }) {
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const params = model.parameters();
    const opt = new SGD(params, { schedule: learningRate });
    const scores = X.map((x) => model.forward(x)[0]);
    const tape = trace(hinge(scores, y).add(l2Penalty(params, 1e-4)));
    return {
      step() {
        const loss = tape.forward();
        opt.zeroGrad();
        tape.backward();
        opt.step();
        // The tape keeps this forward's values until the next forward: sync them into the scores.
        return {
          loss,
          accuracy: () => {
            tape.sync();
            return accuracy(scores, y);
          },
        };
      },
      parameterSum: () => params.reduce((s, p) => s + p.data, 0),
    };
  },
};

const handwritten: Variant = {
  name: 'hand-written (Float64Array)',
  start({ X, y }) {
    const initial = new MLP(2, [16, 16, 1], { seed: 1337 }).parameters().map((p) => p.data);
    const trainer = handwrittenW2(X, y, initial);
    return {
      step: (k) => {
        const { loss, accuracy } = trainer.step(learningRate(k));
        return { loss, accuracy: () => accuracy };
      },
      parameterSum: () => trainer.params.reduce((s, p) => s + p, 0),
    };
  },
};

export interface W2Row {
  name: string;
  /** Median time of one step over every timed step, ms. */
  stepMs: number;
  /** Median over runs of the 20-step total, ms. */
  runMs: number;
  /** stepMs / the hand-written stepMs. */
  ratio: number;
  /** stepMs / 65,481 micrograd node equivalents, ns. */
  nsPerNode: number;
  /** Spec checks of every run passed (loss at 0 and 19, accuracy 0.92, parameter sum). */
  ok: boolean;
  /** What failed, if anything. */
  failures: string[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measure(variant: Variant, data: Dataset, reps: number): Omit<W2Row, 'ratio'> {
  const warm = variant.start(data);
  for (let k = 0; k < 3; k++) warm.step(k);
  const stepTimes: number[] = [];
  const runTimes: number[] = [];
  const failures: string[] = [];
  const near = (what: string, got: number, want: number): void => {
    if (!(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))))
      failures.push(`${what} = ${got}, expected ${want}`);
  };
  for (let rep = 0; rep < reps; rep++) {
    const run = variant.start(data);
    let total = 0;
    for (let k = 0; k < STEPS; k++) {
      const t0 = performance.now();
      const result = run.step(k);
      const loss = result.loss;
      const dt = performance.now() - t0;
      stepTimes.push(dt);
      total += dt;
      if (k === 0) near('loss at step 0', loss, EXPECTED.loss0);
      if (k === 19) {
        near('loss at step 19', loss, EXPECTED.loss19);
        const acc = result.accuracy();
        if (acc !== EXPECTED.accuracy19) failures.push(`accuracy at step 19 = ${acc}, expected 0.92`);
      }
    }
    runTimes.push(total);
    near('parameter sum after 20 updates', run.parameterSum(), EXPECTED.parameterSum);
  }
  const stepMs = median(stepTimes);
  return {
    name: variant.name,
    stepMs,
    runMs: median(runTimes),
    nsPerNode: (stepMs * 1e6) / W2_NODES,
    ok: failures.length === 0,
    failures: [...new Set(failures)],
  };
}

/** Runs W2 for every variant, `reps` runs of 20 timed steps each; the first row is the hand-written one. */
export function runW2(reps = 5): W2Row[] {
  const data = specMoons(100, 42);
  const variants = [handwritten, freshGraph, micrograd, replayed];
  const rows = variants.map((v) => measure(v, data, reps));
  const base = rows[0].stepMs;
  return rows.map((r) => ({ ...r, ratio: r.stepMs / base }));
}

/** The rows as a text table. */
export function formatW2(rows: readonly W2Row[]): string {
  const lines = [
    'W2 micrograd moons MLP step (100 points, 337 parameters; ns/node = step / 65,481)',
    `${'variant'.padEnd(36)}${'step ms'.padStart(9)}${'20 steps ms'.padStart(13)}${'x hand'.padStart(9)}${'ns/node'.padStart(9)}  spec`,
  ];
  for (const r of rows) {
    lines.push(
      `${r.name.padEnd(36)}${r.stepMs.toFixed(3).padStart(9)}${r.runMs.toFixed(2).padStart(13)}${r.ratio.toFixed(1).padStart(9)}` +
        `${r.nsPerNode.toFixed(1).padStart(9)}  ${r.ok ? 'ok' : 'FAILED: ' + r.failures.join('; ')}`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  const reps = Number(process.argv[2] ?? 5);
  const rows = runW2(reps);
  console.log(formatW2(rows));
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}
