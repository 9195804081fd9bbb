/**
 * importSvg: turns an SVG string (from renderSvg) into DOM nodes without any markup parser of the
 * browser (no innerHTML, no DOMParser, which under the page's Content-Security-Policy would also
 * reject style attributes). A small XML tokenizer copies elements through an allow-list (SVG
 * drawing elements only; no event handlers, no external links), text always as text nodes, and
 * returns `<style>` contents separately for the page to adopt as a constructed stylesheet.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

const ALLOWED_ELEMENTS = new Set([
  'svg',
  'g',
  'defs',
  'title',
  'desc',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'path',
  'text',
  'tspan',
  'marker',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'pattern',
  'symbol',
  'use',
]);

const OPEN_TAG = /<([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The imported drawing and the CSS its `<style>` elements carried. */
export interface ImportedSvg {
  svg: SVGSVGElement;
  css: string;
}

/** A parent being filled: a copied element, a `<style>` collecting CSS, or a dropped element. */
type Open = { name: string; element: Element | null; style: boolean };

/** Parses `markup` and copies its allowed parts into `doc`; throws on markup it cannot read. */
export function importSvg(markup: string, doc: Document = document): ImportedSvg {
  const css: string[] = [];
  const stack: Open[] = [];
  let svg: SVGSVGElement | null = null;
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(
      `@chainrule/viz page: renderSvg returned markup the page cannot read (${what} at character ${pos}). Please report it with the graph that produced it.`,
    );
  };
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (!top || text === '') return;
    if (top.style) css.push(text);
    else if (top.element) top.element.appendChild(doc.createTextNode(text));
  };
  while (pos < markup.length) {
    const lt = markup.indexOf('<', pos);
    addText(decodeEntities(markup.slice(pos, lt === -1 ? markup.length : lt)));
    if (lt === -1) break;
    pos = lt;
    if (markup.startsWith('<!--', pos)) pos = skipPast(markup, pos, '-->', fail);
    else if (markup.startsWith('<![CDATA[', pos)) {
      const end = markup.indexOf(']]>', pos);
      if (end === -1) fail('unterminated CDATA');
      addText(markup.slice(pos + 9, end));
      pos = end + 3;
    } else if (markup.startsWith('<?', pos)) pos = skipPast(markup, pos, '?>', fail);
    else if (markup.startsWith('<!', pos)) pos = skipPast(markup, pos, '>', fail);
    else if (markup.startsWith('</', pos)) {
      const end = markup.indexOf('>', pos);
      const name = markup.slice(pos + 2, end).trim();
      if (end === -1 || stack.length === 0 || stack[stack.length - 1].name !== name) fail(`unexpected </${name}>`);
      stack.pop();
      pos = end + 1;
    } else {
      OPEN_TAG.lastIndex = pos;
      const match = OPEN_TAG.exec(markup);
      if (!match) fail('a malformed tag');
      const [whole, name, attributes, selfClosing] = match!;
      pos += whole.length;
      const parent = stack[stack.length - 1];
      if (!parent && svg) fail('a second root element');
      if (!parent && name !== 'svg') fail(`root element <${name}>`);
      let element: Element | null = null;
      if (ALLOWED_ELEMENTS.has(name) && (!parent || parent.element)) {
        element = doc.createElementNS(SVG_NS, name);
        copyAttributes(attributes, element);
        if (parent) parent.element!.appendChild(element);
        else svg = element as SVGSVGElement;
      }
      if (!selfClosing) stack.push({ name, element, style: name === 'style' && !!parent?.element });
    }
  }
  if (!svg || stack.length > 0) fail(svg ? `unclosed <${stack[stack.length - 1].name}>` : 'no <svg> element');
  return { svg: svg!, css: css.join('\n') };
}

function skipPast(markup: string, pos: number, end: string, fail: (what: string) => never): number {
  const at = markup.indexOf(end, pos);
  if (at === -1) fail(`missing ${end}`);
  return at + end.length;
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_whole, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity];
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function copyAttributes(source: string, to: Element): void {
  for (const [, rawName, double, single] of source.matchAll(ATTRIBUTE)) {
    const name = rawName.toLowerCase();
    const value = decodeEntities(double ?? single ?? '');
    if (name.startsWith('on') || name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (name === 'href' || name === 'xlink:href') {
      if (value.startsWith('#')) to.setAttribute('href', value);
      continue;
    }
    if (name === 'style') (to as SVGElement).style.cssText = value;
    else to.setAttribute(rawName, value);
  }
}
