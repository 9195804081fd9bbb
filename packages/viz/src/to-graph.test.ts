import { Value } from '@chainrule/core';
import {
  toGraph,
  valueKey,
  opKey,
  inputEdgeKey,
  resultEdgeKey,
  valueAttributes,
  type InputEdgeAttributes,
  type ValueNodeAttributes,
} from './to-graph';
import { article } from './test-support/article';
import { VizError } from './viz-error';

function valueAttrs(g: ReturnType<typeof toGraph>, v: Value): ValueNodeAttributes {
  return g.getNodeAttributes(valueKey(v.id)) as ValueNodeAttributes;
}

describe('toGraph', () => {
  test('x*x has two input edges, one per argument, with local gradient x each', () => {
    const x = new Value(3, 'x');
    const y = x.mul(x);
    y.backward();
    const g = toGraph(y);
    const edges = g.inEdges(opKey(y.id)).sort();
    expect(edges).toEqual([inputEdgeKey(y.id, 0), inputEdgeKey(y.id, 1)]);
    for (const e of edges) {
      expect(g.source(e)).toBe(valueKey(x.id));
      const attrs = g.getEdgeAttributes(e) as InputEdgeAttributes;
      expect(attrs.local).toBe(3);
      expect(attrs.contribution).toBe(3);
    }
    expect(valueAttrs(g, x).grad).toBe(6); // d(x²)/dx = 2x
  });

  test('a fan-out node has the sum of its contributions as its gradient', () => {
    const x = new Value(0.7, 'x');
    const out = x.tanh().add(x.mul(2)).add(x.exp());
    out.backward();
    const g = toGraph(out);
    const contributions = g
      .outEdges(valueKey(x.id))
      .map((e) => (g.getEdgeAttributes(e) as InputEdgeAttributes).contribution as number);
    expect(contributions).toHaveLength(3);
    const total = contributions.reduce((s, c) => s + c, 0);
    expect(total).toBeCloseTo(valueAttrs(g, x).grad as number, 12);
    // Independent oracle: 1 - tanh² + 2 + exp.
    expect(total).toBeCloseTo(1 - Math.tanh(0.7) ** 2 + 2 + Math.exp(0.7), 12);
  });

  test("the article's graph after backward: dC/dw = 2.1, dC/da = 1.4, kinds and labels", () => {
    const { i, w, y, a, C } = article();
    C.backward();
    const g = toGraph(C, { parameters: [w] });
    expect(g.getAttributes()).toEqual({ rootId: C.id, gradsComputed: true });
    expect(valueAttrs(g, w)).toMatchObject({ kind: 'parameter', label: 'w', data: 0.8 });
    expect(valueAttrs(g, w).grad).toBeCloseTo(2.1, 12);
    expect(valueAttrs(g, a).grad).toBeCloseTo(1.4, 12);
    expect(valueAttrs(g, i).kind).toBe('leaf');
    expect(valueAttrs(g, y).kind).toBe('leaf');
    expect(valueAttrs(g, C)).toMatchObject({ kind: 'output', grad: 1, op: 'pow' });
    expect(g.getNodeAttributes(opKey(C.id))).toMatchObject({ type: 'op', op: 'pow', symbol: '^', valueId: C.id });
    expect(g.getEdgeAttributes(resultEdgeKey(C.id))).toEqual({ type: 'result' });
    // The exponent 2 is a constant: drawn, but it gets no gradient and no contribution.
    const exponent = g.source(inputEdgeKey(C.id, 1));
    expect(g.getNodeAttributes(exponent)).toMatchObject({ kind: 'constant', data: 2, grad: null });
    expect((g.getEdgeAttributes(inputEdgeKey(C.id, 1)) as InputEdgeAttributes).contribution).toBeNull();
  });

  test('before backward every gradient and contribution is null, never 0', () => {
    const { C } = article();
    const g = toGraph(C);
    expect(g.getAttribute('gradsComputed')).toBe(false);
    g.forEachNode((_, attrs) => {
      if (attrs.type === 'value') expect(attrs.grad).toBeNull();
    });
    g.forEachEdge((_, attrs) => {
      if (attrs.type === 'input') {
        expect(attrs.contribution).toBeNull();
        expect(Number.isFinite(attrs.local)).toBe(true);
      }
    });
  });

  test("'compute' gives backward's gradients without mutating any .grad", () => {
    const { w, a, C } = article();
    const g = toGraph(C, { grads: 'compute' });
    expect(valueAttrs(g, w).grad).toBeCloseTo(2.1, 12);
    expect(valueAttrs(g, a).grad).toBeCloseTo(1.4, 12);
    expect([w.grad, a.grad, C.grad]).toEqual([0, 0, 0]);
    C.backward();
    const after = toGraph(C);
    expect(valueAttrs(after, w).grad).toBeCloseTo(valueAttrs(g, w).grad as number, 12);
  });

  test("'none' hides gradients even after backward; constants: false drops constants and their edges", () => {
    const { C } = article();
    C.backward();
    const g = toGraph(C, { grads: 'none', constants: false });
    expect(g.getAttribute('gradsComputed')).toBe(false);
    g.forEachNode((_, attrs) => {
      if (attrs.type === 'value') {
        expect(attrs.grad).toBeNull();
        expect(attrs.kind).not.toBe('constant');
      }
    });
    expect(g.hasEdge(inputEdgeKey(C.id, 1))).toBe(false);
    expect(g.hasEdge(inputEdgeKey(C.id, 0))).toBe(true);
  });

  test('ids are stable: drawing the same graph twice gives the same keys, from Value.id', () => {
    const { C } = article();
    const first = toGraph(C);
    const second = toGraph(C);
    expect(second.nodes()).toEqual(first.nodes());
    expect(second.edges()).toEqual(first.edges());
    expect(first.nodes()).toContain(valueKey(C.id));
  });

  test('nodes are added in topological order (every node after its inputs)', () => {
    const { C } = article();
    const g = toGraph(C);
    const position = new Map(g.nodes().map((k, n) => [k, n]));
    g.forEachEdge((_, __, source, target) => {
      expect(position.get(source)!).toBeLessThan(position.get(target)!);
    });
  });

  test("valueAttributes: a Value's kind, numbers and gradient, read by the given reader", () => {
    const { i, w, a, C } = article();
    C.backward();
    const two = C.inputs.find((v) => v.isConstant)!; // the exponent of (a - y)^2
    const parameters = new Set([w]);
    const current = (v: Value): number => v.grad;
    const attributes = (v: Value) => valueAttributes(v, C, parameters, current);
    // dC/dw = 2(a - y)·i = 2.1 and dC/di = 2(a - y)·w = 1.12, by hand.
    expect(attributes(w)).toEqual({
      type: 'value',
      kind: 'parameter',
      id: w.id,
      label: 'w',
      op: '',
      data: 0.8,
      grad: expect.closeTo(2.1, 12),
    });
    expect(attributes(i)).toMatchObject({ kind: 'leaf', label: 'i', data: 1.5, grad: expect.closeTo(1.12, 12) });
    expect(attributes(a)).toMatchObject({ kind: 'intermediate', label: 'a', op: 'mul', data: expect.closeTo(1.2, 12) });
    expect(attributes(C)).toMatchObject({ kind: 'output', id: C.id, grad: 1 });
    expect(attributes(two)).toMatchObject({ kind: 'constant', op: 'const', data: 2, grad: null });
    expect(valueAttributes(w, C, parameters, null).grad).toBeNull();
  });

  test('rejects a non-Value root and an unknown grads mode with a clear message', () => {
    expect(() => toGraph(3 as unknown as Value)).toThrow(/@chainrule\/viz\/toGraph: expected a Value/);
    expect(() => toGraph(new Value(1), { grads: 'yes' as 'auto' })).toThrow(/unknown grads option "yes"/);
  });

  test('refuses a graph larger than maxValues, naming the option', () => {
    let x = new Value(0.1, 'x');
    for (let k = 0; k < 20; k++) x = x.tanh();
    expect(() => toGraph(x, { maxValues: 10 })).toThrow(
      new VizError(
        '@chainrule/viz/toGraph: the graph has 21 Values, over the limit of 10 (the graph model costs about a ' +
          'kilobyte per node and edge). Draw a smaller sub-graph, or pass { maxValues: 21 } to try anyway.',
      ),
    );
    expect(() => toGraph(x, { maxValues: 10 })).toThrow(VizError);
  });

  test('a deep chain is built without recursion; a chain of 10^6 is refused quickly by the size limit', () => {
    const x = new Value(0.5, 'x');
    let y = x;
    for (let k = 0; k < 100_000; k++) y = y.neg();
    const g = toGraph(y, { grads: 'compute' });
    expect(g.order).toBe(200_001);
    expect(g.size).toBe(200_000);
    expect(valueAttrs(g, x).grad).toBe(1); // an even number of negations
    for (let k = 0; k < 900_000; k++) y = y.neg();
    expect(() => toGraph(y)).toThrow(/1000001 Values, over the limit of 500000 .*\{ maxValues: 1000001 \}/);
  });
});

test("the grads option draws the same gradients: 'compute' (the chain rule) and 'current' (after backward())", () => {
  // relu(sqrt(x) − 1) at x = 0: 0 × ∞ = NaN reaches x on every path, as in PyTorch.
  const x = new Value(0, 'x');
  const out = x.sqrt().sub(1).relu();
  const computed = toGraph(out, { grads: 'compute' }).getNodeAttributes(valueKey(x.id)) as ValueNodeAttributes;
  out.backward();
  const current = toGraph(out, { grads: 'current' }).getNodeAttributes(valueKey(x.id)) as ValueNodeAttributes;
  expect(computed.grad).toBeNaN();
  expect(current.grad).toBeNaN();
});
