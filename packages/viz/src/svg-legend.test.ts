/**
 * The legend explains every kind of mark the drawing holds and nothing it does not: the output's
 * border, constants, edge colours, edge labels in the drawing's own words (∂ or ∇), and the "not
 * computed" stripes only when a gradient is drawn that way.
 */
import { Value } from '@chainrule/core';
import { renderSvg } from './render-svg';
import { article } from './test-support/article';
import { mlpOnOnePoint } from './test-support/slide-corpus';

const legendOf = (svg: string): string => {
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  return texts.join('\n');
};

test('after backward: the output, constants, edge colours and ∂ labels, and no stripes', () => {
  const { C } = article();
  C.backward();
  const legend = legendOf(renderSvg(C));
  expect(legend).toContain('output (bold border');
  expect(legend).toContain('constant (dashed: receives no gradient)');
  expect(legend).toContain('edge colour: the gradient it carries back');
  expect(legend).toContain('edge label ∂: local gradient');
  expect(legend).not.toContain('grad not computed yet');
});

test('before backward: the stripes are explained, and edges carry no colour to explain', () => {
  const { C } = article();
  const legend = legendOf(renderSvg(C));
  expect(legend).toContain('grad not computed yet');
  expect(legend).not.toContain('edge colour');
});

test('a drawing without constants does not explain them', () => {
  const x = new Value(2, 'x');
  const y = x.mul(x);
  y.backward();
  expect(legendOf(renderSvg(y))).not.toContain('constant');
});

test('a grouped drawing, whose edges carry ∇, says ∇ in its legend', () => {
  const root = mlpOnOnePoint([2, 3, 1]);
  root.backward();
  const svg = renderSvg(root, { group: 'always' });
  expect(svg).toContain('>∇ ');
  const legend = legendOf(svg);
  expect(legend).toContain('edge label ∇');
  expect(legend).not.toContain('edge label ∂');
  expect(legend).toContain('output (bold border');
});
