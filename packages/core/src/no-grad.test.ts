/**
 * detach() and noGrad(fn): a detached copy and everything computed under noGrad are constants,
 * so no gradient flows through them, as with PyTorch's detach / no_grad and JAX's stop_gradient.
 */
import { noGrad } from './no-grad';
import { topoSort } from './topo-sort';
import { sum, Value } from './value';

test('detach cuts the graph: d/dx (x · detach(x)) = x, not 2x', () => {
  const x = new Value(3, 'x');
  const d = x.square().detach();
  expect([d.data, d.isLeaf, d.isConstant, d.inputs.length]).toEqual([9, true, true, 0]);
  const out = x.mul(d);
  out.backward();
  expect(x.grad).toBe(9); // d(x · c)/dx with c = x² held constant
  expect(d.grad).toBe(0);
});

test('ops under noGrad build no graph: their results are constants holding the same numbers', () => {
  const w = new Value(0.8, 'w');
  const built = w.mul(1.5).sub(0.5).square();
  const inside = noGrad(() => w.mul(1.5).sub(0.5).square());
  expect(inside.data).toBe(built.data);
  expect(inside.isConstant).toBe(true);
  expect(topoSort(inside)).toEqual([inside]);
  expect(noGrad(() => sum([w, w]).tanh()).isConstant).toBe(true);
  // an optimizer update under noGrad: the parameter stays a leaf, nothing is recorded
  noGrad(() => {
    w.data = w.sub(0.1 * 2.1).data;
  });
  expect(w.data).toBeCloseTo(0.59, 15);
  // outside again, ops build graphs
  expect(w.mul(2).isLeaf).toBe(false);
});

test('noGrad returns what fn returns, nests, and restores the mode when fn throws', () => {
  const x = new Value(2);
  expect(noGrad(() => noGrad(() => 5) + 1)).toBe(6);
  expect(() =>
    noGrad(() => {
      throw new Error('boom');
    }),
  ).toThrow('boom');
  expect(x.mul(3).isLeaf).toBe(false);
  expect(() => noGrad(3 as never)).toThrow(
    '@chainrule/core/noGrad: expected a function to run without a graph, got the number 3',
  );
});
