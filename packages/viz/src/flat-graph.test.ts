import { Value } from '@chainrule/core';
import { flattenGraph, flattenValues, type FlatGraph } from './flat-graph';
import { toGraph, type ValueNodeAttributes } from './to-graph';
import { mlpLoss } from './test-support/mlp-graph';

/** Per Value id: its attributes, its inputs' ids and contributions (orders may differ between builds). */
function normalise(f: FlatGraph) {
  const byId = new Map<number, { attrs: ValueNodeAttributes; inputs: number[]; contributions: Array<number | null> }>();
  f.values.forEach((attrs, i) => {
    const range = [...Array(f.inputStart[i + 1] - f.inputStart[i]).keys()].map((k) => f.inputStart[i] + k);
    byId.set(attrs.id, {
      attrs,
      inputs: range.map((e) => f.values[f.inputIndex[e]].id),
      contributions: range.map((e) => f.contribution[e]),
    });
  });
  expect(f.values[f.rootIndex].kind).toBe('output');
  return byId;
}

describe('flat graphs', () => {
  test('built from the Values, it equals the flat copy of toGraph (values, inputs, contributions)', () => {
    const { loss, parameters } = mlpLoss([2, 3, 1], 2, 5);
    for (const grads of ['auto', 'compute'] as const) {
      if (grads === 'auto') loss.backward();
      const a = normalise(flattenValues(loss, { parameters, grads }));
      const b = normalise(flattenGraph(toGraph(loss, { parameters, grads })));
      expect(a).toEqual(b);
      expect(a.get(loss.id)!.attrs.grad).toBe(1);
    }
  });

  test('inputs come in argument order and before their consumer; x*x lists x twice', () => {
    const x = new Value(3, 'x');
    const y = x.mul(x).sub(x);
    const f = flattenValues(y);
    const at = (i: number) => [...f.inputIndex.slice(f.inputStart[i], f.inputStart[i + 1])];
    const product = f.values.findIndex((v) => v.op === 'mul');
    const xi = f.values.findIndex((v) => v.label === 'x');
    expect(at(product)).toEqual([xi, xi]);
    f.values.forEach((_, i) => at(i).forEach((j) => expect(j).toBeLessThan(i)));
    expect(f.gradsComputed).toBe(false);
    expect(f.contribution.every((c) => c === null)).toBe(true);
  });

  test('a graph whose nodes are not in topological order is sorted', () => {
    const x = new Value(2, 'x');
    const y = x.exp().log();
    y.backward();
    const g = toGraph(y);
    const shuffled = g.copy();
    shuffled.clear();
    [...g.nodes()].reverse().forEach((k) => shuffled.addNode(k, g.getNodeAttributes(k)));
    g.forEachEdge((k, a, s, t) => shuffled.addDirectedEdgeWithKey(k, s, t, a));
    shuffled.replaceAttributes(g.getAttributes());
    expect(flattenGraph(shuffled).values.map((v) => v.id)).toEqual(flattenGraph(g).values.map((v) => v.id));
  });
});
