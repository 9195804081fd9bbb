/**
 * The order and bookkeeping of backward.ts: a node reached through consumers met in different
 * orders still gets its whole gradient before it passes it on, a pass stopped by an anomaly leaves
 * nothing behind for the next one, and the reused arrays never keep a graph alive.
 */
import { AnomalyError, detectAnomaly } from './anomaly';
import { Value } from './value';

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
