import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { Value } from '@chainrule/core';
import { mermaidText, toMermaid } from './to-mermaid';
import { toGraph, valueKey } from './to-graph';

function article() {
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const a = i.mul(w);
  a.label = 'a';
  const C = a.sub(0.5).pow(2);
  C.label = 'C';
  return { i, w, a, C };
}

/** Every line of a chart must be one of the statements toMermaid writes. */
const STATEMENT = [
  /^flowchart (LR|TB)$/,
  /^ {2}n[vo]\d+\["[^"]*"\]$/,
  /^ {2}no\d+\(\("[^"]*"\)\)$/,
  /^ {2}n[vo]\d+ -- "[^"]*" --> n[vo]\d+$/,
  /^ {2}n[vo]\d+ (-->|-\.->) n[vo]\d+$/,
  /^ {2}classDef \w+ [\w:#,.\- ]+$/,
  /^ {2}class [\w,]+ \w+$/,
  /^ {2}linkStyle [\d,]+ [\w:#,.\- ]+$/,
];

function expectStatements(chart: string): void {
  for (const line of chart.trimEnd().split('\n')) {
    expect(STATEMENT.some((re) => re.test(line)) ? line : `unexpected: ${line}`).toBe(line);
  }
}

describe('toMermaid', () => {
  it("writes the article's graph as a flowchart with values, op circles and ∂ on edges", () => {
    const { w, a, C } = article();
    C.backward();
    const chart = toMermaid(C);
    expectStatements(chart);
    expect(chart).toContain(`  n${valueKey(w.id)}["w<br/>data 0.8<br/>grad 2.1"]`);
    expect(chart).toContain(`  no${a.id}(("×"))`);
    expect(chart).toContain(`  n${valueKey(w.id)} -- "∂ 1.5" --> no${a.id}`);
    expect(chart).toMatch(/ -\.-> no\d+\n/); // the constant 0.5 and the exponent 2: dotted links
    expect(chart).toContain(`class n${valueKey(C.id)} output`);
  });

  it('fences for markdown and marks highlighted nodes and edges', () => {
    const { a, w, C } = article();
    C.backward();
    const graph = toGraph(C);
    graph.setNodeAttribute(valueKey(a.id), 'highlight', 'mismatch');
    graph.setEdgeAttribute(`e${a.id}:1`, 'highlight', 'step');
    const chart = toMermaid(graph, { fenced: true, direction: 'TB', edgeLabels: 'both' });
    expect(chart.startsWith('```mermaid\nflowchart TB\n')).toBe(true);
    expect(chart.endsWith('\n```\n')).toBe(true);
    expectStatements(chart.replace(/^```mermaid\n/, '').replace(/```\n$/, ''));
    expect(chart).toContain(`class n${valueKey(a.id)} mismatch`);
    expect(chart).toContain(`n${valueKey(w.id)} -- "∂ 1.5 · ∇ 2.1" --> no${a.id}`);
    expect(chart).toMatch(/linkStyle 1 stroke:#ea580c/); // e<a>:1 is the second edge written
  });

  it("escapes Mermaid's special characters with its entity codes", () => {
    expect(mermaidText('<script>alert("x")</script> #1 & `code`\nnext\u0001')).toBe(
      '#lt;script#gt;alert(#quot;x#quot;)#lt;/script#gt; #35;1 #amp; #96;code#96; next\uFFFD',
    );
    const x = new Value(2, '"]; click n1 call alert(1); %%');
    const chart = toMermaid(x.square());
    expectStatements(chart);
    expect(chart).toContain('["#quot;]; click n1 call alert(1); %%<br/>data 2<br/>grad —"]');
  });

  it('leaves no character that Mermaid reads as syntax in any label (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (label) => {
        const text = mermaidText(label);
        expect(text).not.toMatch(/["<>&`\r\n]/);
        expect(text.replace(/#(quot|lt|gt|amp|35|96);/g, '')).not.toContain('#');
        const chart = toMermaid(new Value(1, label).neg());
        expectStatements(chart);
      }),
      { seed: PROPERTY_SEED, numRuns: 300 },
    );
  });

  it("refuses charts over GitHub's limits and says which option to raise", () => {
    let v = new Value(1, 'x');
    for (let k = 0; k < 300; k++) v = v.sin();
    expect(() => toMermaid(v)).toThrow(
      /toMermaid: the graph has 600 edges, over the limit of 500 \(Mermaid's default maxEdges, which GitHub uses\)/,
    );
    expect(() => toMermaid(v)).toThrow(/raise options.maxEdges/);
    expect(toMermaid(v, { maxEdges: 1000 }).split('\n').length).toBeGreaterThan(600);
    expect(() => toMermaid(v, { maxEdges: 1000, maxTextSize: 1000 })).toThrow(/characters, over the limit of 1000/);
  });
});
