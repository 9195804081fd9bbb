/**
 * W3 of shared/bench/SPEC.md, the deep chain: x_{k+1} = x_k * 1.0001 + 0.0001 for k < N (2N ops),
 * backward to dL/dx_0 = 1.0001^N, N = 1e3 .. 1e6. Timing = building the chain + backward (leaf
 * creation excluded); the replayed variant times forward + backward of a tape traced beforehand.
 * Run alone: npx ts-node scripts/bench/w3.ts [reps] [maxN]
 */
import { trace, Value, type Tape } from '@chainrule/core';
import { firstFailure, formatRows, measureAll, near, type Row, type Variant, type Workload } from './harness';

const SIZES = [1e3, 1e4, 1e5, 1e6];
/** The spec's float64 values; other sizes are checked against 1.0001^N and the hand-written value. */
const EXPECTED: Record<number, { value: number; grad: number }> = {
  1e3: { value: 1.210330785206444, grad: 1.1051653926032188 },
  1e6: { value: 5.349421986224629e43, grad: 2.6747109931126675e43 },
};

/** The hand-written chain's value at N (what the engine must reproduce bit for bit). */
function reference(n: number): number {
  let x = 1.0;
  for (let k = 0; k < n; k++) x = x * 1.0001 + 0.0001;
  return x;
}

function checkResult(n: number, value: number, grad: number): string | null {
  const expected = EXPECTED[n] ?? { value: reference(n), grad: Math.pow(1.0001, n) };
  return firstFailure(
    near('L', value, expected.value),
    near('dL/dx0', grad, expected.grad, EXPECTED[n] ? 1e-12 : 1e-9),
  );
}

function variants(n: number): Array<Variant<unknown>> {
  const handwritten: Variant<{ value: number; grad: number }> = {
    name: 'hand-written',
    setup: () => ({ value: 0, grad: 0 }),
    run(r) {
      // Forward: every op's output in a Float64Array (slot 2k+1 = mul, 2k+2 = add), then backward
      // with each op's explicit local derivative (mul by 1.0001: 1.0001; add of 0.0001: 1).
      const values = new Float64Array(2 * n + 1);
      values[0] = 1.0;
      for (let k = 0; k < n; k++) {
        values[2 * k + 1] = values[2 * k] * 1.0001;
        values[2 * k + 2] = values[2 * k + 1] + 0.0001;
      }
      const grads = new Float64Array(2 * n + 1);
      grads[2 * n] = 1;
      for (let k = n - 1; k >= 0; k--) {
        grads[2 * k + 1] += grads[2 * k + 2] * 1;
        grads[2 * k] += grads[2 * k + 1] * 1.0001;
      }
      r.value = values[2 * n];
      r.grad = grads[0];
    },
    check: (r) => checkResult(n, r.value, r.grad),
  };

  const fresh: Variant<{ x0: Value; L: Value | null }> = {
    name: 'engine, fresh graph',
    setup: () => ({ x0: new Value(1.0, 'x0'), L: null }),
    run(r) {
      let x = r.x0;
      for (let k = 0; k < n; k++) x = x.mul(1.0001).add(0.0001);
      x.backward();
      r.L = x;
    },
    check: (r) => checkResult(n, r.L!.data, r.x0.grad),
  };

  // The graph is built and traced once; each run replays it (its leaf's gradient zeroed in setup).
  let traced: { x0: Value; tape: Tape } | null = null;
  const replay: Variant<{ x0: Value; tape: Tape; value: number }> = {
    name: 'engine, replayed tape',
    setup() {
      if (traced === null) {
        const x0 = new Value(1.0, 'x0');
        let x = x0;
        for (let k = 0; k < n; k++) x = x.mul(1.0001).add(0.0001);
        traced = { x0, tape: trace(x) };
      }
      traced.x0.grad = 0;
      return { ...traced, value: 0 };
    },
    run(r) {
      r.value = r.tape.forward();
      r.tape.backward();
    },
    check: (r) => checkResult(n, r.value, r.x0.grad),
  };

  return [handwritten, fresh, replay];
}

export const w3: Workload = {
  name: 'w3',
  run(reps) {
    const maxN = Number(process.env.W3_MAX_N ?? 1e6);
    const warm = variants(100);
    const warmup = (): void => warm.forEach((v) => v.run(v.setup()));
    const rows: Row[] = [];
    for (const n of SIZES.filter((s) => s <= maxN)) {
      for (const row of measureAll(`N=${n.toExponential().replace('+', '')}`, 2 * n, variants(n), reps, warmup))
        rows.push(row);
    }
    console.log(formatRows('W3 deep chain: build + backward (ns/node = time / 2N)', rows));
    return rows.every((r) => r.failures.length === 0);
  },
};

if (require.main === module) {
  if (process.argv[3]) process.env.W3_MAX_N = process.argv[3];
  w3.run(Number(process.argv[2] ?? 5));
}
