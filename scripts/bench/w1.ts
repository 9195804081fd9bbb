/**
 * W1 of shared/bench/SPEC.md, the seed perceptron: a = i*w, C = (a - y)^2, 100 SGD steps from
 * w = 0.8 with lr 0.1; w after steps 1, 2, 3 and 100 must be 0.59, 0.4745, 0.410975 and 1/3.
 * Variants: hand-written, engine building a fresh graph each step, engine replaying one tape.
 * Run alone: npx ts-node scripts/bench/w1.ts [reps]
 */
import { trace, Value, type Tape } from '@chainrule/core';
import { firstFailure, formatRows, measureAll, near, type Variant, type Workload } from './harness';

const I = 1.5;
const Y = 0.5;
const W0 = 0.8;
const LR = 0.1;
const STEPS = 100;
/** Op nodes per step (mul, sub, pow): ns/node = time / (100 × 3). */
const OPS_PER_STEP = 3;
/**
 * Trainings (of 100 steps, from w0) per timed run: one takes 1–2 µs by hand, too short to time on
 * its own (single-training medians moved the ratio between 4 and 8). Rows report one training.
 */
const TRAININGS = 100;
const EXPECTED = [0.59, 0.4745, 0.410975];
const EXPECTED_100 = 0.33333333333333337;

/** The w after each step of the run's last training (each training overwrites it). */
interface Run {
  seen: Float64Array;
}

function check(run: Run): string | null {
  const [s1, s2, s3] = run.seen;
  return firstFailure(
    near('w1', s1, EXPECTED[0]),
    near('w2', s2, EXPECTED[1]),
    near('w3', s3, EXPECTED[2]),
    near('w100', run.seen[STEPS - 1], EXPECTED_100),
  );
}

const handwritten: Variant<Run> = {
  name: 'hand-written',
  setup: () => ({ seen: new Float64Array(STEPS) }),
  run(r) {
    for (let t = 0; t < TRAININGS; t++) {
      let w = W0;
      for (let k = 0; k < STEPS; k++) {
        const a = I * w;
        const d = a - Y;
        const dw = 2 * d * I; // dC/da = 2(a - y), da/dw = i
        w -= LR * dw;
        r.seen[k] = w;
      }
    }
  },
  check,
};

const fresh: Variant<Run> = {
  name: 'engine, fresh graph',
  setup: () => ({ seen: new Float64Array(STEPS) }),
  run(r) {
    for (let t = 0; t < TRAININGS; t++) {
      const w = new Value(W0, 'w');
      for (let k = 0; k < STEPS; k++) {
        const C = w.mul(I).sub(Y).pow(2);
        w.grad = 0;
        C.backward();
        w.data -= LR * w.grad;
        r.seen[k] = w.data;
      }
    }
  },
  check,
};

/**
 * The graph is traced once, as a program replaying it would, and every run trains from w0 on that
 * tape. (Tracing a tape per run made the bench a program that traces hundreds of tapes of the same
 * shape: V8 then shares their generated code without specializing it to one tape, 2.6 times slower.)
 */
let traced: { w: Value; tape: Tape } | null = null;
const replay: Variant<Run & { w: Value; tape: Tape }> = {
  name: 'engine, replayed tape',
  setup() {
    if (traced === null) {
      const w = new Value(W0, 'w');
      traced = { w, tape: trace(w.mul(I).sub(Y).pow(2)) };
    }
    return { seen: new Float64Array(STEPS), ...traced };
  },
  run(r) {
    const { w, tape } = r;
    for (let t = 0; t < TRAININGS; t++) {
      w.data = W0;
      for (let k = 0; k < STEPS; k++) {
        tape.forward();
        w.grad = 0;
        tape.backward();
        w.data -= LR * w.grad;
        r.seen[k] = w.data;
      }
    }
  },
  check,
};

export const w1: Workload = {
  name: 'w1',
  run(reps) {
    // Per training: times, and memory as a run's heap growth spread over its trainings.
    const rows = measureAll('100 steps', STEPS * OPS_PER_STEP, [handwritten, fresh, replay], reps * 2).map((row) => ({
      ...row,
      ms: row.ms / TRAININGS,
      cpuMs: row.cpuMs / TRAININGS,
      peakBytes: row.peakBytes / TRAININGS,
    }));
    console.log(formatRows('W1 seed perceptron: 100 SGD steps (ns/node = time / 300 op nodes)', rows));
    return rows.every((r) => r.failures.length === 0);
  },
};

if (require.main === module) w1.run(Number(process.argv[2] ?? 5));
