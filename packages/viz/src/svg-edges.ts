/**
 * Edges of a drawing: smooth paths through the layout's bend points (d3-shape), an arrowhead in the
 * edge's colour at the target, and where its label would like to go (just after the source, on the
 * side the edge does not turn to, or a little before the middle) with the curve sampled, so that
 * svg-labels.ts can place every label clear of boxes and other labels.
 */
import { curveMonotoneX, curveMonotoneY, line } from 'd3';
import { escapeXml } from './xml-escape';
import { LABEL_FONT_SIZE, sampleCurve, type LabelRequest, type PlacedLabel } from './svg-labels';
import { px, type SceneEdge } from './svg-scene';
import { MONO, type SvgColours } from './svg-theme';

const STUB = 8;
const LINE_LR = line().curve(curveMonotoneX).digits(1);
const LINE_TB = line().curve(curveMonotoneY).digits(1);
const ARROW = 6;

/** An edge's markup (path and arrowhead) and, when it has a label, where that label would like to go. */
export interface DrawnEdge {
  path: string;
  label: LabelRequest | null;
  /** The drawn curve, sampled every few px. */
  curve: Array<[number, number]>;
}

/** Path and arrowhead markup for `edge` along `points`, and its label's request. */
export function drawEdge(
  edge: SceneEdge,
  points: Array<[number, number]>,
  leftToRight: boolean,
  colours: SvgColours,
  routed = false,
): DrawnEdge {
  const colour = edge.highlight ? colours.highlight[edge.highlight] : edge.colour;
  const width = edge.highlight ? Math.max(2.5, edge.strokeWidth) : edge.strokeWidth;
  const [sx, sy] = points[0];
  const [tx, ty] = points[points.length - 1];
  // Short straight stubs keep the ends perpendicular to the boxes; the arrowhead covers the last px.
  const along = (x: number, y: number, d: number): [number, number] => (leftToRight ? [x + d, y] : [x, y + d]);
  let d: string;
  let curve: Array<[number, number]>;
  if (routed) {
    // Between the bands of a folded layout: the route's straight runs, ending at the arrowhead.
    const body: Array<[number, number]> = [...points.slice(0, -1), along(tx, ty, -ARROW)];
    d = `M${body.map(([x, y]) => `${px(x)},${px(y)}`).join('L')}`;
    curve = sampleCurve(points);
  } else if (points.length === 2) {
    // No bend (most edges): one cubic with tangents perpendicular to both boxes, written directly.
    const [ex, ey] = along(tx, ty, -ARROW);
    const [ax, ay] = along(sx, sy, STUB);
    const m = leftToRight ? (ax + ex) / 2 : (ay + ey) / 2;
    const c1: [number, number] = leftToRight ? [m, ay] : [ax, m];
    const c2: [number, number] = leftToRight ? [m, ey] : [ex, m];
    d = leftToRight
      ? `M${px(sx)},${px(sy)}H${px(ax)}C${px(m)},${px(ay)} ${px(m)},${px(ey)} ${px(ex)},${px(ey)}`
      : `M${px(sx)},${px(sy)}V${px(ay)}C${px(ax)},${px(m)} ${px(ex)},${px(m)} ${px(ex)},${px(ey)}`;
    curve = sampleCurve([[sx, sy], ...cubicPoints([ax, ay], c1, c2, [ex, ey]), [tx, ty]]);
  } else {
    const body: Array<[number, number]> = [
      points[0],
      along(sx, sy, STUB),
      ...points.slice(1, -1),
      along(tx, ty, -STUB - ARROW),
      along(tx, ty, -ARROW),
    ];
    d = (leftToRight ? LINE_LR : LINE_TB)(body) ?? '';
    curve = sampleCurve([...body, [tx, ty]]);
  }
  const head = leftToRight
    ? `M${px(tx)},${px(ty)}L${px(tx - ARROW - 1)},${px(ty - ARROW / 1.6)}L${px(tx - ARROW - 1)},${px(ty + ARROW / 1.6)}Z`
    : `M${px(tx)},${px(ty)}L${px(tx - ARROW / 1.6)},${px(ty - ARROW - 1)}L${px(tx + ARROW / 1.6)},${px(ty - ARROW - 1)}Z`;
  const dash = edge.dashed ? ' stroke-dasharray="4 3"' : '';
  const title = edge.title ? `<title>${escapeXml(edge.title)}</title>` : '';
  const path =
    `<g>${title}<path d="${d}" fill="none" stroke="${colour}" stroke-width="${px(width)}"${dash}/>` +
    `<path d="${head}" fill="${colour}"/></g>`;
  if (!edge.label) return { path, label: null, curve };
  let preferred: LabelRequest['preferred'];
  if (edge.labelAt === 'start') {
    // Beside the straight stub leaving the source, on the side the edge does not turn to: above it
    // unless the edge rises (left to right), right of it unless the edge turns right (top to bottom).
    if (leftToRight) {
      preferred = { x: sx + 6, y: ty < sy - 0.5 ? sy + 13 : sy - 5, anchor: 'start' };
    } else {
      const turnsRight = tx > sx + 0.5;
      preferred = { x: turnsRight ? sx - 6 : sx + 6, y: sy + 13, anchor: turnsRight ? 'end' : 'start' };
    }
  } else {
    // Before the middle: fan-in edges (a Σ over many terms) are still apart there.
    const [mx, my] = pointAlong(points, 0.42);
    preferred = { x: mx, y: my + (leftToRight ? -4 : 3.5), anchor: 'middle' };
  }
  return { path, label: { text: edge.label, preferred, curve }, curve };
}

/** A placed label's markup: monospace text with a halo in the background colour. */
export function labelMarkup(edge: SceneEdge, placed: PlacedLabel, colours: SvgColours): string {
  const fill = edge.highlight ? colours.highlight[edge.highlight] : colours.muted;
  return (
    `<text x="${px(placed.x)}" y="${px(placed.y)}" font-family="${MONO}" font-size="${LABEL_FONT_SIZE}" text-anchor="${placed.anchor}" ` +
    `fill="${fill}" stroke="${colours.background}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${escapeXml(edge.label ?? '')}</text>`
  );
}

/** Points along a cubic Bézier curve from p0 to p3. */
function cubicPoints(
  p0: [number, number],
  p1: [number, number],
  p2: [number, number],
  p3: [number, number],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let k = 0; k <= 24; k++) {
    const t = k / 24;
    const u = 1 - t;
    const a = u * u * u;
    const b = 3 * u * u * t;
    const c = 3 * u * t * t;
    const e = t * t * t;
    out.push([a * p0[0] + b * p1[0] + c * p2[0] + e * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + e * p3[1]]);
  }
  return out;
}

/** The point at fraction `t` of the length of a polyline. */
export function pointAlong(points: Array<[number, number]>, t: number): [number, number] {
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  let left = total * t;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const seg = Math.hypot(bx - ax, by - ay);
    if (seg >= left && seg > 0) return [ax + ((bx - ax) * left) / seg, ay + ((by - ay) * left) / seg];
    left -= seg;
  }
  return points[0];
}
