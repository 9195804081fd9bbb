/**
 * The `mistake` option of renderSvg and renderHtml on the article's graph with a wrong dC/da (from
 * compareGradients): the node is ringed solid, the nodes under it dotted, with legend entries; a
 * graph passed in is left unchanged; a node outside the graph is refused with the fix.
 */
import { compareGradients, Value } from '@chainrule/core';
import { markMistake } from './mark-mistake';
import { renderHtml } from './render-html';
import { renderSvg } from './render-svg';
import { stepFrame } from './step-frame';
import { stepTrace } from './step-trace';
import { LIGHT } from './svg-theme';
import { toGraph, valueKey } from './to-graph';
import { article } from './test-support/article';

/** The article's graph after backward, with the mistake compareGradients finds in a wrong dC/da. */
function slipped() {
  const { i, w, a, C } = article();
  C.backward();
  const result = compareGradients(C, { C: 1, a: (v) => v.a - v.y, w: (v) => (v.a - v.y) * v.i });
  const first = result.firstWrong!;
  return {
    C,
    a,
    w,
    i,
    mistake: { node: first.node, downstream: result.downstream, note: 'first wrong step: manual 0.7 ≠ autograd 1.4' },
  };
}

const ring = (colour: string, dash: string) =>
  new RegExp(
    `<path d="[^"]+" fill="none" stroke="${colour}" stroke-width="3"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    'g',
  );

test('renderSvg rings the first wrong step and marks the nodes downstream of it', () => {
  const { C, mistake } = slipped();
  expect(mistake.node.label).toBe('a');
  const svg = renderSvg(C, { mistake });
  const colour = LIGHT.highlight['wrong-step'];
  expect(svg.match(ring(colour, ''))).toHaveLength(1);
  expect(svg.match(ring(LIGHT.highlight.carried, '2 3'))).toHaveLength(2); // i and w, the leaves under a
  expect(svg).toContain('first wrong step: manual 0.7 ≠ autograd 1.4');
  expect(svg).toContain('first wrong step of the manual derivation');
  expect(svg).toContain('downstream of the first wrong step (inherits the mistake)');
  expect(svg.indexOf('first wrong step of the manual derivation')).toBeLessThan(
    svg.indexOf('downstream of the first wrong step'),
  );
});

test('a graph passed to renderSvg is not changed by the mark', () => {
  const { C, a, mistake } = slipped();
  const graph = toGraph(C);
  renderSvg(graph, { mistake });
  expect(graph.getNodeAttribute(valueKey(a.id), 'highlight')).toBeUndefined();
});

test('renderHtml carries the mark into the page', () => {
  const { C, mistake } = slipped();
  const html = renderHtml(C, { mistake });
  expect(html).toContain('"highlight":"wrong-step"');
  expect(html).toContain('"highlight":"carried"');
});

test('a node outside the graph is refused with the fix', () => {
  const { C } = slipped();
  expect(() => renderSvg(C, { mistake: { node: new Value(1, 'z') } })).toThrow(
    '@chainrule/viz/renderSvg: options.mistake.node (z) is not in the graph drawn. Pass a node the root depends on',
  );
  expect(() => renderHtml(C, { mistake: 'a' as never })).toThrow(
    '@chainrule/viz/renderHtml: options.mistake must be an object',
  );
});

test('the step-through keeps the ring while the wrong step is the active node', () => {
  const { C, a, mistake } = slipped();
  const graph = toGraph(C, { grads: 'compute' });
  markMistake(graph, mistake, 'test');
  const trace = stepTrace(C);
  const position = trace.steps.findIndex((s) => s.node === valueKey(a.id)) + 1;
  expect(position).toBeGreaterThan(0);
  const frame = stepFrame(graph, trace, position);
  expect(frame.getNodeAttribute(valueKey(a.id), 'highlight')).toBe('wrong-step');
});
