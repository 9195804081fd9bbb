import { parseXmlStrict } from './test-support/parse-xml';
import { escapeXml, xmlSafe } from './xml-escape';

describe('escapeXml', () => {
  it('escapes markup so a hostile label stays text in elements and attributes', () => {
    const hostile = `<script>alert("x")</script>' onload="y" &amp;`;
    const xml = `<r a="${escapeXml(hostile)}" b='${escapeXml(hostile)}'>${escapeXml(hostile)}</r>`;
    const doc = parseXmlStrict(xml);
    const r = doc.documentElement!;
    expect(r.getElementsByTagName('script')).toHaveLength(0);
    expect(r.textContent).toBe(hostile);
    expect(r.getAttribute('a')).toBe(hostile);
    expect(r.getAttribute('b')).toBe(hostile);
  });

  it('replaces characters XML 1.0 cannot carry and keeps all others, astral ones included', () => {
    expect(xmlSafe('a\u0000b\u0008c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(xmlSafe('tab\tnl\ncr\r')).toBe('tab\tnl\ncr\r');
    expect(xmlSafe('lone \uD800 and \uDC00')).toBe('lone \uFFFD and \uFFFD');
    expect(xmlSafe('∂C/∂w 😀 é')).toBe('∂C/∂w 😀 é');
    const doc = parseXmlStrict(`<r>${escapeXml('\u0001\u0002😀\uDFFF')}</r>`);
    expect(doc.documentElement!.textContent).toBe('\uFFFD\uFFFD😀\uFFFD');
  });

  it('keeps tabs and line breaks exactly, in text and in attributes', () => {
    const text = 'a\tb\nc\rd\r\ne';
    const doc = parseXmlStrict(`<r a="${escapeXml(text)}">${escapeXml(text)}</r>`);
    expect(doc.documentElement!.getAttribute('a')).toBe(text);
    expect(doc.documentElement!.textContent).toBe(text);
  });
});
