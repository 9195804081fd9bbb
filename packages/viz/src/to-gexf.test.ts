import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { Value, sum } from '@chainrule/core';
import { toGexf } from './to-gexf';
import { toGraph, valueKey } from './to-graph';
import { parseXmlStrict } from './test-support/parse-xml';
import { xmlSafe } from './xml-escape';

describe('toGexf', () => {
  it("writes every node, edge and attribute of the model, read back exactly by graphology's parser", () => {
    const i = new Value(1.5, 'i');
    const w = new Value(0.8, 'w');
    const C = i.mul(w).sub(0.5).pow(2);
    C.backward();
    const model = toGraph(C);
    const text = toGexf(C);
    parseXmlStrict(text);
    const back = parse(MultiDirectedGraph, text);
    expect(back.order).toBe(model.order);
    expect(back.size).toBe(model.size);
    const node = back.getNodeAttributes(valueKey(w.id));
    expect(node).toMatchObject({ label: 'w = 0.8', name: 'w', kind: 'leaf', data: 0.8, grad: w.grad, type: 'value' });
    expect(node.grad).toBe(2.1000000000000005); // exact, not rounded
    model.forEachEdge((key, attributes) => {
      expect(back.getEdgeAttributes(key)).toMatchObject(
        Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null)),
      );
    });
  });

  it('keeps hostile labels as text and leaves out grads not computed yet', () => {
    const label = '<script>alert("x")</script>\' & \u0001\u001F ∂ 😀\nline2';
    const x = new Value(2, label);
    const text = toGexf(x.exp());
    const doc = parseXmlStrict(text);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    const back = parse(DirectedGraph, text);
    expect(back.getNodeAttribute(valueKey(x.id), 'name')).toBe(
      label.replace('\u0001', '\uFFFD').replace('\u001F', '\uFFFD'),
    );
    expect(back.getNodeAttribute(valueKey(x.id), 'grad')).toBeUndefined();
  });

  it('keeps any label, of any code points, as its name (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 4 }), (labels) => {
        const leaves = labels.map((label, k) => new Value(k + 0.5, label));
        const text = toGexf(sum(leaves));
        parseXmlStrict(text);
        const back = parse(MultiDirectedGraph, text);
        leaves.forEach((leaf, k) => {
          // An empty label is an empty GEXF value, which GEXF readers treat as absent.
          const name = back.getNodeAttribute(valueKey(leaf.id), 'name');
          if (labels[k] === '') expect(name ?? '').toBe('');
          else expect(name).toBe(xmlSafe(labels[k]));
        });
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });
});
