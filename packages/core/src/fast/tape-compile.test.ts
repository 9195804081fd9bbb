/**
 * Generated replay code (tape-compile.ts): straight-line code for small tapes and generated loops
 * for large ones give bit for bit what rebuilding the graph gives, and what the generic loops give
 * where `new Function` is forbidden, over every op row and custom rows of each arity.
 */
import { setAnomalyMode } from '../anomaly';
import type { BinaryRow, NaryRow, OpRow, UnaryRow } from '../op-row';
import { OPS } from '../ops';
import { _setFunctionMaker, STRAIGHT_LINE_LIMIT } from './tape-compile';
import { trace } from './tape';
import { lcg } from '../test-support/lcg';
import { replay, traceWithoutEval } from '../test-support/replay';
import { applyOp, sum, Value } from '../value';

const twice: UnaryRow = {
  ...OPS.neg,
  name: 'twice',
  notation: 'call',
  forward: (a) => 2 * a,
  derivative: () => 2,
  derivativeValue: () => 2,
};
/** sqrt(a² + b² + 1): never 0, so its derivatives are finite everywhere. */
const hypot: BinaryRow = {
  ...OPS.mul,
  name: 'hypot',
  notation: 'call',
  forward: (a, b) => Math.sqrt(a * a + b * b + 1),
  derivativeA: (a, _b, out) => a / out,
  derivativeB: (_a, b, out) => b / out,
  derivativeValueA: (a, _b, out) => a.div(out),
  derivativeValueB: (_a, b, out) => b.div(out),
};
/** An n-ary row whose derivative reads the inputs: the product of x / (4 + |x|) over the inputs. */
const squashedProduct: NaryRow = {
  ...OPS.sum,
  name: 'squashedProduct',
  // sum's speed facts do not hold of this forward and derivative
  readsInputs: true,
  forwardAt: undefined,
  forward: (xs) => xs.reduce((p, x) => (p * x) / (4 + Math.abs(x)), 1),
  derivative: (i, xs) => {
    let others = 1;
    xs.forEach((x, j) => {
      if (j !== i) others = (others * x) / (4 + Math.abs(x));
    });
    return (others * 4) / ((4 + Math.abs(xs[i])) * (4 + Math.abs(xs[i])));
  },
  derivativeValue: (i, xs) => {
    let others: Value | number = 1;
    xs.forEach((x, j) => {
      if (j !== i) others = x.mul(others).div(x.abs().add(4));
    });
    return xs[i].abs().add(4).square().pow(-1).mul(others).mul(4);
  },
};

/** One step of a random graph: a row applied to earlier nodes (by index) or number operands. */
type Step = { row: OpRow; inputs: Array<number | { node: number }> };

const ROWS: OpRow[] = [...Object.values(OPS), twice, hypot, squashedProduct];
/** Rows whose first input must be positive (log, sqrt, pow's base) or whose second must be (div). */
const POSITIVE_A = new Set<OpRow>([OPS.log, OPS.sqrt, OPS.pow]);

const LEAVES = 3;

/**
 * A random graph of about `size` steps over LEAVES leaves: each step applies a row (every row once
 * first, from ROWS[firstRow] on, then random ones) to inputs among the last squashed nodes (or numbers),
 * made positive first where the row's domain asks for it, its output squashed by tanh so values
 * and gradients stay finite.
 */
function randomSteps({ seed, size, firstRow }: { seed: number; size: number; firstRow: number }): Step[] {
  const random = lcg(seed);
  const steps: Step[] = [];
  let nodes = LEAVES;
  // Inputs are picked among the leaves and the squashed outputs only: a row's raw output (an exp,
  // a product of several inputs) fed on into exp and square overflows within a few steps.
  const squashed = Array.from({ length: LEAVES }, (_, i) => i);
  const pick = (): { node: number } => ({
    node: squashed[Math.max(0, squashed.length - 1 - Math.floor(random.next() * 12))],
  });
  const push = (step: Step): number => {
    steps.push(step);
    return nodes++;
  };
  const positive = (x: { node: number }): { node: number } => {
    const squared = push({ row: OPS.square, inputs: [x] });
    return { node: push({ row: OPS.add, inputs: [{ node: squared }, 0.5] }) };
  };
  for (let picked = 0; steps.length < size; picked++) {
    const row =
      ROWS[picked < ROWS.length ? (firstRow + picked) % ROWS.length : Math.floor(random.next() * ROWS.length)];
    const operand = (): number | { node: number } => (random.next() < 0.2 ? random.uniform(-2, 2) : pick());
    let inputs: Step['inputs'];
    if (row.arity === 1) inputs = [POSITIVE_A.has(row) ? positive(pick()) : pick()];
    else if (row.arity === 2) {
      const a = POSITIVE_A.has(row) ? positive(pick()) : pick();
      inputs = [a, row === OPS.div ? positive(pick()) : operand()];
    } else inputs = Array.from({ length: 1 + Math.floor(random.next() * 5) }, operand);
    squashed.push(push({ row: OPS.tanh, inputs: [{ node: push({ row, inputs }) }] }));
  }
  return steps;
}

/** Builds the steps on `leaves`; the root sums every node (so every step is in the graph). */
function build(steps: Step[], leaves: Value[]): Value {
  const nodes: Value[] = [...leaves];
  for (const { row, inputs } of steps) {
    nodes.push(
      applyOp(
        row,
        inputs.map((x) => (typeof x === 'number' ? x : nodes[x.node])),
      ),
    );
  }
  return sum(nodes);
}

/** One small graph per row (straight-line code) and four large graphs (generated loops). */
const SMALL_GRAPHS = ROWS.map((_, i) => ({ seed: i + 1, size: 1, firstRow: i }));
const LARGE_GRAPHS = [1, 2, 3, 4].map((seed) => ({ seed, size: 3000, firstRow: 0 }));

describe.each([
  ['straight-line code (small tapes)', SMALL_GRAPHS, true],
  ['generated loops (large tapes)', LARGE_GRAPHS, false],
])('%s', (_name, graphs, straightLine) => {
  test('equal rebuilding the graph and the generic loops, bit for bit, over every row', () => {
    const used = new Set<OpRow>();
    for (const graph of graphs) {
      const steps = randomSteps(graph);
      const leaves = Array.from({ length: LEAVES }, (_, i) => new Value(0.1 * (i + 1)));
      const root = build(steps, leaves);
      const compiled = trace(root);
      const generic = traceWithoutEval(root);
      expect(compiled._compiled).not.toBeNull();
      expect(generic._compiled).toBeNull();
      expect(compiled._inputSlots.length <= STRAIGHT_LINE_LIMIT).toBe(straightLine);
      compiled._rows.forEach((row) => used.add(row));
      const random = lcg(graph.seed);
      for (let trial = 0; trial < 3; trial++) {
        const point = leaves.map(() => random.uniform(-1.5, 1.5));
        const fromCompiled = replay(compiled, point);
        expect(replay(generic, point)).toEqual(fromCompiled);
        const fresh = point.map((x) => new Value(x));
        const rebuilt = build(steps, fresh);
        rebuilt.backward();
        expect(fromCompiled.values[fromCompiled.values.length - 1]).toBe(rebuilt.data);
        expect(fromCompiled.leafGrads).toEqual(fresh.map((v) => v.grad));
        expect(fromCompiled.leafGrads.every(Number.isFinite)).toBe(true);
      }
    }
    expect(used).toEqual(new Set(ROWS));
  });

  test('re-evaluating from any op slot equals a full forward', () => {
    const leaves = Array.from({ length: LEAVES }, (_, i) => new Value(0.2 * (i + 1)));
    const tape = trace(build(randomSteps(graphs[graphs.length - 1]), leaves));
    const full = Array.from(tape.values);
    for (const start of [tape._firstOp, tape._firstOp + 1, (tape._firstOp + tape.size) >> 1, tape.size - 1]) {
      tape.values.fill(0, start);
      tape._evaluateFrom(start);
      expect(Array.from(tape.values)).toEqual(full);
    }
  });
});

test('tapes with the same rows share their generated code; a custom row of each arity gets its own', () => {
  const made: string[] = [];
  _setFunctionMaker((params, body) => {
    made.push(body);
    return new Function(...params, body) as (...args: unknown[]) => unknown;
  });
  try {
    const chain = (x: Value): Value => {
      let y = x;
      for (let k = 0; k < 1500; k++) y = y.mul(1.0001).add(0.0001);
      return y;
    };
    trace(chain(new Value(1)));
    const loopsMade = made.length;
    trace(chain(new Value(2)));
    expect(made.length).toBe(loopsMade);
    const x = new Value(0.5);
    const custom = applyOp(squashedProduct, [applyOp(twice, [x]), applyOp(hypot, [x, 3]), x]);
    expect(trace(custom).forward()).toBe(custom.data);
    expect(made.length).toBeGreaterThan(loopsMade);
  } finally {
    _setFunctionMaker();
  }
});

test('a tape of more than 256 distinct rows replays like its generic loops (kinds in a Uint16Array)', () => {
  const shifts = Array.from({ length: 300 }, (_, i): UnaryRow => ({
    ...twice,
    name: `shift${i}`,
    forward: (a) => a + i,
    derivative: () => 1,
  }));
  const x = new Value(0.25);
  let y = x;
  let expected = 0.75;
  for (let k = 0; k < 2 * shifts.length; k++) {
    y = applyOp(shifts[k % shifts.length], [y]);
    expected += k % shifts.length;
  }
  const compiled = trace(y);
  const generic = traceWithoutEval(y);
  expect(compiled._compiled).not.toBeNull();
  const replayed = replay(compiled, [0.75]);
  expect(replayed).toEqual(replay(generic, [0.75]));
  expect(replayed.values[replayed.values.length - 1]).toBe(expected);
  expect(replayed.leafGrads).toEqual([1]);
});

test('a tape of one leaf replays with or without generated code', () => {
  const x = new Value(4);
  for (const tape of [trace(x), traceWithoutEval(x)]) {
    x.grad = 0;
    expect(tape.forward()).toBe(4);
    tape.backward();
    expect(x.grad).toBe(1);
  }
});

test('straight-line code reads and adds into leaves wherever they live (apart, in other blocks)', () => {
  const a = new Value(0.5, 'a');
  const ab = a.mul(3);
  // BLOCK_SIZE (4096) leaves in between put c in another block than a and b.
  const between = Array.from({ length: 5000 }, (_, i) => new Value(i));
  const b = new Value(-1.25, 'b');
  const c = between[between.length - 1].sub(4999).add(2);
  const root = ab.mul(b).add(c.tanh()).add(a);
  const compiled = trace(root);
  const generic = traceWithoutEval(root);
  expect(compiled._inputSlots.length).toBeLessThanOrEqual(STRAIGHT_LINE_LIMIT);
  expect(compiled.leaves.map((l) => l._blk === a._blk)).toContain(false);
  // Leaves in creation order: a, the last of those in between, b.
  for (const point of [
    [0.5, 4999, -1.25],
    [2, 4998.5, 0.75],
  ]) {
    const fromCompiled = replay(compiled, point);
    expect(replay(generic, point)).toEqual(fromCompiled);
    // Closed form: root = 3ab + tanh(c - 4997) + a.
    const [x, z, y] = point;
    expect(fromCompiled.values[fromCompiled.values.length - 1]).toBeCloseTo(3 * x * y + Math.tanh(z - 4997) + x, 14);
    expect(fromCompiled.leafGrads).toEqual([3 * y + 1, 1 - Math.tanh(z - 4997) ** 2, 3 * x]);
  }
  // Leaves accumulate: a second backward adds the same gradients again.
  compiled.backward();
  expect(a.grad).toBe(2 * (3 * 0.75 + 1));
});

test('in anomaly mode a non-finite gradient is reported before it reaches any leaf', () => {
  const x = new Value(1, 'x');
  const tape = trace(x.sqrt().add(x));
  x.data = 0;
  x.grad = 0.5;
  const previous = setAnomalyMode(true);
  try {
    expect(tape.forward()).toBe(0);
    expect(() => tape.backward()).toThrow(/anomaly \(replay\): gradient of #\d+ leaf "x" is Infinity/);
  } finally {
    setAnomalyMode(previous);
  }
  expect(x.grad).toBe(0.5);
  tape.backward();
  expect(x.grad).toBe(Infinity);
});
