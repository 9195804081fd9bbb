/**
 * Test helpers that read a plot back from its SVG: elements by class, path points, and the data
 * scales recovered from the axis tick labels (so tests check positions against the printed axes).
 */
import { parseXmlStrict } from './parse-xml';

type El = Element;

export function parsePlot(svg: string): Document {
  return parseXmlStrict(svg, 'image/svg+xml');
}

/** Every element (any tag) whose class attribute is `name`. */
export function byClass(doc: Document, name: string): El[] {
  const all = Array.from(doc.getElementsByTagName('*')) as El[];
  return all.filter((e) => e.getAttribute('class') === name);
}

/** The [x, y] points of a path made of M/L/Q commands (control points of Q included). */
export function pathPoints(d: string): [number, number][] {
  const numbers = d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < numbers.length; k += 2) out.push([numbers[k], numbers[k + 1]]);
  return out;
}

/** Texts of an element tree. */
export function texts(doc: Document): string[] {
  return (Array.from(doc.getElementsByTagName('text')) as El[]).map((t) => t.textContent ?? '');
}

/** Maps data to pixels along one axis, fitted through the tick labels' positions. */
export interface RecoveredScale {
  (value: number): number;
}

function fit(pairs: [number, number][]): RecoveredScale {
  if (pairs.length < 2) throw new Error('fewer than two numeric tick labels');
  const [v0, p0] = pairs[0];
  const [v1, p1] = pairs[pairs.length - 1];
  return (v: number) => p0 + ((v - v0) * (p1 - p0)) / (v1 - v0);
}

/** The x and y scales of a plot from the tick labels in its `<g class="axes">`. */
export function axisScales(doc: Document): { x: RecoveredScale; y: RecoveredScale } {
  const axes = byClass(doc, 'axes')[0];
  const labels = Array.from(axes.getElementsByTagName('text')) as El[];
  const xPairs: [number, number][] = [];
  const yPairs: [number, number][] = [];
  for (const t of labels) {
    const value = Number((t.textContent ?? '').replace('−', '-').replace(/,/g, ''));
    if (!Number.isFinite(value) || t.getAttribute('transform')) continue;
    if (t.getAttribute('text-anchor') === 'middle') xPairs.push([value, Number(t.getAttribute('x'))]);
    else if (t.getAttribute('text-anchor') === 'end') yPairs.push([value, Number(t.getAttribute('y'))]);
  }
  return { x: fit(xPairs), y: fit(yPairs) };
}
