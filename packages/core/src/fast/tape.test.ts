/**
 * trace / Tape: replaying a traced graph on new leaf values gives exactly what rebuilding the graph
 * gives (values and gradients), and tape.backward() accumulates into leaves like backward().
 */
import { setAnomalyMode } from '../anomaly';
import { OPS } from '../ops';
import { trace } from './tape';
import { lcg } from '../test-support/lcg';
import { applyOp, dot, sum, Value } from '../value';

/** A graph that uses every op row, fan-out, number operands and the n-ary sum and dot. */
function build(x: Value, y: Value, z: Value): Value {
  const h = x.mul(y).tanh();
  const terms = [
    h.mul(h),
    x.sub(z).square().sqrt(),
    y.abs().add(1).log(),
    z.exp().div(x.square().add(2)),
    x.relu().mul(z.sigmoid()),
    y.sin().sub(z.cos()).neg(),
    x.square().add(1).pow(y.mul(0.5)),
    sum([x, y, 3]),
    dot([x, h], [z, 0.5], y),
    x.max(y).sub(z.min(h)),
  ];
  return sum(terms).mul(2).sub(1);
}

test('replay equals rebuild: values and gradients on new leaf values', () => {
  const random = lcg(11);
  const leaves = [new Value(0.3, 'x'), new Value(-0.7, 'y'), new Value(1.1, 'z')];
  const out = build(leaves[0], leaves[1], leaves[2]);
  const tape = trace(out);
  expect(tape.leaves).toEqual(leaves);
  const used = new Set(Object.keys(OPS));
  tape._rows.forEach((r) => used.delete(r.name));
  expect([...used]).toEqual([]);
  for (let trial = 0; trial < 20; trial++) {
    const point = leaves.map(() => random.uniform(-1.5, 1.5));
    leaves.forEach((leaf, i) => {
      leaf.data = point[i];
      leaf.grad = 0;
    });
    const replayed = tape.forward();
    tape.backward();
    const fresh = point.map((p) => new Value(p));
    const rebuilt = build(fresh[0], fresh[1], fresh[2]);
    rebuilt.backward();
    expect(replayed).toBe(rebuilt.data);
    leaves.forEach((leaf, i) => expect(leaf.grad).toBe(fresh[i].grad));
  }
});

test('forward reads new leaf data from long runs of leaves (a block-sized run too) and short ones', () => {
  // 5,000 leaves created in a row make runs of consecutive slots, cut where a block ends, each long
  // enough to be copied in one piece; a leaf outside the graph on either side of `lone` makes it
  // a run of its own.
  const many = Array.from({ length: 5000 }, (_, i) => new Value(i));
  const outside = [new Value(0), new Value(0)];
  const lone = new Value(1);
  outside.push(new Value(0));
  const root = sum([...many.map((v, i) => v.mul(i % 7)), lone.square()]);
  const tape = trace(root);
  expect(tape.leaves).toEqual([...many, lone]);
  const random = lcg(21);
  for (const v of [...many, lone, ...outside]) v.data = random.uniform(-1, 1);
  const expected = many.reduce((total, v, i) => total + v.data * (i % 7), 0) + lone.data ** 2;
  expect(tape.forward()).toBeCloseTo(expected, 9);
  tape.backward();
  expect(many[4999].grad).toBe(4999 % 7);
  expect(lone.grad).toBe(2 * lone.data);
});

test('tape.backward accumulates into leaves like backward(); sync writes op nodes', () => {
  const w = new Value(0.8, 'w');
  const a = w.mul(1.5);
  const C = a.sub(0.5).pow(2);
  const tape = trace(C);
  tape.backward();
  expect(w.grad).toBeCloseTo(2.1, 14);
  tape.backward();
  expect(w.grad).toBeCloseTo(4.2, 14);
  expect(a.grad).toBe(0);
  tape.sync();
  expect(a.grad).toBeCloseTo(1.4, 14);
  expect(C.grad).toBe(1);
  const reference = new Value(0.8);
  reference.mul(1.5).sub(0.5).pow(2).backward();
  reference.mul(1.5).sub(0.5).pow(2).backward();
  expect(w.grad).toBe(reference.grad);
});

test("the article's training loop on a tape: 0.59, 0.4745, 0.410975, then 1/3", () => {
  const w = new Value(0.8, 'w');
  const tape = trace(w.mul(1.5).sub(0.5).pow(2));
  const seen: number[] = [];
  for (let step = 0; step < 100; step++) {
    w.grad = 0;
    tape.forward();
    tape.backward();
    w.data -= 0.1 * w.grad;
    seen.push(w.data);
  }
  expect(seen.slice(0, 3).map((x) => Number(x.toFixed(12)))).toEqual([0.59, 0.4745, 0.410975]);
  expect(Math.abs(seen[99] - 1 / 3)).toBeLessThan(1e-12);
});

test('a chain of 10^6 steps replays with the spec value and gradient (W3)', () => {
  const x0 = new Value(1);
  let x = x0;
  for (let k = 0; k < 1e6; k++) x = x.mul(1.0001).add(0.0001);
  const tape = trace(x);
  expect(tape.size).toBe(1 + 2e6 + 2e6);
  expect(tape.forward()).toBe(x.data);
  tape.backward();
  expect(Math.abs(x0.grad - 2.6747109931126675e43)).toBeLessThanOrEqual(1e-12 * 2.6747109931126675e43);
});

test('traced constants never receive gradient; a custom row replays too', () => {
  const twice = {
    ...OPS.neg,
    name: 'twice',
    notation: 'call' as const,
    forward: (a: number) => 2 * a,
    derivative: () => 2,
    derivativeValue: () => 2,
  };
  const x = new Value(3, 'x');
  const k = x.mul(4).inputs[1];
  const out = applyOp(twice, [x.mul(4)]).add(k);
  const tape = trace(out);
  expect(tape.forward()).toBe(28);
  tape.backward();
  tape.sync();
  expect(x.grad).toBe(8);
  expect(k.grad).toBe(0);
});

test('anomaly mode names the node whose replayed value is not finite', () => {
  const x = new Value(4, 'x');
  const tape = trace(x.log().mul(2));
  x.data = -1;
  const previous = setAnomalyMode(true);
  try {
    expect(() => tape.forward()).toThrow(
      /anomaly \(replay\): forward value of #\d+ log is NaN \(inputs: #\d+ leaf "x" = -1\)/,
    );
  } finally {
    setAnomalyMode(previous);
  }
  expect(tape.forward()).toBeNaN();
});

test('bad input', () => {
  expect(() => trace({} as never)).toThrow('@chainrule/core/trace: expected a Value, got an object');
});
