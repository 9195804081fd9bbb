import { Value } from '@chainrule/core';
import { renderSvg } from './render-svg';
import { toGraph, valueKey, inputEdgeKey } from './to-graph';
import { parseXmlStrict } from './test-support/parse-xml';
import { LIGHT, DARK } from './svg-theme';
import { article } from './test-support/article';
import { randomDag, slideCorpus } from './test-support/slide-corpus';
import { VizError } from './viz-error';

/** Every text node of the SVG, in document order. */
function texts(svg: string): string[] {
  const doc = parseXmlStrict(svg, 'image/svg+xml');
  return Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

describe('renderSvg', () => {
  test("the article's graph after backward shows the numbers of the article as well-formed SVG", () => {
    const { w, C } = article();
    C.backward();
    const svg = renderSvg(C, { parameters: [w] });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const all = texts(svg);
    for (const label of ['i', 'w', 'y', 'a', 'C']) expect(all).toContain(label);
    // data and grad cells: w = 0.8 with dC/dw = 2.1; a = 1.2 with dC/da = 1.4; y gets −1.4.
    expect(all).toEqual(expect.arrayContaining(['0.8', '2.1', '1.2', '1.4', '−1.4', '0.49']));
    // local gradients on edges: ∂a/∂w = i = 1.5, ∂a/∂i = w = 0.8, ∂C/d(a−y) = 2(a−y) = 1.4.
    expect(all).toEqual(expect.arrayContaining(['∂ 1.5', '∂ 0.8', '∂ 1.4', '∂ −1']));
    // the legend spans the largest |grad| and explains the edge labels
    expect(all).toEqual(expect.arrayContaining(['−2.1', '+2.1']));
    expect(all.some((t) => t.startsWith('edge label ∂'))).toBe(true);
    expect(all.some((t) => t.startsWith('Gradients not computed yet'))).toBe(false);
  });

  test('before backward the gradients are drawn as not computed, never as zeros', () => {
    const { C } = article();
    const svg = renderSvg(C);
    const all = texts(svg);
    const gradCells = all.filter((_, k) => all[k - 1] === 'grad');
    expect(gradCells.length).toBe(6); // i, w, y, a, a − y, C (the constant 2 has no grad cell)
    expect(new Set(gradCells)).toEqual(new Set(['—']));
    expect(all.some((t) => t.startsWith('Gradients not computed yet'))).toBe(true);
    expect(svg).toContain('url(#cr-not-computed)');
    // after backward the striped pattern is no longer used by any cell
    C.backward();
    expect(renderSvg(C, { legend: false })).not.toContain('fill="url(#cr-not-computed)"');
  });

  test('a fan-out value writes its gradient as the sum of its contributions', () => {
    const x = new Value(0.5, 'x');
    const out = x.mul(3).add(x.mul(x));
    out.backward(); // d/dx = 3 + 2x = 4 = 3 + 0.5 + 0.5
    const all = texts(renderSvg(out, { edgeLabels: 'both' }));
    expect(all).toContain('grad = 3 + 0.5 + 0.5');
    expect(all).toContain('4');
    expect(all).toContain('∂ 0.5 · ∇ 0.5 (×2)'); // x*x: both edges carry x, labelled once
    expect(all.filter((t) => t.startsWith('∂ 0.5'))).toHaveLength(1);
  });

  test('hostile labels and notes appear as text and the SVG stays well-formed', () => {
    const x = new Value(2, '<script>alert(1)</script>');
    const y = new Value(3, '" onload="alert(2)');
    const z = x.mul(y);
    z.label = "&amp; ' ]]> \u0001";
    z.backward();
    const g = toGraph(z);
    g.setNodeAttribute(valueKey(x.id), 'highlight', 'mismatch');
    g.setNodeAttribute(valueKey(x.id), 'note', '</text><script>bad()</script>');
    const svg = renderSvg(g);
    const doc = parseXmlStrict(svg, 'image/svg+xml');
    expect(doc.getElementsByTagName('script').length).toBe(0);
    const all = texts(svg);
    expect(all).toContain('<script>alert(1)</script>');
    expect(all).toContain('" onload="alert(2)');
    expect(all).toContain('</text><script>bad()</script>');
    expect(all).toContain("&amp; ' ]]> \uFFFD");
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      expect(el.hasAttribute('onload')).toBe(false);
    }
  });

  test('highlights draw a ring or a coloured edge in their colour, with a legend entry', () => {
    const { i, a, C } = article();
    C.backward();
    const g = toGraph(C);
    g.setNodeAttribute(valueKey(a.id), 'highlight', 'mismatch');
    g.setNodeAttribute(valueKey(a.id), 'note', 'manual 1.3 vs autograd 1.4');
    g.setEdgeAttribute(inputEdgeKey(a.id, 0), 'highlight', 'step');
    expect(i.id).toBeLessThan(a.id);
    const svg = renderSvg(g);
    expect(svg).toContain(`stroke="${LIGHT.highlight.mismatch}" stroke-width="3"`);
    expect(svg).toContain(`stroke="${LIGHT.highlight.step}"`);
    const all = texts(svg);
    expect(all).toContain('manual 1.3 vs autograd 1.4');
    expect(all).toContain('mismatch (manual ≠ autograd)');
    expect(all).toContain('current step');
    expect(all).not.toContain('anomaly (NaN / Inf)');
    // The note is written below the ring, not across its lower edge: its baseline lies at least its
    // ascent (about 0.9 em of 10.5 px) and half the ring's 3 px stroke below the ring's edge.
    const arc = String.raw`A[\d.]+,[\d.]+ 0 0 1 [\d.]+,([\d.]+)`;
    const ring = new RegExp(
      String.raw`<path d="M[\d.]+,[\d.]+H[\d.]+${arc}V[\d.]+${arc}H[^"]*" fill="none" stroke="${LIGHT.highlight.mismatch}"`,
    ).exec(svg);
    const ringBottom = ring === null ? NaN : Number(ring[2]); // the second arc ends on the ring's lower edge
    const noteY = Number(/<text x="[\d.]+" y="([\d.]+)"[^>]*>manual 1\.3 vs autograd 1\.4</.exec(svg)?.[1]);
    expect(noteY - ringBottom).toBeGreaterThanOrEqual(0.9 * 10.5 + 1.5);
  });

  test('options: dark theme, precision, fields, no edge labels, no constants, title', () => {
    const { C } = article();
    C.backward();
    const svg = renderSvg(C, {
      theme: 'dark',
      precision: 2,
      fields: ['label', 'grad'],
      edgeLabels: 'none',
      constants: false,
      title: 'C after backward',
    });
    expect(svg).toContain(`fill="${DARK.background}"`);
    const all = texts(svg);
    expect(all[0]).toBe('C after backward');
    expect(all).not.toContain('data');
    expect(all.some((t) => t.startsWith('∂'))).toBe(false);
    expect(all).not.toContain('2'); // the exponent constant is hidden
    expect(all).toContain('2.1');
    expect(texts(renderSvg(new Value(1 / 3, 'third'), { precision: 2 }))).toContain('0.33');
  });

  test('NaN and infinite values are spelled out', () => {
    const x = new Value(-1, 'x');
    const y = x.log(); // NaN
    y.backward();
    const all = texts(renderSvg(y));
    expect(all).toContain('NaN');
  });

  test('bad arguments get errors that name the option and the fix', () => {
    const { C } = article();
    expect(() => renderSvg({} as never)).toThrow(
      /@chainrule\/viz\/renderSvg: expected a Value or a graph made by toGraph/,
    );
    expect(() => renderSvg(C, { direction: 'RL' as 'LR' })).toThrow(
      /options\.direction must be 'LR', 'TB' or 'auto', got the string "RL"/,
    );
    expect(() => renderSvg(C, { theme: 'blue' as 'light' })).toThrow(
      /options\.theme must be 'light' or 'dark', got the string "blue"/,
    );
    expect(() => renderSvg(C, { precision: 0 })).toThrow(
      /options\.precision must be an integer from 1 to 21, got the number 0/,
    );
    expect(() => renderSvg(C, { maxNodes: 5, group: 'never' })).toThrow(
      /has 10 nodes \(values and ops\), more than maxNodes = 5\. Pass \{ group: 'auto' \}.*\{ maxNodes \}/,
    );
  });

  test('refusals of sizes and numbers are VizErrors, like the rest of @chainrule/viz', () => {
    const { C } = article();
    let deep = new Value(0.1, 'x');
    for (let k = 0; k < 20; k++) deep = deep.tanh().mul(2); // 1 + 20 × (tanh, the constant 2, mul) = 61 Values
    const refusals: Array<[string, () => unknown, RegExp]> = [
      ['precision 0', () => renderSvg(C, { precision: 0 }), /^@chainrule\/viz\/renderSvg: options\.precision must be/],
      [
        'maxNodes 0',
        () => renderSvg(C, { maxNodes: 0 }),
        /^@chainrule\/viz\/renderSvg: options\.maxNodes must be a positive/,
      ],
      [
        'too many nodes, never grouped',
        () => renderSvg(C, { maxNodes: 5, group: 'never' }),
        /^@chainrule\/viz\/renderSvg: the graph has 10 nodes/,
      ],
      [
        'too many boxes after grouping',
        () => renderSvg(deep, { maxNodes: 3 }),
        /^@chainrule\/viz\/renderSvg: the graph has \d+ nodes and still \d+ boxes after grouping/,
      ],
      [
        'too many Values to group',
        () => renderSvg(deep, { maxValues: 10, group: 'always' }),
        /^@chainrule\/viz\/renderSvg: the graph has 61 Values, over the limit of 10 .*\{ maxValues: 61 \}/,
      ],
    ];
    for (const [name, call, message] of refusals) {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect([name, caught]).toEqual([name, expect.any(VizError)]);
      expect((caught as VizError).message).toMatch(message);
    }
  });
});

test('every node and edge of the graph is a <g data-key> element with its graph key', () => {
  const x = new Value(2, 'x');
  const y = x.mul(x).tanh();
  y.backward();
  const g = toGraph(y);
  const doc = parseXmlStrict(renderSvg(g), 'image/svg+xml');
  const keys = Array.from(doc.getElementsByTagName('g'))
    .map((el) => el.getAttribute('data-key'))
    .filter((k): k is string => k !== null && k !== '');
  expect(keys.sort()).toEqual([...g.nodes(), ...g.edges()].sort());
});

describe("direction 'auto' (the default) fills a slide", () => {
  const size = (svg: string): { width: number; height: number } => {
    const [, width, height] = /<svg[^>]*? width="(\d+)" height="(\d+)"/.exec(svg)!;
    return { width: Number(width), height: Number(height) };
  };
  const fit = ({ width, height }: { width: number; height: number }, aspect: number): number =>
    Math.min(aspect / width, 1 / height);

  test('picks whichever direction shows the graph larger in a 16:9 frame, and aspect changes the frame', () => {
    const { C } = article();
    C.backward();
    const lr = size(renderSvg(C, { direction: 'LR' }));
    const tb = size(renderSvg(C, { direction: 'TB' }));
    const auto = size(renderSvg(C));
    // The article is a chain: 6:1 left to right, about 4:5 top to bottom.
    expect(auto).toEqual(fit(tb, 16 / 9) > fit(lr, 16 / 9) ? tb : lr);
    expect(auto).toEqual(tb);
    expect(size(renderSvg(C, { aspect: 8 }))).toEqual(lr);
  });

  test('every graph of the slide corpus comes out between 1:2 and 3:1, folded where it is long', () => {
    for (const { name, root } of slideCorpus()) {
      const { width, height } = size(renderSvg(root));
      expect([name, width / height >= 0.5 && width / height <= 3]).toEqual([name, true]);
    }
    // Forcing a direction still gives that direction, unfolded: a deep chain stays one tall column.
    const deep = size(renderSvg(randomDag(100, 9), { direction: 'TB' }));
    expect(deep.width / deep.height).toBeLessThan(0.5);
  });

  test('aspect is checked like every option', () => {
    const { C } = article();
    expect(() => renderSvg(C, { aspect: 0 })).toThrow(/options\.aspect must be a width \/ height ratio/);
  });
});

test('after zeroGrad() the drawing shows the gradients as zeros, not as "not computed yet"', () => {
  const { C } = article();
  C.backward();
  C.zeroGrad();
  const svg = renderSvg(C);
  expect(svg).not.toContain('Gradients not computed yet');
  expect(svg).toMatch(/>grad<\/text>/);
  const fresh = article().C;
  expect(renderSvg(fresh)).toContain('Gradients not computed yet');
});
