/**
 * One semantics everywhere: on random graphs over every op row and custom rows, with kinks, ties,
 * zeros and non-finite values, every backward path gives the reference chain rule's doubles bit
 * for bit (Object.is: NaN, ±Infinity and the sign of zero included), and jvp agrees where it can.
 */
import fc from 'fast-check';
import { backwardSteps } from './backward-steps';
import { chainRule } from './chain-rule';
import { gradients } from './gradients';
import { jvp } from './jvp';
import { localGradients } from './local-gradients';
import { OPS, type OpName } from './ops';
import { _setStraightLineLimit } from './fast/tape-compile';
import { trace, type Tape } from './fast/tape';
import { PROPERTY_SEED } from './test-support/figures';
import { traceWithoutEval } from './test-support/replay';
import {
  buildExpr,
  type Expr,
  LEAF_COUNT,
  opsUsed,
  wellConditioned,
  wildExprArb,
  wildLeafValuesArb,
} from './test-support/random-expr';
import { topoSort } from './topo-sort';
import { Value } from './value';

const GRAPHS = 3000;

/** The first path whose doubles differ from the reference's, with what each gave; null if none. */
type Difference = { path: string; node: string; expected: number; got: number } | null;

function leavesAt(xs: readonly number[]): Value[] {
  return xs.map((x, i) => new Value(x, `x${i}`));
}

/** Compares `got` with the reference for every node of `nodes`, by Object.is. */
function firstDifference(
  path: string,
  nodes: readonly Value[],
  reference: Map<Value, number>,
  got: (v: Value) => number,
): Difference {
  for (const v of nodes) {
    const expected = reference.get(v) ?? 0;
    const actual = got(v);
    if (!Object.is(expected, actual))
      return { path, node: `#${v.id} ${v.op || 'leaf'} ${v.label}`, expected, got: actual };
  }
  return null;
}

/** Runs a tape's forward and backward from zeroed leaf gradients; compares values, slot and leaf gradients. */
function tapeDifference(path: string, tape: Tape, nodes: readonly Value[], reference: Map<Value, number>): Difference {
  tape.leaves.forEach((leaf) => (leaf.grad = 0));
  tape.forward();
  tape.backward();
  const slotOf = new Map<Value, number>();
  tape._nodes.forEach((v, k) => v !== null && slotOf.set(v, k));
  for (const v of nodes) {
    const k = slotOf.get(v);
    if (k === undefined) continue;
    if (!Object.is(tape.values[k], v.data))
      return { path: `${path} values`, node: `#${v.id}`, expected: v.data, got: tape.values[k] };
  }
  return (
    firstDifference(`${path} slots`, nodes, reference, (v) => {
      const k = slotOf.get(v);
      return k === undefined ? 0 : tape.grads[k];
    }) ?? firstDifference(`${path} leaves`, tape.leaves, reference, (v) => v.grad)
  );
}

/** Every backward path on one graph against the reference; the first difference, or null. */
function differences(expr: Expr, xs: readonly number[]): Difference {
  const leaves = leavesAt(xs);
  const out = buildExpr(expr, leaves);
  const nodes = topoSort(out);
  const ops = nodes.filter((v) => !v.isLeaf);
  const reference = chainRule(out);
  const inGraph = leaves.filter((leaf) => reference.has(leaf));

  out.backward();
  const once =
    firstDifference('backward() leaves', leaves, reference, (v) => v.grad) ??
    firstDifference('backward() intermediates', ops, reference, (v) => v.grad);
  if (once) return once;
  // A second pass recomputes the intermediates over what the first one wrote.
  leaves.forEach((leaf) => (leaf.grad = 0));
  out.backward();
  const twice =
    firstDifference('backward() twice, leaves', leaves, reference, (v) => v.grad) ??
    firstDifference('backward() twice, intermediates', ops, reference, (v) => v.grad);
  if (twice) return twice;

  const numbers = gradients(out, leaves).map((g) => g.data);
  const asValues = gradients(out, leaves, { createGraph: true }).map((g) => g.data);
  const steps = backwardSteps(out).grads;
  const functional =
    firstDifference('gradients()', leaves, reference, (v) => numbers[leaves.indexOf(v)]) ??
    firstDifference('gradients(createGraph)', leaves, reference, (v) => asValues[leaves.indexOf(v)]) ??
    firstDifference('backwardSteps', nodes, reference, (v) => steps.get(v) ?? 0);
  if (functional) return functional;

  const compiled = trace(out);
  const tapes =
    tapeDifference(
      compiled._inputSlots.length <= 32 ? 'straight-line tape' : 'switch-loop tape',
      compiled,
      nodes,
      reference,
    ) ?? tapeDifference('generic tape', traceWithoutEval(out), nodes, reference);
  if (tapes) return tapes;
  _setStraightLineLimit(0);
  try {
    const loops = tapeDifference('switch-loop tape', trace(out), nodes, reference);
    if (loops) return loops;
  } finally {
    _setStraightLineLimit();
  }

  // Forward mode sums the same products in another order and multiplies every local gradient by a
  // tangent (0 × ∞ = NaN on edges reverse mode never weighs; cancellations round differently), so
  // it is compared to rounding on well-conditioned graphs (values bounded, kinks away) only.
  const finite = wellConditioned(out, nodes) && ops.every((v) => localGradients(v).every((d) => Math.abs(d) <= 1e3));
  for (const leaf of inGraph) {
    const i = leaves.indexOf(leaf);
    const tangents = xs.map((_, k) => (k === i ? 1 : 0));
    const forward = jvp((...ls) => buildExpr(expr, ls), xs, tangents);
    if (!Object.is(forward.value, out.data))
      return { path: 'jvp value', node: 'root', expected: out.data, got: forward.value };
    const expected = reference.get(leaf)!;
    const close = Math.abs(forward.tangent - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    if (finite && !close) return { path: 'jvp', node: leaf.label, expected, got: forward.tangent };
  }
  return null;
}

const caseArb = fc.record({ expr: wildExprArb(), xs: wildLeafValuesArb });

test('the wild generator reaches every row, custom rows, kinks, ties and non-finite values', () => {
  const samples = fc.sample(caseArb, { seed: PROPERTY_SEED, numRuns: GRAPHS });
  const seen = new Set<OpName | string>();
  let nonFinite = 0;
  let kinks = 0;
  for (const { expr, xs } of samples) {
    opsUsed(expr, seen as Set<OpName>);
    const out = buildExpr(expr, leavesAt(xs));
    const nodes = topoSort(out);
    if (nodes.some((v) => !Number.isFinite(v.data))) nonFinite++;
    const atKink = (v: Value): boolean =>
      ((v.op === 'relu' || v.op === 'abs') && v.inputs[0].data === 0) ||
      ((v.op === 'max' || v.op === 'min') && v.inputs[0].data === v.inputs[1].data);
    if (nodes.some(atKink)) kinks++;
    if (nodes.some((v) => v.op === 'softsign' || v.op === 'meanSquare')) seen.add('custom');
  }
  expect([...Object.keys(OPS), 'custom'].filter((name) => !seen.has(name))).toEqual([]);
  expect(nonFinite).toBeGreaterThan(GRAPHS / 10);
  expect(kinks).toBeGreaterThan(GRAPHS / 20);
  expect(LEAF_COUNT).toBe(4);
});

test(`every backward path gives the reference chain rule's doubles on ${GRAPHS} random graphs`, () => {
  fc.assert(
    fc.property(caseArb, ({ expr, xs }) => {
      expect(differences(expr, xs)).toBeNull();
    }),
    { seed: PROPERTY_SEED, numRuns: GRAPHS },
  );
});
