/**
 * importSvg: turns an SVG string (from renderSvg) into DOM nodes without ever handing markup to
 * innerHTML: it is parsed as XML, then copied element by element through an allow-list (SVG drawing
 * elements only; no event handlers, no external links), text always as text nodes. `<style>`
 * contents are returned separately so the page can adopt them as a constructed stylesheet
 * (Content-Security-Policy forbids inline style elements added later).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

const ALLOWED_ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path',
  'text', 'tspan', 'marker', 'linearGradient', 'radialGradient', 'stop', 'clipPath', 'pattern', 'symbol', 'use',
]);

/** The imported drawing and the CSS its `<style>` elements carried. */
export interface ImportedSvg {
  svg: SVGSVGElement;
  css: string;
}

/** Parses `markup` and copies its allowed parts into `doc`; throws on malformed XML. */
export function importSvg(markup: string, doc: Document = document): ImportedSvg {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const source = parsed.documentElement;
  if (source.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) {
    throw new Error('@chainrule/viz page: renderSvg returned markup that is not well-formed SVG. Please report it with the graph that produced it.');
  }
  const css: string[] = [];
  const svg = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  copyAttributes(source, svg);
  const stack: [Element, Element][] = [[source, svg]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) {
        to.appendChild(doc.createTextNode(child.nodeValue ?? ''));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const element = child as Element;
        if (element.localName === 'style') css.push(element.textContent ?? '');
        if (element.namespaceURI !== SVG_NS || !ALLOWED_ELEMENTS.has(element.localName)) continue;
        const copy = doc.createElementNS(SVG_NS, element.localName);
        copyAttributes(element, copy);
        to.appendChild(copy);
        stack.push([element, copy]);
      }
    }
  }
  return { svg, css: css.join('\n') };
}

function copyAttributes(from: Element, to: Element): void {
  for (const attribute of Array.from(from.attributes)) {
    const name = attribute.name.toLowerCase();
    if (name.startsWith('on')) continue;
    if (name === 'href' || name === 'xlink:href') {
      if (attribute.value.startsWith('#')) to.setAttribute('href', attribute.value);
      continue;
    }
    if (name === 'style') {
      (to as SVGElement).style.cssText = attribute.value;
      continue;
    }
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    to.setAttribute(attribute.name, attribute.value);
  }
}
