import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { Value, sum } from '@chainrule/core';
import { toGraph, valueKey } from './to-graph';
import { toGraphml } from './to-graphml';
import { parseXmlStrict } from './test-support/parse-xml';
import { xmlSafe } from './xml-escape';

describe('toGraphml', () => {
  it("holds the model's nodes, edges and exact numbers, read back by graphology-graphml's parser", () => {
    const x = new Value(0.3, 'x');
    const y = x.mul(x).add(x.tanh());
    y.backward();
    const model = toGraph(y);
    const text = toGraphml(y);
    parseXmlStrict(text);
    const back = parse(MultiDirectedGraph, text);
    expect(back.order).toBe(model.order);
    expect(back.size).toBe(model.size);
    model.forEachNode((key, attributes) => {
      const read = back.getNodeAttributes(key);
      const { label, ...rest } = attributes as typeof attributes & { label?: string };
      expect(read).toMatchObject(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)));
      if (attributes.type === 'value') expect(read.name).toBe(label);
    });
    model.forEachEdge((key, attributes, source, target) => {
      expect(back.source(key)).toBe(source);
      expect(back.target(key)).toBe(target);
      expect(back.getEdgeAttributes(key)).toMatchObject(
        Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null)),
      );
    });
    expect(back.getNodeAttribute(valueKey(x.id), 'grad')).toBe(2 * 0.3 + 1 - Math.tanh(0.3) ** 2); // d/dx (x² + tanh x)
  });

  it('writes NaN and ±Infinity so that parsers read them back', () => {
    const a = new Value(-1, 'a');
    const out = a.log().add(new Value(1000).exp()).add(new Value(1000).exp().neg());
    const back = parse(MultiDirectedGraph, toGraphml(out));
    const data = back.mapNodes((_key, attributes) => attributes.data as number);
    expect(data.filter(Number.isNaN).length).toBeGreaterThan(0);
    expect(data).toContain(Infinity);
    expect(data).toContain(-Infinity);
  });

  it('keeps hostile labels as text', () => {
    const label = '<script>alert("x")</script>\' & \u0001 ∂ 😀\nline2';
    const x = new Value(1, label);
    const text = toGraphml(x.neg());
    expect(parseXmlStrict(text).getElementsByTagName('script')).toHaveLength(0);
    expect(parse(MultiDirectedGraph, text).getNodeAttribute(valueKey(x.id), 'name')).toBe(
      label.replace('\u0001', '\uFFFD'),
    );
  });

  it('keeps line ends of XML 1.1 (NEL, LINE SEPARATOR) in labels, which the parser would turn into \\n', () => {
    const labels = ['a\u0085b', 'c\u2028d', 'e\u2029f\r\ng'];
    const leaves = labels.map((label, k) => new Value(k, label));
    const back = parse(MultiDirectedGraph, toGraphml(sum(leaves)));
    leaves.forEach((leaf, k) => expect(back.getNodeAttribute(valueKey(leaf.id), 'name')).toBe(labels[k]));
  });

  it('keeps any label, of any code points, as its text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { minLength: 1, maxLength: 5 }), (labels) => {
        const leaves = labels.map((label, k) => new Value(k, label));
        const text = toGraphml(sum(leaves));
        parseXmlStrict(text);
        const back = parse(MultiDirectedGraph, text);
        leaves.forEach((leaf, k) => expect(back.getNodeAttribute(valueKey(leaf.id), 'name')).toBe(xmlSafe(labels[k])));
      }),
      { seed: PROPERTY_SEED, numRuns: 200 },
    );
  });
});
