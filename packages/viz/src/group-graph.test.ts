import { Value } from '@chainrule/core';
import { groupGraph } from './group-graph';
import { renderSvg } from './render-svg';
import { toGraph } from './to-graph';
import { mlpLoss } from './test-support/mlp-graph';
import { parseXmlStrict } from './test-support/parse-xml';

describe('groupGraph', () => {
  test('an MLP over a batch groups into one box per neuron, uses merged, leaves counted', () => {
    const batch = 10;
    const { loss, parameters } = mlpLoss([2, 4, 4, 1], batch, 3);
    loss.backward();
    const { groups, edges, nodeCount } = groupGraph(toGraph(loss, { parameters }));
    // 4 + 4 hidden neurons, the margins relu(1 − y·score) with the output neuron inside, the output.
    expect(groups).toHaveLength(10);
    const sizes = groups.map((g) => `${g.op}:${g.outputs.length}:${g.leaves}`).sort();
    // op : uses : leaves. The loss box reads every parameter (the L2 penalty); the margins' box
    // reads the output neuron's 5.
    expect(parameters.length).toBe(4 * 3 + 4 * 5 + 5);
    expect(sizes).toEqual(['add:1:37', ...Array(4).fill('relu:10:3'), ...Array(5).fill('relu:10:5')].sort());
    // Every parameter's gradient arrives through a leaf edge of some group: the totals agree.
    const sent = groups.reduce((s, g) => s + (g.leafContribution as number), 0);
    const total = parameters.reduce((s, p) => s + p.grad, 0);
    expect(sent).toBeCloseTo(total, 10);
    // The margins' gradients are 1/batch each, so their box carries Σ = 1.
    const margins = groups.find((g) => g.op === 'relu' && g.leaves === 5 && g.terms === 0)!;
    expect(margins.outputs.reduce((s, o) => s + (o.grad as number), 0)).toBeCloseTo(1, 12);
    // Layer 1 feeds layer 2 in full: 4 × 4 merged edges, each standing for `batch` graph edges.
    const hidden1 = new Set(groups.filter((g) => g.leaves === 3).map((g) => g.key));
    const between = edges.filter((e) => hidden1.has(e.source));
    expect(between).toHaveLength(16);
    expect(between.every((e) => e.count === batch)).toBe(true);
    expect(nodeCount).toBeGreaterThan(1000);
  });

  test('labelled values start their own group; unlabelled ones join their single consumer', () => {
    const i = new Value(1.5, 'i');
    const w = new Value(0.8, 'w');
    const a = i.mul(w);
    a.label = 'a';
    const C = a.sub(0.5).pow(2);
    C.backward();
    const { groups, edges } = groupGraph(toGraph(C));
    expect(groups.map((g) => g.outputs[0].label)).toEqual(['', 'a']); // C (unlabelled root), then a
    expect(groups[0]).toMatchObject({ opsPerUse: 2, leaves: 0 });
    expect(groups[1]).toMatchObject({ opsPerUse: 1, leaves: 2 });
    expect(groups[1].leafContribution).toBeCloseTo(1.4 * 0.8 + 1.4 * 1.5, 12); // dC/di + dC/dw
    expect(edges).toHaveLength(1);
    expect(edges[0].contribution).toBeCloseTo(1.4, 12); // dC/da flows from C's box into a's
  });
});

describe('renderSvg on large graphs', () => {
  test('a graph over maxNodes is drawn grouped, says so, and stays well-formed', () => {
    const { loss, parameters } = mlpLoss([2, 4, 4, 1], 10, 3);
    loss.backward();
    const svg = renderSvg(loss, { parameters, maxNodes: 300 });
    const doc = parseXmlStrict(svg, 'image/svg+xml');
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts.some((t) => /^Grouped: [\d,]+ values and ops drawn as 10 boxes\.$/.test(t))).toBe(true);
    expect(texts.filter((t) => t === 'neuron ReLU(Σ 3)')).toHaveLength(4);
    expect(texts.filter((t) => t === '×10 · 4 ops each · 3 leaves')).toHaveLength(4);
  });

  test("group: 'always' groups a small graph; before backward the boxes show no gradient", () => {
    const x = new Value(2, 'x');
    const y = x.mul(3).tanh();
    y.label = 'y';
    const svg = renderSvg(y, { group: 'always' });
    expect(svg).toContain('Grouped: 5 values and ops drawn as 1 box.'); // x, 3·x, ×, tanh, y; the 3 hidden
    expect(svg).toContain('url(#cr-not-computed)');
  });

  test('a graph that does not group small enough gets an error naming the limit and the option', () => {
    let x = new Value(0.1, 'x');
    for (let k = 0; k < 400; k++) x = x.tanh(); // every tanh is a group of its own
    expect(() => renderSvg(x, { maxNodes: 100 })).toThrow(
      /renderSvg: the graph has 801 nodes and still 400 boxes after grouping, more than maxNodes = 100\. Pass a larger \{ maxNodes \}/,
    );
  });
});
