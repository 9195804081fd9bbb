/**
 * checkNodes: a correct graph passes at every node; a deliberately wrong op row is pinned to the
 * node that uses it; the O(N²) cost is bounded by maxNodes with a clear error.
 */
import { checkNodes } from './check-nodes';
import { WRONG_MUL, WRONG_TANH } from './test-support/wrong-rows';
import { applyOp, sum, Value } from './value';

test('a correct graph passes at every node, gradients matching autograd', () => {
  const x = new Value(0.5, 'x');
  const y = new Value(-1.2, 'y');
  const h = x.mul(y).tanh();
  const out = sum([h.mul(h), y.exp().div(x.add(2)), x.pow(y.square())]);
  const result = checkNodes(out);
  expect(result.ok).toBe(true);
  expect(result.culprits).toEqual([]);
  const row = (v: Value) => result.rows.find((r) => r.node === v)!;
  out.backward();
  expect(row(x).analytic).toBe(x.grad);
  expect(row(h).analytic).toBe(h.grad);
  expect(row(out).numeric).toBeCloseTo(1, 8);
  expect(result.rows.length).toBe(2 + 9); // the variables and the op nodes; constants are not checked
  expect(x.grad).toBe(row(x).analytic); // checkNodes itself changed no .grad
});

test('a wrong op row is pinned to the node that has it', () => {
  const x = new Value(0.7, 'x');
  const y = new Value(0.4, 'y');
  const p = x.mul(y);
  const t = applyOp(WRONG_TANH, [p]);
  t.label = 't';
  const out = t.mul(3).add(x.square());
  const result = checkNodes(out);
  expect(result.ok).toBe(false);
  expect(result.culprits).toEqual([t]);
  const row = (v: Value) => result.rows.find((r) => r.node === v)!;
  expect(row(t).localOk).toBe(false);
  expect(row(t).ok).toBe(true); // d out / d t is right: the error enters below t
  expect(row(p).ok).toBe(false);
  expect(row(p).localOk).toBe(true);
  expect(row(x).ok).toBe(false);
  expect(row(out).ok && row(out).localOk).toBe(true);
});

test('a wrong binary row: only the wrong input edge fails its local check', () => {
  const a = new Value(2, 'a');
  const b = new Value(3, 'b');
  const m = applyOp(WRONG_MUL, [a, b]);
  const result = checkNodes(m.add(1));
  expect(result.culprits).toEqual([m]);
  const local = result.rows.find((r) => r.node === m)!.local;
  expect(local.map((c) => c.ok)).toEqual([false, true]);
  expect(local[0].analytic).toBeCloseTo(3.3, 12);
  expect(local[0].numeric).toBeCloseTo(3, 6);
});

test('the node limit bounds the quadratic cost with a clear error', () => {
  let x = new Value(1, 'x');
  for (let k = 0; k < 60; k++) x = x.mul(1.01);
  expect(() => checkNodes(x, { maxNodes: 50 })).toThrow(
    '@chainrule/core/checkNodes: the graph has 61 nodes to check, more than maxNodes (50)',
  );
  expect(checkNodes(x).ok).toBe(true);
  expect(() => checkNodes(x, { maxNodes: -1 })).toThrow('maxNodes must be a non-negative number');
});
