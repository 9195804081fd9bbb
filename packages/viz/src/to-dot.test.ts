import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { Value } from '@chainrule/core';
import { color } from 'd3';
import { gradientColourScale } from './gradient-colour';
import { DARK, LIGHT } from './svg-theme';
import { toDot } from './to-dot';
import { toGraph, valueKey } from './to-graph';
import { hasGraphviz, runDot } from './test-support/graphviz';
import { parseXmlStrict } from './test-support/parse-xml';
import { article } from './test-support/article';

const HOSTILE = '<script>alert("x")</script> {a|b} \\N \\ "q" \u0001 ∂ 😀\nline2';

describe('toDot', () => {
  it("writes the article's graph as renderSvg draws it: tables label | data | grad, op circles, ∂ on edges", () => {
    const { w, a, C } = article();
    C.backward();
    const dot = toDot(C, { parameters: [w] });
    const scale = gradientColourScale([1.12, 2.1, -1.4, 1.4, 1.4, 1], LIGHT);
    const wLine = dot.split('\n').find((l) => l.startsWith(`  ${valueKey(w.id)} [`))!;
    expect(wLine).toContain('shape=plain');
    expect(wLine).toContain(`<td bgcolor="${LIGHT.parameterFill}"><font color="${LIGHT.text}"><b>w</b></font></td>`);
    expect(wLine).toContain('data 0.8');
    // The grad cell has the colour renderSvg gives 2.1, the strongest red of the drawing.
    expect(wLine).toContain(`<td bgcolor="${color(scale.fill(2.1))!.formatHex()}"`);
    expect(wLine).toContain('grad 2.1');
    const cLine = dot.split('\n').find((l) => l.startsWith(`  ${valueKey(C.id)} [`))!;
    expect(cLine).toContain(`border="2"`); // the output's bold border
    expect(dot).toMatch(new RegExp(`o${a.id} \\[shape=circle.*label="×"`));
    expect(dot).toContain(
      `${valueKey(w.id)} -> o${a.id} [label="∂ 1.5", color="${color(scale.stroke(2.1))!.formatHex()}"`,
    );
    expect(dot.match(/ -> /g)).toHaveLength(9); // 6 input edges + 3 result edges
    expect(dot).toMatch(/-> o\d+ \[style=dashed,/); // the constant exponent: dashed, unlabelled
    expect(dot).toContain(`bgcolor="${LIGHT.background}"`);
  });

  it('shows the contribution with edgeLabels both, and "grad —" dashed before backward; dark theme', () => {
    const before = toDot(article().C);
    expect(before).toContain('grad —');
    expect(before).toContain('style="rounded,dashed"');
    expect(before).toContain('Gradients not computed yet');
    const { w, C } = article();
    C.backward();
    expect(toDot(C, { edgeLabels: 'both' })).toContain(
      `${valueKey(w.id)} -> o${C.inputs[0].inputs[0].id} [label="∂ 1.5\\n∇ 2.1"`,
    );
    expect(toDot(C, { theme: 'dark' })).toContain(`bgcolor="${DARK.background}"`);
    expect(() => toDot(C, { theme: 'blue' as 'dark' })).toThrow(/options.theme must be 'light' or 'dark'/);
  });

  it('lays out top to bottom, and draws highlights in the theme colour with their note', () => {
    const { a, C } = article();
    C.backward();
    const graph = toGraph(C);
    graph.setNodeAttribute(valueKey(a.id), 'highlight', 'mismatch');
    graph.setNodeAttribute(valueKey(a.id), 'note', 'manual: 1.3');
    const dot = toDot(graph, { direction: 'TB' });
    expect(dot).toContain('rankdir=TB');
    const line = dot.split('\n').find((l) => l.startsWith(`  ${valueKey(a.id)} [`))!;
    expect(line).toContain(`border="3"`);
    expect(line).toContain(`color="${LIGHT.highlight.mismatch}"`);
    expect(line).toContain('tooltip="manual: 1.3"');
  });

  it('escapes markup, quotes and control characters in labels, and breaks lines', () => {
    const x = new Value(3, HOSTILE);
    const dot = toDot(x.tanh());
    expect(dot).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; {a|b} \\\\N \\\\ &quot;q&quot; \uFFFD ∂ 😀<br/>line2',
    );
    expect(dot).not.toContain('<script>');
    expect([...dot].some((c) => c.charCodeAt(0) < 9)).toBe(false); // no control characters left
  });

  (hasGraphviz() ? it : it.skip)('is read by Graphviz, which prints hostile labels as plain text', () => {
    const x = new Value(3, HOSTILE);
    const svg = runDot(toDot(x.mul(x).tanh()));
    const doc = parseXmlStrict(svg, 'image/svg+xml');
    const words = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(words).toContain('<script>alert("x")</script> {a|b} \\N \\ "q" \uFFFD ∂ 😀');
    expect(words).toContain('line2');
    expect(words).toContain('grad —');
    expect(words).toContain('∂ 3');
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
  });

  (hasGraphviz() ? it : it.skip)('is accepted by Graphviz whatever the labels (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 16 }),
        fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
        (a, b) => {
          const x = new Value(1, a);
          const y = new Value(2, b);
          const out = x.mul(y);
          out.label = a + b;
          const svg = runDot(toDot(out, { edgeLabels: 'both' }));
          const words = Array.from(parseXmlStrict(svg, 'image/svg+xml').getElementsByTagName('text')).map(
            (t) => t.textContent,
          );
          expect(words).toContain('data 2');
        },
      ),
      { seed: PROPERTY_SEED, numRuns: 40 },
    );
  });

  it('rejects bad options with the fix', () => {
    const { C } = article();
    expect(() => toDot(C, { direction: 'RL' as 'LR' })).toThrow(
      /@chainrule\/viz\/toDot: options.direction must be 'LR' or 'TB', got the string "RL"/,
    );
    expect(() => toDot(C, { edgeLabels: 'all' as 'both' })).toThrow(
      /options.edgeLabels must be 'local', 'both' or 'none'/,
    );
    expect(() => toDot(C, { precision: 0 })).toThrow(/options.precision must be an integer from 1 to 17/);
    expect(() => toDot({} as Value)).toThrow(/toDot: expected a Value or a graph from toGraph, got an object/);
  });
});
