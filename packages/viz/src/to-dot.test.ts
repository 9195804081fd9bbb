import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { Value } from '@chainrule/core';
import { toDot } from './to-dot';
import { toGraph, valueKey } from './to-graph';
import { hasGraphviz, runDot } from './test-support/graphviz';
import { parseXmlStrict } from './test-support/parse-xml';
import { article } from './test-support/article';

const HOSTILE = '<script>alert("x")</script> {a|b} \\N \\ "q" \u0001 ∂ 😀\nline2';

describe('toDot', () => {
  it("writes the article's graph: records label | data | grad, op circles, ∂ on input edges", () => {
    const { w, a, C } = article();
    C.backward();
    const dot = toDot(C);
    expect(dot).toContain(
      `${valueKey(w.id)} [shape=Mrecord, style="rounded,filled", fillcolor="#dbeafe", label="{ w | data 0.8 | grad 2.1 }"];`,
    );
    expect(dot).toContain(
      `${valueKey(C.id)} [shape=Mrecord, style="rounded,filled", fillcolor="#d1fae5", label="{ C | data 0.49 | grad 1 }"];`,
    );
    expect(dot).toMatch(new RegExp(`o${a.id} \\[shape=circle.*label="×"`));
    expect(dot).toContain(`${valueKey(w.id)} -> o${a.id} [label="∂ 1.5"`); // ∂a/∂w = i
    expect(dot.match(/ -> /g)).toHaveLength(9); // 6 input edges + 3 result edges
    expect(dot).toMatch(/-> o\d+ \[style=dashed,/); // the constant exponent: dashed, unlabelled
  });

  it('shows the contribution with edgeLabels both, and "grad —" dashed before backward', () => {
    const before = toDot(article().C);
    expect(before).toContain('grad —');
    expect(before).toContain('style="rounded,filled,dashed"');
    expect(before).toContain('Gradients not computed yet');
    const { w, C } = article();
    C.backward();
    expect(toDot(C, { edgeLabels: 'both' })).toContain(
      `${valueKey(w.id)} -> o${C.inputs[0].inputs[0].id} [label="∂ 1.5\\n∇ 2.1"`,
    );
  });

  it('lays out top to bottom without record braces, and draws highlights with their note', () => {
    const { a, C } = article();
    C.backward();
    const graph = toGraph(C);
    graph.setNodeAttribute(valueKey(a.id), 'highlight', 'mismatch');
    graph.setNodeAttribute(valueKey(a.id), 'note', 'manual: 1.3');
    const dot = toDot(graph, { direction: 'TB' });
    expect(dot).toContain('rankdir=TB');
    expect(dot).toContain('label="a | data 1.2 | grad 1.4", color="#dc2626", penwidth=2.5, tooltip="manual: 1.3"');
  });

  it('escapes quotes, backslashes, newlines, record syntax and control characters', () => {
    const x = new Value(3, HOSTILE);
    const dot = toDot(x.tanh());
    expect(dot).toContain(
      '\\<script\\>alert(\\"x\\")\\</script\\> \\{a\\|b\\} \\\\N \\\\ \\"q\\" \uFFFD ∂ 😀\\nline2 | data 3',
    );
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
