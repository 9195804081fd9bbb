/**
 * Property tests over random expression graphs (core's generator, every op) with random hostile
 * labels (unicode, quotes, angle brackets, newlines, control characters, very long): JSON round trip
 * is the identity, SVG parses as XML, the HTML page keeps its data inert and exact, Graphviz reads
 * the DOT, and Mermaid output carries no raw syntax character from a label.
 */
import { topoSort, Value } from '@chainrule/core';
import fc from 'fast-check';
import { Figures, PROPERTY_SEED } from '../../core/src/test-support/figures';
import { buildExpr, exprArb, leafValuesArb } from '../../core/src/test-support/random-expr';
import { fromJSON } from './from-json';
import { decodePageData, PAGE_DATA_ID } from './page/page-data';
import { renderHtml } from './render-html';
import { renderSvg } from './render-svg';
import { hasGraphviz, runDot } from './test-support/graphviz';
import { parseXmlStrict } from './test-support/parse-xml';
import { toDot } from './to-dot';
import { toJSON } from './to-json';
import { toMermaid } from './to-mermaid';

const hostileLabel = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '"',
    "'",
    '<',
    '>',
    '&',
    '\n',
    '\r\n',
    '\t',
    '\u0000',
    '\u001b[31m',
    '\uD800',
    '</script>',
    '<!--',
    ']]>',
    '{a|b}',
    '\\N',
    '%%',
    '#quot;',
    '`',
    '😀∂σ',
  ),
  fc.string({ maxLength: 4 }).map((s) => s.repeat(1500)),
);

/** A random graph whose leaves and (some) op nodes carry random labels; skipped unless every value is finite. */
const labelledGraph = fc
  .record({ expr: exprArb(3), xs: leafValuesArb, labels: fc.array(hostileLabel, { minLength: 12, maxLength: 12 }) })
  .map(({ expr, xs, labels }) => {
    const leaves = xs.map((x, i) => new Value(x, labels[i]));
    const root = buildExpr(expr, leaves);
    topoSort(root).forEach((node, k) => {
      if (!node.isLeaf && !node.isConstant && k % 2 === 0) node.label = labels[4 + (k % 8)];
    });
    return { root, labels };
  });

const settings = (numRuns: number): fc.Parameters<unknown> => ({ seed: PROPERTY_SEED, numRuns, maxSkipsPerRun: 1000 });
const finite = (root: Value): boolean => topoSort(root).every((v) => Number.isFinite(v.data));
const figures = new Figures('viz round trips and well-formedness');
afterAll(() => console.log(`viz properties: ${figures.cases} random labelled graphs checked, seed ${PROPERTY_SEED}`));

test('toJSON -> fromJSON -> toJSON is the identity, also through JSON text', () => {
  fc.assert(
    fc.property(labelledGraph, ({ root }) => {
      fc.pre(finite(root));
      root.backward();
      const doc = toJSON(root);
      expect(toJSON(fromJSON(doc).root)).toEqual(doc);
      expect(toJSON(fromJSON(JSON.stringify(doc)).root)).toEqual(doc);
      figures.cases++;
    }),
    settings(400),
  );
});

test('renderSvg output is well-formed XML with no script, whatever the labels', () => {
  fc.assert(
    fc.property(labelledGraph, fc.boolean(), ({ root }, backward) => {
      if (backward) root.backward();
      const svg = renderSvg(root, { title: root.label });
      const doc = parseXmlStrict(svg, 'image/svg+xml');
      expect(doc.documentElement.tagName).toBe('svg');
      expect(doc.getElementsByTagName('script')).toHaveLength(0);
      figures.cases++;
    }),
    settings(200),
  );
});

test('renderHtml keeps every label inert in markup and exact in its data', () => {
  fc.assert(
    fc.property(labelledGraph, ({ root }) => {
      root.backward();
      const page = renderHtml(root, { title: root.label });
      const open = `<script type="application/json" id="${PAGE_DATA_ID}">`;
      const start = page.indexOf(open) + open.length;
      const json = page.slice(start, page.indexOf('</script>', start));
      expect(json).not.toContain('<');
      expect(page.match(/<script\b/g)).toHaveLength(2); // the data and the page's own code
      const labels = new Set(decodePageData(json).graph.nodes.map((n) => n.attributes?.label));
      for (const node of topoSort(root)) if (node.label) expect(labels.has(node.label)).toBe(true);
      figures.cases++;
    }),
    settings(150),
  );
});

(hasGraphviz() ? test : test.skip)('Graphviz reads toDot output of random labelled graphs', () => {
  fc.assert(
    fc.property(labelledGraph, ({ root }) => {
      root.backward();
      parseXmlStrict(runDot(toDot(root, { edgeLabels: 'both' })), 'image/svg+xml');
      figures.cases++;
    }),
    settings(40),
  );
});

test('toMermaid output carries no Mermaid syntax character from a label', () => {
  fc.assert(
    fc.property(labelledGraph, ({ root }) => {
      let chart: string;
      try {
        chart = toMermaid(root, { maxTextSize: 10_000_000 });
      } catch (e) {
        expect((e as Error).message).toMatch(/^@chainrule\/viz\/toMermaid: .*edges, over the limit/);
        return;
      }
      // Every label sits inside a quoted node or edge text: there, apart from the chart's own <br/>
      // line breaks, no raw < > ` or line break, and no # but Mermaid's entity codes.
      for (const quoted of chart.match(/"[^"]*"/g) ?? []) {
        const text = quoted.slice(1, -1).replace(/<br\/>/g, '');
        expect(text).not.toMatch(/[<>\n\r`]/);
        expect(text.replace(/#(quot|lt|gt|amp|35|96);/g, '')).not.toContain('#');
      }
      expect(chart.split('\n').every((line) => (line.match(/"/g) ?? []).length % 2 === 0)).toBe(true);
      figures.cases++;
    }),
    settings(300),
  );
});
