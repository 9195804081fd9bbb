/**
 * Scale: every viz function that walks a graph, on a 10^6-deep chain and a 10^6-wide sum, either
 * answers (toJSON) or refuses with its clear size error (toGraph, the text exports, the drawings) —
 * never a stack overflow. Slow by nature: run in band.
 */
import { sum, Value } from '@chainrule/core';
import { renderHtml } from './render-html';
import { renderSvg } from './render-svg';
import { toDot } from './to-dot';
import { toGexf } from './to-gexf';
import { toGraph } from './to-graph';
import { toGraphml } from './to-graphml';
import { toJSON } from './to-json';
import { toMermaid } from './to-mermaid';
import { vizErrorOf } from './test-support/viz-error-of';

const N = 1_000_000;

function chain(): Value {
  let y = new Value(1, 'x');
  for (let k = 0; k < N; k++) y = y.mul(1.000001);
  y.backward();
  return y;
}

function wide(): Value {
  const y = sum(Array.from({ length: N }, (_, k) => new Value(k % 5, `x${k}`)));
  y.backward();
  return y;
}

describe.each([
  ['a 10^6-deep chain', chain, 2 * N + 1],
  ['a 10^6-wide sum', wide, N + 1],
])('%s', (_name, build, values) => {
  const root = build();

  test('toJSON holds every node; toGraph refuses past its documented maxValues with the fix', () => {
    expect(toJSON(root).nodes.length).toBe(values);
    // A graphology graph of 3·10^6 nodes takes minutes and gigabytes: toGraph's default limit refuses it.
    expect(vizErrorOf(() => toGraph(root)).message).toMatch(
      new RegExp(
        `^@chainrule/viz/toGraph: the graph has ${values} Values, over the limit of 500000 .*pass \\{ maxValues: ${values} \\}`,
      ),
    );
  });

  test('the text exports refuse with their size error, naming toJSON', () => {
    for (const exporter of [toDot, toGexf, toGraphml]) {
      expect(vizErrorOf(() => exporter(root)).message).toMatch(/over the limit of \d+ for this format.*toJSON/);
    }
    expect(vizErrorOf(() => toMermaid(root)).message).toMatch(/^@chainrule\/viz\/toMermaid: .*over the limit/);
  });

  test('renderSvg and renderHtml refuse ungrouped drawing with the fix', () => {
    const svgError = vizErrorOf(() => renderSvg(root, { group: 'never' }));
    expect(svgError.message).toMatch(
      /^@chainrule\/viz\/renderSvg: the graph has \d+ nodes .*more than maxNodes = 2500\. Pass \{ group: 'auto' \}/,
    );
    expect(vizErrorOf(() => renderHtml(root)).message).toMatch(
      /^@chainrule\/viz\/renderHtml: the graph has \d+ Values, over the limit of 1200.*renderSvg/,
    );
  });

  test('renderSvg with grouping refuses graphs over maxValues with the fix', () => {
    expect(vizErrorOf(() => renderSvg(root)).message).toMatch(
      new RegExp(
        `^@chainrule/viz/renderSvg: the graph has ${values} Values, over the limit of 500000 .*pass \\{ maxValues: ${values} \\}`,
      ),
    );
  });
});
