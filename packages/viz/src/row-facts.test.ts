/**
 * Drawings read the op rows: a custom row made with applyOp is drawn, exported and grouped like a
 * built-in one (its symbol on its op node, an activation row grouped as a neuron), and a real
 * @chainrule/nn MLP, whose neurons are dot nodes, is grouped into neurons.
 */
import { applyOp, Value, type UnaryRow } from '@chainrule/core';
import { MLP } from '@chainrule/nn';
import { groupGraph } from './group-graph';
import { renderSvg } from './render-svg';
import { toDot } from './to-dot';
import { toGraph } from './to-graph';
import { toJSON } from './to-json';
import { parseXmlStrict } from './test-support/parse-xml';

/** A custom activation: x / (1 + |x|). */
const softsign: UnaryRow = {
  name: 'softsign',
  symbol: 'ssgn',
  arity: 1,
  domain: [[-2, 2]],
  activation: true,
  forward: (a) => a / (1 + Math.abs(a)),
  derivative: (a) => 1 / ((1 + Math.abs(a)) * (1 + Math.abs(a))),
  derivativeValue: (a) => a.abs().add(1).square().pow(-1),
};

function texts(svg: string): string[] {
  const doc = parseXmlStrict(svg, 'image/svg+xml');
  return Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

test('a custom row is drawn with its symbol and exported like a built-in row', () => {
  const x = new Value(0.5, 'x');
  const out = applyOp(softsign, [x.mul(3)]);
  out.backward();
  const graph = toGraph(out);
  const opNode = graph.findNode((_key, a) => a.type === 'op' && a.op === 'softsign')!;
  expect(graph.getNodeAttributes(opNode)).toMatchObject({ symbol: 'ssgn' });
  expect(texts(renderSvg(out))).toContain('ssgn');
  expect(toDot(out)).toContain('"ssgn"');
  expect(JSON.stringify(toJSON(out))).toContain('"softsign"');
});

test('a custom activation row over a weighted sum groups as a neuron, like relu', () => {
  const w = [new Value(0.3, 'w0'), new Value(-0.4, 'w1')];
  const b = new Value(0.1, 'b');
  const outs = [
    [1, 2],
    [0.5, -1],
    [2, 0.25],
  ].map((p) => applyOp(softsign, [w[0].mul(p[0]).add(w[1].mul(p[1])).add(b)]));
  const loss = outs.reduce((acc, o) => acc.add(o));
  const { groups } = groupGraph(toGraph(loss));
  const neuron = groups.find((g) => g.op === 'softsign')!;
  expect(neuron).toMatchObject({ activation: true, symbol: 'ssgn', terms: 0 });
  expect(neuron.outputs).toHaveLength(3); // the uses of one neuron merge
  expect(texts(renderSvg(loss, { maxNodes: 10 }))).toContain('ssgn(…)');
});

test("a real @chainrule/nn MLP's dot neurons are grouped and titled as neurons", () => {
  const model = new MLP(2, [4, 4, 1]);
  const points = [
    [0.5, -1],
    [1, 2],
    [-0.3, 0.2],
    [0.8, 0.1],
  ];
  const loss = points.map((p) => model.forward(p)[0]).reduce((acc, s) => acc.add(s.square()));
  loss.backward();
  const { groups } = groupGraph(toGraph(loss));
  const neurons = groups.filter((g) => g.activation);
  // 4 + 4 hidden neurons, each merged over the 4 points: layer 1 reads 2 inputs (+ bias), layer 2 reads 4.
  expect(neurons.map((g) => `${g.symbol} Σ${g.terms} ×${g.outputs.length}`).sort()).toEqual(
    [...Array(4).fill('ReLU Σ3 ×4'), ...Array(4).fill('ReLU Σ5 ×4')].sort(),
  );
  const titles = texts(renderSvg(loss, { maxNodes: 50 }));
  expect(titles.filter((t) => t === 'neuron ReLU(Σ 3)')).toHaveLength(4);
  expect(titles.filter((t) => t === 'neuron ReLU(Σ 5)')).toHaveLength(4);
  expect(titles).not.toContain('ReLU(…)');
});
