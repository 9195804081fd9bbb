/**
 * W4 of shared/bench/SPEC.md, the wide sum: L = sum_i x_i * w_i over N = 1e6 products with data
 * drawn from the spec's LCG (seed 7), as a left fold of binary adds (a chain of depth N) and as one
 * n-ary sum node; backward gives all 2N leaf gradients. Leaf creation is excluded from the timing.
 * Run alone: npx ts-node scripts/bench/w4.ts [reps]
 */
import { sum, trace, Value, type Tape } from '@chainrule/core';
import { rng } from '@chainrule/nn';
import { firstFailure, formatRows, measureAll, near, type Variant, type Workload } from './harness';

const N = 1e6;
const EXPECTED = { L: 294.6887798013156, sumGradW: -183.98197981715202, sumGradX: -183.00945603847504 };

function data(n: number): { xs: Float64Array; ws: Float64Array } {
  const random = rng(7);
  const xs = new Float64Array(n);
  const ws = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = random.uniform(-1, 1);
    ws[i] = random.uniform(-1, 1);
  }
  return { xs, ws };
}

/** Sums are accumulated in index order; a different order of the fold could move the last digits. */
function check(L: number, gradW: (i: number) => number, gradX: (i: number) => number, n: number): string | null {
  let sumW = 0;
  let sumX = 0;
  for (let i = 0; i < n; i++) {
    sumW += gradW(i);
    sumX += gradX(i);
  }
  return firstFailure(
    near('L', L, EXPECTED.L),
    near('sum dL/dw', sumW, EXPECTED.sumGradW),
    near('sum dL/dx', sumX, EXPECTED.sumGradX),
  );
}

type Shape = 'chain' | 'nary';

function variants(shape: Shape): Array<Variant<unknown>> {
  const { xs, ws } = data(N);
  const handwritten: Variant<{ L: number; gx: Float64Array; gw: Float64Array }> = {
    name: `hand-written (${shape})`,
    setup: () => ({ L: 0, gx: new Float64Array(0), gw: new Float64Array(0) }),
    run(r) {
      // Forward: the products, then the fold; backward: dL/dp_i = 1, so dL/dx_i = w_i, dL/dw_i = x_i.
      const products = new Float64Array(N);
      for (let i = 0; i < N; i++) products[i] = xs[i] * ws[i];
      let L = products[0];
      for (let i = 1; i < N; i++) L += products[i];
      const gx = new Float64Array(N);
      const gw = new Float64Array(N);
      for (let i = 0; i < N; i++) {
        const gp = 1; // each add (or the sum node) passes its gradient through with local derivative 1
        gx[i] += gp * ws[i];
        gw[i] += gp * xs[i];
      }
      r.L = L;
      r.gx = gx;
      r.gw = gw;
    },
    check: (r) =>
      check(
        r.L,
        (i) => r.gw[i],
        (i) => r.gx[i],
        N,
      ),
  };

  const leaves = (): { x: Value[]; w: Value[] } => ({
    x: Array.from(xs, (v) => new Value(v)),
    w: Array.from(ws, (v) => new Value(v)),
  });
  const build = ({ x, w }: { x: Value[]; w: Value[] }): Value => {
    if (shape === 'nary') return sum(x.map((xi, i) => xi.mul(w[i])));
    let L = x[0].mul(w[0]);
    for (let i = 1; i < N; i++) L = L.add(x[i].mul(w[i]));
    return L;
  };

  const fresh: Variant<{ x: Value[]; w: Value[]; L: Value | null }> = {
    name: `engine, fresh graph (${shape})`,
    setup: () => ({ ...leaves(), L: null }),
    run(r) {
      const L = build(r);
      L.backward();
      r.L = L;
    },
    check: (r) =>
      check(
        r.L!.data,
        (i) => r.w[i].grad,
        (i) => r.x[i].grad,
        N,
      ),
  };

  // The graph is built and traced once; each run replays it (leaf gradients zeroed in setup).
  let traced: { x: Value[]; w: Value[]; tape: Tape } | null = null;
  const replay: Variant<{ x: Value[]; w: Value[]; tape: Tape; L: number }> = {
    name: `engine, replayed tape (${shape})`,
    setup() {
      if (traced === null) {
        const l = leaves();
        traced = { ...l, tape: trace(build(l)) };
      }
      for (const leaf of traced.tape.leaves) leaf.grad = 0;
      return { ...traced, L: 0 };
    },
    run(r) {
      r.L = r.tape.forward();
      r.tape.backward();
    },
    check: (r) =>
      check(
        r.L,
        (i) => r.w[i].grad,
        (i) => r.x[i].grad,
        N,
      ),
  };
  return [handwritten, fresh, replay];
}

export const w4: Workload = {
  name: 'w4',
  run(reps) {
    const rows = [
      ...measureAll('N=1e6', 2 * N, variants('chain'), reps),
      ...measureAll('N=1e6', 2 * N, variants('nary'), reps),
    ];
    console.log(formatRows('W4 wide sum: build + backward, all 2N leaf gradients (ns/node = time / 2N)', rows));
    return rows.every((r) => r.failures.length === 0);
  },
};

if (require.main === module) w4.run(Number(process.argv[2] ?? 5));
