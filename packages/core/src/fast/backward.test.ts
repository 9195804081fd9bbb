/**
 * The order and bookkeeping of backward.ts: a node reached through consumers met in different
 * orders still gets its whole gradient before it passes it on, nodes of other graphs in the same
 * blocks are left alone, the order of additions is the tape's, a pass stopped by an anomaly leaves
 * nothing behind for the next one, and nodes whose gradient is 0 are skipped only where that
 * changes nothing (a gradient written before, by a pass, by hand or by a tape, is still zeroed).
 */
import fc from 'fast-check';
import { AnomalyError, detectAnomaly } from '../anomaly';
import { gradients } from '../gradients';
import { BLOCK_SIZE } from './node-store';
import { trace } from './tape';
import { topoSort } from '../topo-sort';
import { PROPERTY_SEED } from '../test-support/figures';
import { lcg } from '../test-support/lcg';
import type { OpRow } from '../op-row';
import { applyOp, dot, sum, Value } from '../value';

/** A small MLP's loss over a few points: inputs and weights fan out to many consumers. */
function mlpLoss(weights: Value[], points: number[][]): Value {
  const scores = points.map(([x, y]) => {
    const hidden = Array.from({ length: 6 }, (_, n) =>
      sum([weights[3 * n], weights[3 * n + 1].mul(x), weights[3 * n + 2].mul(y)]).tanh(),
    );
    return hidden.reduce((acc, h, n) => acc.add(weights[18 + n].mul(h)), weights[24] as Value);
  });
  return sum(scores.map((s, i) => s.sub(i % 2).square())).div(points.length);
}

test('a node used by an earlier and a later consumer gets its whole gradient first', () => {
  // out = c + n with n = c * 3: the search stacks c (from out) before meeting it again under n.
  const x = new Value(2, 'x');
  const c = x.square();
  const n = c.mul(3);
  const out = c.add(n);
  out.backward();
  // d out / d c = 1 + 3 = 4; d c / d x = 2x = 4, so d out / d x = 16.
  expect(c.grad).toBe(4);
  expect(x.grad).toBe(16);
});

test('a deeper diamond: every path into the leaf is counted once', () => {
  const x = new Value(1.5, 'x');
  const a = x.mul(x); // x^2
  const b = a.mul(x); // x^3
  const c = b.add(a); // x^3 + x^2
  const out = c.mul(a).add(b); // (x^3 + x^2) x^2 + x^3 = x^5 + x^4 + x^3
  out.backward();
  const expected = 5 * x.data ** 4 + 4 * x.data ** 3 + 3 * x.data ** 2;
  expect(x.grad).toBeCloseTo(expected, 12);
});

test('two graphs built in turn in the same blocks: a pass over one leaves the other alone', () => {
  const x = new Value(0.5, 'x');
  let a = x.mul(1);
  let b = x.mul(2);
  for (let k = 0; k < BLOCK_SIZE; k++) {
    a = a.mul(0.999).add(k % 3); // a's nodes and b's alternate, slot after slot
    b = b.mul(-0.999).add(x);
  }
  const bOps = topoSort(b).filter((v) => !v.isLeaf);
  b.backward();
  const bGrads = bOps.map((v) => v.grad);
  expect(bGrads.filter((g) => g !== 0).length).toBe(bOps.length);
  x.grad = 0;
  a.backward();
  expect(bOps.map((v) => v.grad)).toEqual(bGrads);
  expect(x.grad).toBeCloseTo(0.999 ** BLOCK_SIZE, 12);
});

test('a graph whose nodes lie blocks apart, with unrelated blocks between them', () => {
  const w = new Value(1.5, 'w');
  const early = w.mul(w);
  let noise = w.mul(3);
  for (let k = 0; k < 3 * BLOCK_SIZE; k++) noise = noise.add(1);
  const out = early.mul(w).add(early); // w^3 + w^2
  noise.backward();
  w.grad = 0;
  out.backward();
  expect(w.grad).toBe(3 * 1.5 ** 2 + 2 * 1.5);
  expect(early.grad).toBe(1.5 + 1);
  expect(noise.grad).toBe(1); // from its own pass, untouched by out's
});

test("a fan-out node adds its consumers' contributions newest first, as a tape does", () => {
  // Rounding makes the order visible: (-1e16 + 1e16) + 1 = 1, but (1e16 + 1) + -1e16 = 0.
  const w = new Value(1, 'w');
  const h = w.mul(1);
  const [u1, u2, u3] = [1, 1e16, -1e16].map((c) => h.mul(c));
  const out = sum([u3, u1, u2]);
  out.backward();
  expect(h.grad).toBe(1);
  const tape = trace(out);
  tape.backward();
  tape.sync();
  expect(h.grad).toBe(1);
});

test("backward adds a fan-out node's contributions in the tape's order: every gradient equal bit for bit", () => {
  const random = lcg(21);
  const weights = Array.from({ length: 25 }, () => new Value(random.uniform(-1, 1)));
  const points = Array.from({ length: 8 }, () => [random.uniform(-2, 2), random.uniform(-2, 2)]);
  const loss = mlpLoss(weights, points);
  loss.backward();
  const nodes = topoSort(loss);
  const byBackward = nodes.map((v) => v.grad);
  const tape = trace(loss);
  weights.forEach((w) => (w.grad = 0));
  tape.backward();
  tape.sync();
  expect(nodes.map((v) => v.grad)).toEqual(byBackward);
});

test('no block keeps the list of reached nodes after a pass, finished or stopped', () => {
  const random = lcg(3);
  const weights = Array.from({ length: 25 }, () => new Value(random.uniform(-1, 1)));
  const loss = mlpLoss(weights, [[0.5, -0.5]]);
  loss.backward();
  expect(topoSort(loss).every((v) => v._blk.reached === null)).toBe(true);
  const z = new Value(0, 'z');
  const bad = loss.add(z.sqrt());
  expect(() => detectAnomaly(() => bad.backward())).toThrow(AnomalyError);
  expect(topoSort(bad).every((v) => v._blk.reached === null)).toBe(true);
});

test('a node that sends no gradient zeroes what an earlier pass wrote below it', () => {
  // y is shared: z1's pass writes y.grad = 2; in z2's pass y sits under an off relu, so 0.
  const x = new Value(1.5, 'x');
  const y = x.mul(3);
  const z1 = y.mul(2);
  const z2 = y.mul(-1).relu();
  z1.backward();
  expect(y.grad).toBe(2);
  z2.backward();
  expect(y.grad).toBe(0);
  expect(Object.is(y.grad, 0)).toBe(true);
});

test('an intermediate gradient set by hand, or by tape.sync(), is zeroed where no gradient flows', () => {
  const x = new Value(2, 'x');
  const h = x.mul(2);
  const off = h.mul(-1).relu();
  h.grad = 5;
  off.backward();
  expect(h.grad).toBe(0);
  const live = h.square();
  const tape = trace(live);
  tape.backward();
  tape.sync(); // h.grad = 2h = 8
  expect(h.grad).toBe(8);
  off.backward();
  expect(h.grad).toBe(0);
});

test('a backward() called from inside a pass (a row whose derivative calls it) is refused, and the next pass is correct', () => {
  const other = new Value(2, 'other').square();
  const meddling: OpRow = {
    name: 'meddling',
    symbol: 'm',
    arity: 1,
    domain: [[-5, 5]],
    forward: (a) => 3 * a,
    derivative: () => {
      other.backward();
      return 3;
    },
    derivativeValue: () => 3,
  };
  const x = new Value(1, 'x');
  const y = applyOp(meddling, [x.mul(2)]).add(x);
  expect(() => y.backward()).toThrow('@chainrule/core/Value.backward: called while another backward pass runs');
  x.grad = 0;
  const good = x.mul(x).add(x);
  good.backward();
  expect(x.grad).toBe(3);
  other.backward();
  expect(other.grad).toBe(1);
});

test('a pass stopped by an anomaly error leaves the next pass correct', () => {
  const x = new Value(0, 'x');
  const bad = x.sqrt().add(x.mul(2)); // d sqrt(x)/dx is +Inf at 0
  expect(() => detectAnomaly(() => bad.backward())).toThrow(AnomalyError);
  const y = new Value(3, 'y');
  x.grad = 0;
  const good = y.mul(y).add(y);
  good.backward();
  expect(y.grad).toBe(7);
  expect(good.grad).toBe(1);
});

test('backward twice recomputes intermediates and accumulates leaves', () => {
  const w = new Value(0.8, 'w');
  const a = w.mul(1.5);
  const C = a.sub(0.5).pow(2);
  C.backward();
  C.backward();
  expect(a.grad).toBeCloseTo(2 * 0.7, 12); // recomputed, not doubled
  expect(w.grad).toBeCloseTo(2 * 2.1, 12); // accumulated
});

/** A neuron's weighted sum built from products and a sum, or as one dot node. */
const WEIGHTED_SUMS: Array<[string, (w: Value[], x: Value[], b?: Value) => Value]> = [
  ['products and a sum', (w, x, b) => sum([...(b ? [b] : []), ...w.map((wj, j) => wj.mul(x[j]))])],
  ['a dot node', (w, x, b) => dot(w, x, b)],
];

test.each(WEIGHTED_SUMS)(
  'neurons of %s behind off relus add nothing: the same gradients as gradients(), zeros exact',
  (_name, weightedSum) => {
    const random = lcg(5);
    const weights = Array.from({ length: 40 }, () => new Value(random.uniform(-1, 1)));
    const inputs = [new Value(0.7), new Value(-1.2)];
    const hidden = Array.from({ length: 10 }, (_, n) =>
      weightedSum(weights.slice(4 * n + 1, 4 * n + 3), inputs, weights[4 * n]).relu(),
    );
    const out = weightedSum(
      hidden.map((_, n) => weights[4 * n + 3]),
      hidden,
    );
    const leaves = [...weights, ...inputs];
    expect(hidden.some((h) => h.data === 0)).toBe(true);
    const expected = gradients(out, leaves).map((g) => g.data);
    out.backward();
    leaves.forEach((leaf, i) => {
      expect(leaf.grad).toBeCloseTo(expected[i], 14);
      if (expected[i] === 0) expect(Object.is(leaf.grad, 0)).toBe(true);
    });
  },
);

test.each([
  ['a product', (w: Value, x: Value) => w.mul(x)],
  ['a dot node', (w: Value, x: Value) => dot([w], [x], 1)],
  ['a product under a sum', (w: Value, x: Value) => sum([w.mul(x), 1])],
  ['a product under an add', (w: Value, x: Value) => w.mul(x).add(1).neg().neg()],
])('%s with gradient 0 and an infinite input still sends 0 × ∞ = NaN, as in PyTorch', (_name, node) => {
  const w = new Value(2, 'w');
  const x = new Value(-Infinity, 'x');
  node(w, x).relu().backward(); // relu(-∞) = 0, so the node's gradient is 0
  expect(Number.isNaN(w.grad)).toBe(true);
  expect(x.grad).toBe(0);
});

test('after any mix of passes from shared roots, grads set by hand and tape syncs, every op node holds its tape gradient', () => {
  // Random graphs over three leaves with relus that may be off (dead branches), several roots that
  // share nodes, and a random sequence of actions; after each pass, every op node under its root
  // must hold exactly what a fresh tape of that root computes.
  const action = fc.oneof(
    fc.record({ kind: fc.constant('backward' as const), root: fc.nat() }),
    fc.record({ kind: fc.constant('set' as const), node: fc.nat(), grad: fc.double({ min: -9, max: 9, noNaN: true }) }),
    fc.record({ kind: fc.constant('sync' as const), root: fc.nat() }),
  );
  const step = fc.record({
    op: fc.integer({ min: 0, max: 4 }),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.double({ min: -2, max: 2, noNaN: true }),
  });
  fc.assert(
    fc.property(
      fc.array(step, { minLength: 4, maxLength: 30 }),
      fc.array(action, { minLength: 1, maxLength: 8 }),
      (steps, actions) => {
        const nodes: Value[] = [new Value(0.7, 'x'), new Value(-1.3, 'y'), new Value(0.4, 'z')];
        for (const { op, a, b, c } of steps) {
          const x = nodes[a % nodes.length];
          const y = nodes[b % nodes.length];
          const made = [x.mul(y), x.add(c), x.mul(c).relu(), sum([x, y, c]), x.sub(y).relu()][op];
          nodes.push(made);
        }
        const ops = nodes.slice(3);
        const roots = ops.slice(-3);
        for (const act of actions) {
          if (act.kind === 'set') ops[act.node % ops.length].grad = act.grad;
          else if (act.kind === 'sync') {
            const tape = trace(roots[act.root % roots.length]);
            tape.backward();
            tape.sync();
          } else {
            const root = roots[act.root % roots.length];
            root.backward();
            const tape = trace(root);
            tape.backward();
            tape._nodes.forEach((v, k) => {
              if (v !== null && !v.isLeaf && !Object.is(v.grad, tape.grads[k])) {
                throw new Error(`node #${v.id} (${v.op}): grad ${v.grad}, tape ${tape.grads[k]}`);
              }
            });
          }
        }
      },
    ),
    { seed: PROPERTY_SEED, numRuns: 300 },
  );
});
