/**
 * Product groups (tape-fuse.ts) in the generated replay loops: which products form a group, and
 * that replaying graphs full of them (neurons, and the shapes that must not be grouped) gives bit
 * for bit what rebuilding the graph and the generic loops give, from the first op or any other.
 */
import { checkNodes } from '../check-nodes';
import type { NaryRow } from '../op-row';
import { OPS } from '../ops';
import { STRAIGHT_LINE_LIMIT } from './tape-compile';
import { findProductGroups, type ProductGroup } from './tape-fuse';
import { trace, type Tape } from './tape';
import { lcg } from '../test-support/lcg';
import { replay, traceWithoutEval } from '../test-support/replay';
import { applyOp, sum, Value } from '../value';

/** Σ x²: an n-ary row whose derivative reads its inputs. */
const sumOfSquares: NaryRow = {
  ...OPS.sum,
  name: 'sumOfSquares',
  // sum's speed facts do not hold of this forward and derivative
  readsInputs: true,
  forwardAt: undefined,
  forward: (xs) => xs.reduce((total, x) => total + x * x, 0),
  derivative: (i, xs) => 2 * xs[i],
  derivativeValue: (i, xs) => xs[i].mul(2),
};

function groupsOf(tape: Tape): ProductGroup[] {
  return findProductGroups({
    values: tape.values,
    firstOp: tape._firstOp,
    rows: tape._rows,
    inputStart: tape._inputStart,
    inputSlots: tape._inputSlots,
    trainable: tape._trainable,
  });
}

/** The op index of an op node of `tape`. */
function opIndex(tape: Tape, v: Value): number {
  return tape._nodes.indexOf(v) - tape._firstOp;
}

describe('findProductGroups', () => {
  const [w0, w1, w2, b, x] = [0.5, -0.25, 0.75, 0.1, 1.5].map((d) => new Value(d));

  test("a neuron's products (used by its sum only, its last inputs in op order) and its relu form one group", () => {
    const products = [w0.mul(x), w1.mul(x), w2.mul(x)];
    const neuron = sum([b, ...products]);
    const tape = trace(neuron.relu());
    expect(groupsOf(tape)).toEqual([
      { first: opIndex(tape, products[0]), last: opIndex(tape, neuron), productMask: 3, unary: true },
    ]);
  });

  test('the op after the sum is left out unless it is unary, reads the sum and is its only use', () => {
    const shared = sum([b, w0.mul(x)]);
    expect(groupsOf(trace(shared.tanh().add(shared))).map((g) => g.unary)).toEqual([false]);
    expect(groupsOf(trace(sum([b, w0.mul(x)]).add(b))).map((g) => g.unary)).toEqual([false]);
    const notAfter = sum([b, w0.mul(x)]);
    const between = w1.relu();
    expect(groupsOf(trace(sum([between, notAfter.relu()]))).map((g) => g.unary)).toEqual([false]);
    expect(groupsOf(trace(sum([b, w0.mul(x)]))).map((g) => g.unary)).toEqual([false]);
  });

  test('products of a number operand, and a number times a Value, have their own masks', () => {
    const byNumber = sum([w0.mul(2), w1.mul(3)]);
    const numberFirst = sum([applyOp(OPS.mul, [2, w0]), applyOp(OPS.mul, [3, w1])]);
    expect(groupsOf(trace(byNumber)).map((g) => g.productMask)).toEqual([1]);
    expect(groupsOf(trace(numberFirst)).map((g) => g.productMask)).toEqual([2]);
  });

  test('a product used elsewhere, used twice, out of order, with another mask or not last is left out', () => {
    const usedElsewhere = w0.mul(x);
    const elsewhere = trace(sum([b, usedElsewhere, w1.mul(x)]).add(usedElsewhere));
    expect(groupsOf(elsewhere)).toEqual([{ first: 1, last: 2, productMask: 3, unary: false }]);

    const twice = w0.mul(x);
    expect(groupsOf(trace(sum([twice, twice])))).toEqual([]);

    const [p, q] = [w0.mul(x), w1.mul(x)];
    expect(groupsOf(trace(sum([q, p])))).toEqual([]);

    const otherMask = trace(sum([w0.mul(x), w1.mul(2)]));
    expect(groupsOf(otherMask)).toEqual([{ first: 1, last: 2, productMask: 1, unary: false }]);

    const notLast = trace(sum([w0.mul(x), b]));
    expect(groupsOf(notLast)).toEqual([]);
  });

  test('an add or sub whose second input is the product right before it, used nowhere else, is a pair', () => {
    const step = b.add(w0.mul(x));
    const chain = trace(step.sub(w1.mul(x)).relu());
    expect(groupsOf(chain)).toEqual([
      { first: 0, last: 1, productMask: 3, unary: false },
      { first: 2, last: 3, productMask: 3, unary: true },
    ]);
    expect(groupsOf(trace(w0.mul(x).add(b)))).toEqual([]);
    const shared = w0.mul(x);
    expect(groupsOf(trace(b.add(shared).mul(shared)))).toEqual([]);
    expect(groupsOf(trace(b.mul(w0.mul(x))))).toEqual([]);
  });
});

/**
 * An MLP-like graph on `leaves` (read by index, so a rebuild on fresh leaves has the same shape):
 * per point, neurons `relu(sum([b, w0 * x0, ...]))` as nn's Neuron builds them, on number inputs
 * and then on activations, and beside them the shapes that must not be grouped or only in part (a
 * sum followed by tanh takes it in; one used elsewhere too does not); the
 * root sums every output with `sumOfSquares` over products and ends in an L2 sum of p * p.
 */
function network(leaves: Value[], points: number[][]): Value {
  const sharedSum = (bias: Value, product: Value): Value => {
    const shared = sum([bias, product]);
    return shared.tanh().add(shared);
  };
  /** micrograd's neuron: act = b, then act = act + w·x for every input (a chain of pairs). */
  const microgradNeuron = (bias: Value, inputs: Value[] | number[], param: () => Value): Value =>
    (inputs as Array<Value | number>).reduce<Value>((act, x) => act.add(param().mul(x)), bias);
  let next = 0;
  const param = (): Value => leaves[next++ % leaves.length];
  const neuron = (inputs: Value[] | number[]): Value => sum([param(), ...inputs.map((x) => param().mul(x))]).relu();
  const outputs: Value[] = [];
  for (const point of points) {
    next = 0;
    const first = [0, 1, 2, 3].map(() => neuron(point));
    const h = [0, 1, 2, 3].map(() => neuron(first));
    const usedTwice = param().mul(h[0]);
    const usedElsewhere = param().mul(h[1]);
    const leading = param().mul(h[0]);
    outputs.push(
      sum([usedTwice, usedTwice, param().mul(h[2])]),
      sum([usedElsewhere, param().mul(h[3])]).add(usedElsewhere),
      sum([leading, 3, h[1], param().mul(h[2]), param().mul(h[3])]).tanh(),
      sum([param(), h[0].mul(h[1]), h[2].mul(h[3])]),
      sum([param(), param().mul(point[0]), param().mul(h[0])]),
      sum([applyOp(OPS.mul, [point[1], param()]), applyOp(OPS.mul, [0.5, param()])]),
      sum([param().mul(h[1])]),
      applyOp(sumOfSquares, [param(), param().mul(h[2]), param().mul(h[3])]),
      sharedSum(param(), param().mul(h[1])),
      microgradNeuron(param(), h, param).relu(),
      microgradNeuron(param(), point, param).sub(param().mul(h[2])),
      param().add(usedElsewhere),
    );
  }
  return sum([...outputs, ...leaves.map((p) => p.mul(p))]);
}

const POINTS = [
  [0.5, -1.25],
  [1.5, 0.25],
  [-0.75, 0.8],
];
const PARAMETERS = 41;

function freshLeaves(random: { uniform(a: number, b: number): number }): Value[] {
  return Array.from({ length: PARAMETERS }, () => new Value(random.uniform(-1, 1)));
}

describe('replay with product groups', () => {
  const random = lcg(7);
  const leaves = freshLeaves(random);
  const root = network(leaves, POINTS);
  const compiled = trace(root);
  const generic = traceWithoutEval(root);
  const groups = groupsOf(compiled);

  test('the graph has groups of every kind and runs the generated loops', () => {
    expect(compiled._compiled).not.toBeNull();
    expect(generic._compiled).toBeNull();
    expect(compiled._inputSlots.length).toBeGreaterThan(STRAIGHT_LINE_LIMIT);
    expect(new Set(groups.map((g) => g.productMask))).toEqual(new Set([1, 2, 3]));
    expect(new Set(groups.map((g) => compiled._rows[g.last]))).toEqual(
      new Set([OPS.sum, sumOfSquares, OPS.add, OPS.sub]),
    );
    expect(groups.some((g) => g.last - g.first === 1)).toBe(true);
    const unaryRows = groups.filter((g) => g.unary).map((g) => compiled._rows[g.last + 1]);
    expect(new Set(unaryRows)).toEqual(new Set([OPS.relu, OPS.tanh]));
    expect(groups.some((g) => !g.unary && compiled._rows[g.last + 1]?.arity === 1)).toBe(true);
  });

  test('equals the generic loops bit for bit (values and gradients of every slot) and rebuilding the graph', () => {
    for (let trial = 0; trial < 3; trial++) {
      const point = leaves.map(() => random.uniform(-1.5, 1.5));
      const fromCompiled = replay(compiled, point);
      expect(replay(generic, point)).toEqual(fromCompiled);
      const fresh = point.map((d) => new Value(d));
      const rebuilt = network(fresh, POINTS);
      rebuilt.backward();
      expect(fromCompiled.values).toEqual(Array.from(trace(rebuilt).values));
      // Value.backward adds a node's gradient contributions in another order than replay where
      // the node has several uses (op by op replay does too), so gradients agree to rounding.
      fresh.forEach((v, i) => expect(fromCompiled.leafGrads[i]).toBeCloseTo(v.grad, 12));
    }
  });

  test('re-evaluating from any slot after a nudge there (inside groups too) equals the generic loops', () => {
    const point = leaves.map(() => random.uniform(-1.5, 1.5));
    replay(compiled, point);
    replay(generic, point);
    const starts = new Set<number>();
    for (const { first, last } of groups) for (let j = first; j <= last + 1; j++) starts.add(j + compiled._firstOp);
    for (let k = 1; k < compiled.size; k += 7) starts.add(k);
    for (const start of starts) {
      for (const tape of [compiled, generic]) {
        tape.forward();
        tape.values[start - 1] += 0.375;
        tape.values.fill(NaN, Math.max(start, tape._firstOp));
        tape._evaluateFrom(start);
      }
      expect(Array.from(compiled.values)).toEqual(Array.from(generic.values));
      expect(compiled.values.every(Number.isFinite)).toBe(true);
    }
  });

  test('checkNodes (re-evaluation from each slot) passes on a graph of groups', () => {
    const small = freshLeaves(lcg(3));
    const out = network(small, POINTS.slice(0, 1));
    const result = checkNodes(out);
    expect(trace(out)._inputSlots.length).toBeGreaterThan(STRAIGHT_LINE_LIMIT);
    expect(result.ok).toBe(true);
    out.backward();
    const leafRows = result.rows.filter((r) => small.includes(r.node));
    leafRows.forEach((r, i) => expect(r.analytic).toBeCloseTo(small[i].grad, 12));
  });
});

describe('replay skips a sum group whose gradient is 0', () => {
  /** 12 neurons relu(sum([b, w0·x0, w1·x1])) over shared inputs, summed: enough inputs for the loops. */
  function layer(inputs: Value[], weights: Value[]): Value {
    const neurons = [];
    for (let n = 0; n < 12; n++) {
      const [b, w0, w1] = weights.slice(3 * n, 3 * n + 3);
      neurons.push(sum([b, w0.mul(inputs[0]), w1.mul(inputs[1])]).relu());
    }
    return sum(neurons);
  }

  function bothWays(inputs: number[], weights: number[]): Array<ReturnType<typeof replay>> {
    const leaves = [...inputs, ...weights].map((d) => new Value(d));
    const root = layer(leaves.slice(0, 2), leaves.slice(2));
    const compiled = trace(root);
    expect(compiled._compiled).not.toBeNull();
    expect(compiled._inputSlots.length).toBeGreaterThan(STRAIGHT_LINE_LIMIT);
    const point = leaves.map((l) => l.data);
    return [replay(compiled, point), replay(traceWithoutEval(root), point)];
  }

  const random = lcg(11);
  const weights = Array.from({ length: 36 }, (_, i) => (i % 3 === 0 ? -5 : random.uniform(-1, 1)));

  test('with every relu off, gives the generic loops bit for bit (all gradients 0 below them)', () => {
    const [compiled, generic] = bothWays([0.5, -0.25], weights);
    expect(compiled).toEqual(generic);
    expect(compiled.leafGrads.every((g) => g === 0)).toBe(true);
  });

  test('not when the sum is infinite: 0 × ∞ reaches the weights as NaN, as op by op', () => {
    const [compiled, generic] = bothWays(
      [Infinity, 0.5],
      weights.map((w) => (w === -5 ? w : -Math.abs(w))),
    );
    expect(compiled).toEqual(generic);
    expect(compiled.leafGrads.some(Number.isNaN)).toBe(true);
  });
});
