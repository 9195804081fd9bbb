/**
 * Nothing recurses on graph depth: a chain of 10^6 steps (2·10^6 ops) builds, runs backward, sorts,
 * zeroes and prints without a stack overflow, and gives the closed-form gradient.
 */
import { topoSort } from './topo-sort';
import { Value } from './value';

test('a chain of 10^6 steps: backward, topoSort, zeroGrad, toString', () => {
  const n = 1e6;
  const x0 = new Value(1, 'x0');
  let x = x0;
  for (let k = 0; k < n; k++) x = x.mul(1.0001).add(0.0001);
  x.backward();
  expect(x0.grad / Math.pow(1.0001, n)).toBeCloseTo(1, 9);
  const order = topoSort(x);
  expect(order.length).toBe(4 * n + 1); // x0, the 2n ops and their 2n constants
  expect(order[0]).toBe(x0);
  expect(order[order.length - 1]).toBe(x);
  x.zeroGrad();
  expect(x0.grad).toBe(0);
  expect(x.toString()).toMatch(/^Value\(data=5\.34942198622\d+e\+43, grad=0\)$/);
});
