/**
 * The order and bookkeeping of backward.ts: a node reached through consumers met in different
 * orders still gets its whole gradient before it passes it on, a pass stopped by an anomaly leaves
 * nothing behind for the next one, the reused arrays never keep a graph alive, and nodes whose
 * gradient is 0 are skipped only where that changes nothing.
 */
import { AnomalyError, detectAnomaly } from './anomaly';
import { gradients } from './gradients';
import { lcg } from './test-support/lcg';
import { sum, Value } from './value';

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

test('nodes whose gradient is 0 (off relus) add nothing: the same gradients as gradients(), zeros exact', () => {
  const random = lcg(5);
  const weights = Array.from({ length: 40 }, () => new Value(random.uniform(-1, 1)));
  const inputs = [new Value(0.7), new Value(-1.2)];
  const hidden = Array.from({ length: 10 }, (_, n) =>
    sum([weights[4 * n], weights[4 * n + 1].mul(inputs[0]), weights[4 * n + 2].mul(inputs[1])]).relu(),
  );
  const out = sum(hidden.map((h, n) => weights[4 * n + 3].mul(h)));
  const leaves = [...weights, ...inputs];
  expect(hidden.some((h) => h.data === 0)).toBe(true);
  const expected = gradients(out, leaves).map((g) => g.data);
  out.backward();
  leaves.forEach((leaf, i) => {
    expect(leaf.grad).toBeCloseTo(expected[i], 14);
    if (expected[i] === 0) expect(Object.is(leaf.grad, 0)).toBe(true);
  });
});

test('a product with gradient 0 and an infinite factor still sends 0 × ∞ = NaN, as in PyTorch', () => {
  const w = new Value(2, 'w');
  const x = new Value(-Infinity, 'x');
  const off = w.mul(x).relu(); // relu(-∞) = 0, so the product's gradient is 0
  off.backward();
  expect(Number.isNaN(w.grad)).toBe(true);
  expect(x.grad).toBe(0);
});
