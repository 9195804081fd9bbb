/**
 * W2 of shared/bench/SPEC.md: one training step of micrograd's moons MLP (forward incl. graph
 * building, zero grad, backward, SGD update), built from @chainrule/nn, beside the hand-written
 * plain-JS step in the same run, and the same graph replayed by core's trace(). Every timed run is
 * checked against the spec's numbers. Run alone: npx ts-node scripts/bench/w2.ts [reps]
 */
import { spawnSync } from 'child_process';
import { trace, Value } from '@chainrule/core';
import { accuracy, hinge, l2Penalty, MLP, SGD, specMoons } from '@chainrule/nn';
import type { Dataset } from '@chainrule/nn';
import { firstFailure, formatRows, measure, median, near, type Row, type Variant, type Workload } from './harness';
import { HandwrittenW2 } from './w2-handwritten';

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
const DATA: Dataset = specMoons(100, 42);

/** A model being trained: `step(k)` runs step k and returns its loss and (lazily) its forward's accuracy. */
interface Trainer {
  step(k: number): { loss: number; accuracy: () => number };
  parameterSum(): number;
}

/** One timed run: 20 steps from a fresh init, each step timed on its own. */
interface Run {
  trainer: Trainer;
  stepMs: number[];
  losses: number[];
  accuracy19: () => number;
}

/** Per variant, the step times of every checked (timed) run; the harness's warm-up run is never checked. */
const stepTimes = new Map<string, number[]>();

function variant(name: string, start: () => Trainer): Variant<Run> {
  stepTimes.set(name, []);
  return {
    name,
    setup: () => ({ trainer: start(), stepMs: [], losses: [], accuracy19: () => NaN }),
    run(r) {
      for (let k = 0; k < STEPS; k++) {
        const t0 = performance.now();
        const result = r.trainer.step(k);
        r.stepMs.push(performance.now() - t0);
        r.losses.push(result.loss);
        if (k === STEPS - 1) r.accuracy19 = result.accuracy;
      }
    },
    check(r) {
      for (const ms of r.stepMs) stepTimes.get(name)!.push(ms);
      const acc = r.accuracy19();
      return firstFailure(
        near('loss at step 0', r.losses[0], EXPECTED.loss0, 1e-9),
        near('loss at step 19', r.losses[19], EXPECTED.loss19, 1e-9),
        acc === EXPECTED.accuracy19 ? null : `accuracy at step 19 = ${acc}, expected 0.92`,
        near('parameter sum after 20 updates', r.trainer.parameterSum(), EXPECTED.parameterSum, 1e-9),
      );
    },
  };
}

/** The engine building a fresh graph every step; `forward` gives a point's score. */
function engine(forward: (model: MLP, x: number[]) => Value): () => Trainer {
  return () => {
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const params = model.parameters();
    const opt = new SGD(params, { schedule: learningRate });
    return {
      step() {
        const scores = DATA.X.map((x) => forward(model, x));
        const total = hinge(scores, DATA.y).add(l2Penalty(params, 1e-4));
        opt.zeroGrad();
        total.backward();
        opt.step();
        return { loss: total.data, accuracy: () => accuracy(scores, DATA.y) };
      },
      parameterSum: () => params.reduce((s, p) => s + p.data, 0),
    };
  };
}

const handwritten = variant('hand-written (Float64Array)', () => {
  const initial = new MLP(2, [16, 16, 1], { seed: 1337 }).parameters().map((p) => p.data);
  const trainer = new HandwrittenW2(DATA.X, DATA.y, initial);
  return {
    step(k) {
      const { loss, accuracy: acc } = trainer.step(learningRate(k));
      return { loss, accuracy: () => acc };
    },
    parameterSum: () => trainer.params.reduce((s, p) => s + p, 0),
  };
});

/** The library's MLP: each neuron's weighted sum is one dot node (an edge per weight, input and bias). */
const fresh = variant(
  'engine, fresh graph (nn MLP)',
  engine((model, x) => model.forward(x)[0]),
);

/** The same math with micrograd's graph shape: a chain of binary adds per neuron (act = act + w*x). */
const binaryAdds = variant(
  'engine, fresh graph (binary adds)',
  engine((model, x) => {
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
  }),
);

/**
 * The library's graph built once (untimed, with the trace) and replayed: each step recomputes the
 * values from the parameters' current data and the gradients into them.
 */
const replayed = variant('engine, replayed tape (trace)', () => {
  const model = new MLP(2, [16, 16, 1], { seed: 1337 });
  const params = model.parameters();
  const opt = new SGD(params, { schedule: learningRate });
  const scores = DATA.X.map((x) => model.forward(x)[0]);
  const tape = trace(hinge(scores, DATA.y).add(l2Penalty(params, 1e-4)));
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
          return accuracy(scores, DATA.y);
        },
      };
    },
    parameterSum: () => params.reduce((s, p) => s + p.data, 0),
  };
});

/** W2 rows: `ms` is the median step over every timed step, `cpuMs` the mean CPU per step; ratio against the hand-written step. */
export function measureW2(
  reps: number,
  variants = [handwritten, fresh, binaryAdds, replayed],
): { rows: Row[]; runMs: Map<string, number>; fastestMs: Map<string, number> } {
  const runMs = new Map<string, number>();
  const fastestMs = new Map<string, number>();
  const rows = variants.map((v) => {
    stepTimes.set(v.name, []);
    const m = measure(v, reps);
    runMs.set(v.name, m.ms);
    fastestMs.set(
      v.name,
      stepTimes.get(v.name)!.reduce((a, b) => Math.min(a, b)),
    );
    // Per step: the median wall time over all timed steps, the run's CPU time spread over its steps.
    return {
      ...m,
      ms: median(stepTimes.get(v.name)!),
      cpuMs: m.cpuMs / STEPS,
      size: '1 step',
      nodes: W2_NODES,
      ratio: 1,
    };
  });
  rows.forEach((r) => (r.ratio = r.ms / rows[0].ms));
  return { rows, runMs, fastestMs };
}

export const w2: Workload = {
  name: 'w2',
  run(reps) {
    const { rows, runMs, fastestMs } = measureW2(reps);
    console.log(
      formatRows('W2 micrograd moons MLP, one training step (ns/node = step / 65,481 micrograd nodes)', rows),
    );
    // The fastest step shows what a busy machine hides in the medians.
    const hand = fastestMs.get(rows[0].name)!;
    for (const r of rows) {
      const fastest = fastestMs.get(r.name)!;
      const run = runMs.get(r.name)!;
      console.log(
        `  ${r.name}: 20-step run ${run.toFixed(1)} ms, fastest step ${fastest.toFixed(3)} ms (${(fastest / hand).toFixed(1)}x hand)`,
      );
    }
    return rows.every((r) => r.failures.length === 0) && largerYoungGeneration(reps);
  },
};

/**
 * A fresh graph per step is mostly garbage-collector work: each step's graph outlives a
 * scavenge or two of V8's default young generation. This extra row reruns the hand-written and
 * fresh-graph variants in a child node started with YOUNG_GENERATION_FLAG (documented for users in
 * packages/core/README.md, "Speed"); returns false if the child's checks failed.
 */
const YOUNG_GENERATION_FLAG = '--max-semi-space-size=64';
const CHILD_ENV = 'CHAINRULE_BENCH_W2_CHILD';

function largerYoungGeneration(reps: number): boolean {
  const child = spawnSync(
    process.execPath,
    [YOUNG_GENERATION_FLAG, '-r', 'ts-node/register', '-r', 'tsconfig-paths/register', __filename, String(reps)],
    { env: { ...process.env, [CHILD_ENV]: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  process.stdout.write(child.stdout);
  return child.status === 0;
}

function printChildRows(reps: number): boolean {
  const { rows, fastestMs } = measureW2(reps, [handwritten, fresh]);
  const hand = rows[0];
  for (const r of rows.slice(1)) {
    const fastest = fastestMs.get(r.name)! / fastestMs.get(hand.name)!;
    console.log(
      `  with node ${YOUNG_GENERATION_FLAG}: ${r.name} ${r.ms.toFixed(2)} ms median (${r.ratio.toFixed(1)}x hand ${hand.ms.toFixed(3)} ms in that run), ` +
        `cpu ${r.cpuMs.toFixed(2)} ms, fastest step ${fastest.toFixed(1)}x hand ${r.failures.length === 0 ? '✓' : '✗ ' + r.failures.join('; ')}`,
    );
  }
  return rows.every((r) => r.failures.length === 0);
}

if (require.main === module) {
  const reps = Number(process.argv[2] ?? 5);
  if (process.env[CHILD_ENV] === '1') process.exitCode = printChildRows(reps) ? 0 : 1;
  else w2.run(reps);
}
