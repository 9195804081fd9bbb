import { Value, sum } from '@chainrule/core';
import { toJSON } from './to-json';
import { article } from './test-support/article';

describe('toJSON', () => {
  it("writes the article's graph with its numbers, inputs before users and the root last", () => {
    const { C } = article();
    C.backward();
    const doc = toJSON(C);
    expect(doc.format).toBe('chainrule-graph');
    expect(doc.version).toBe(1);
    expect(doc.nodes.map((n) => n.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(doc.root).toBe(7);
    const byLabel = new Map(doc.nodes.map((n) => [n.label, n]));
    expect(byLabel.get('w')!.grad).toBeCloseTo(2.1, 12); // the article's first dC/dw
    expect(byLabel.get('C')!.data).toBeCloseTo(0.49, 12);
    expect(byLabel.get('C')!.op).toBe('pow');
    const exponent = doc.nodes.find((n) => n.op === 'const')!;
    expect(exponent.data).toBe(2);
    const seen = new Set<number>();
    for (const n of doc.nodes) {
      for (const input of n.inputs) expect(seen.has(input)).toBe(true);
      seen.add(n.id);
    }
  });

  it('keeps engine ids on request, matching Value.id', () => {
    const { C, w } = article();
    const doc = toJSON(C, { ids: 'engine' });
    expect(doc.root).toBe(C.id);
    expect(doc.nodes.find((n) => n.label === 'w')!.id).toBe(w.id);
  });

  it('writes x*x with the same input twice and sum with all its terms', () => {
    const x = new Value(3, 'x');
    const s = sum([x.mul(x), x, 4]);
    const doc = toJSON(s);
    const mul = doc.nodes.find((n) => n.op === 'mul')!;
    const xId = doc.nodes.find((n) => n.label === 'x')!.id;
    expect(mul.inputs).toEqual([xId, xId]);
    expect(doc.nodes.find((n) => n.op === 'sum')!.inputs).toHaveLength(3);
  });

  it('refuses NaN and Infinity, naming the node', () => {
    const x = new Value(-1, 'x');
    expect(() => toJSON(x.log())).toThrow(/toJSON: node 2 \(op log\) holds data NaN/);
    expect(() => toJSON(new Value(Infinity, 'big'))).toThrow(/node 1 \("big", leaf\) holds data Infinity/);
  });

  it('rejects a non-Value and a bad ids option', () => {
    expect(() => toJSON(3 as unknown as Value)).toThrow(/@chainrule\/viz\/toJSON: expected a Value, got the number 3/);
    expect(() => toJSON(new Value(1), { ids: 'x' as 'engine' })).toThrow(/options.ids/);
  });
});
