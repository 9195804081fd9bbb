import { createHash } from 'crypto';
import { Value } from '@chainrule/core';
import { decodePageData, PAGE_DATA_ID } from './page/page-data';
import { renderHtml } from './render-html';
import { valueKey } from './to-graph';
import { article } from './test-support/article';

const between = (html: string, open: string, close: string): string[] => {
  const parts: string[] = [];
  let at = html.indexOf(open);
  while (at !== -1) {
    const end = html.indexOf(close, at + open.length);
    parts.push(html.slice(at + open.length, end));
    at = html.indexOf(open, end);
  }
  return parts;
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('renderHtml (markup, without a browser)', () => {
  const { C } = article();
  const html = renderHtml(C, { title: 'The article' });

  it('has a CSP allowing only its own inline script and style, by hash', () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(policy).toContain("default-src 'none'");
    const scripts = between(html, '<script>', '</script>');
    const styles = between(html, '<style>', '</style>');
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(policy).toContain(`script-src ${sha256(scripts[0])}`);
    expect(policy).toContain(`style-src ${sha256(styles[0])}`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('references nothing outside the file', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\b(src|href)=/i);
    expect(html).not.toMatch(/\burl\(\s*['"]?(https?:|\/\/)/i);
  });

  it('stores the graph and the backward pass as data the page reads back', () => {
    const [json] = between(html, `<script type="application/json" id="${PAGE_DATA_ID}">`, '</script>');
    const data = decodePageData(json);
    expect(data.title).toBe('The article');
    expect(data.trace.steps).toHaveLength(3);
    const w = data.graph.nodes.find((n) => n.attributes?.label === 'w')!;
    expect(w.attributes!.grad).toBeCloseTo(2.1, 12);
  });

  it('keeps hostile labels and titles inert: escaped in markup, < never raw inside the data', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const x = new Value(1, evil);
    const page = renderHtml(x.mul(2), { title: `<b onmouseover="x">${evil}` });
    expect(page).not.toContain(evil);
    expect(page).toContain('<title>&#60;b onmouseover=&#34;x&#34;&#62;&#60;/script&#62;');
    const [json] = between(page, `<script type="application/json" id="${PAGE_DATA_ID}">`, '</script>');
    expect(json).not.toContain('<');
    expect(decodePageData(json).graph.nodes.some((n) => n.attributes?.label === evil)).toBe(true);
  });

  it('marks NaN and infinite values as anomalies and keeps them through JSON', () => {
    const x = new Value(0, 'x');
    const out = x.log().mul(2);
    const [json] = between(renderHtml(out), `<script type="application/json" id="${PAGE_DATA_ID}">`, '</script>');
    const node = decodePageData(json).graph.nodes.find((n) => n.key === valueKey(out.id))!;
    expect(node.attributes!.data).toBe(-Infinity);
    expect(node.attributes!.highlight).toBe('anomaly');
  });

  it('highlights requested mismatches with their note', () => {
    const { w, C: root } = article();
    const page = renderHtml(root, { highlights: [{ value: w, highlight: 'mismatch', note: 'manual dC/dw = 1.05' }] });
    const [json] = between(page, `<script type="application/json" id="${PAGE_DATA_ID}">`, '</script>');
    const node = decodePageData(json).graph.nodes.find((n) => n.key === valueKey(w.id))!;
    expect(node.attributes).toMatchObject({ highlight: 'mismatch', note: 'manual dC/dw = 1.05' });
  });

  it('explains bad options with the fix', () => {
    expect(() => renderHtml(C, { theme: 'blue' as 'dark' })).toThrow(
      /options\.theme must be 'auto', 'light' or 'dark', got the string "blue"\. Leave it out/,
    );
    expect(() => renderHtml(C, { playInterval: 0 })).toThrow(/options\.playInterval must be milliseconds/);
    expect(() => renderHtml(C, { captions: [3 as unknown as string] })).toThrow(
      /options\.captions must be an array of strings/,
    );
    expect(() => renderHtml(C, { start: 2 as 0 })).toThrow(/options\.start must be 0 or 'end'/);
    expect(() => renderHtml(C, { svg: { format: String } as object })).toThrow(
      /options\.svg must be plain renderSvg options without functions/,
    );
  });

  it('explains bad input and oversized graphs with the fix', () => {
    expect(() => renderHtml(3 as unknown as Value)).toThrow(
      /^@chainrule\/viz\/renderHtml: expected a Value as the root, got the number 3\. Pass/,
    );
    let v = new Value(1, 'x');
    for (let k = 0; k < 20; k++) v = v.add(1);
    expect(() => renderHtml(v, { maxValues: 10 })).toThrow(
      /41 Values, over the limit of 10 \(every step redraws the whole graph\).*\{ maxValues: 41 \}/,
    );
    const stranger = new Value(2, 's');
    expect(() => renderHtml(C, { highlights: [{ value: stranger, highlight: 'mismatch' }] })).toThrow(
      /not in the graph/,
    );
  });
});
