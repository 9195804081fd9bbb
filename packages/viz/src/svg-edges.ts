/**
 * Edges of a drawing: smooth paths through the layout's bend points (d3-shape), an arrowhead in the
 * edge's colour at the target, and a label with a halo: just after the source, on the side the edge
 * does not turn to, when that is free, else a little before the middle of the path.
 */
import { curveMonotoneX, curveMonotoneY, line } from 'd3';
import { escapeXml } from './xml-escape';
import { monoWidth } from './measure-text';
import { px, type SceneEdge } from './svg-scene';
import { MONO, type SvgColours } from './svg-theme';

const STUB = 8;
const LINE_LR = line().curve(curveMonotoneX).digits(1);
const LINE_TB = line().curve(curveMonotoneY).digits(1);
const ARROW = 6;

/** An edge's markup: its path and arrowhead, and its label (drawn above all edges) with the x-range it covers. */
export interface DrawnEdge {
  path: string;
  label: string;
  labelSpan: [number, number] | null;
}

/** Path, arrowhead and label markup for `edge` along `points`. */
export function drawEdge(
  edge: SceneEdge,
  points: Array<[number, number]>,
  leftToRight: boolean,
  colours: SvgColours,
): DrawnEdge {
  const colour = edge.highlight ? colours.highlight[edge.highlight] : edge.colour;
  const width = edge.highlight ? Math.max(2.5, edge.strokeWidth) : edge.strokeWidth;
  const [sx, sy] = points[0];
  const [tx, ty] = points[points.length - 1];
  // Short straight stubs keep the ends perpendicular to the boxes; the arrowhead covers the last px.
  const along = (x: number, y: number, d: number): [number, number] => (leftToRight ? [x + d, y] : [x, y + d]);
  let d: string;
  if (points.length === 2) {
    // No bend (most edges): one cubic with tangents perpendicular to both boxes, written directly.
    const [ex, ey] = along(tx, ty, -ARROW);
    const [ax, ay] = along(sx, sy, STUB);
    const m = leftToRight ? (ax + ex) / 2 : (ay + ey) / 2;
    d = leftToRight
      ? `M${px(sx)},${px(sy)}H${px(ax)}C${px(m)},${px(ay)} ${px(m)},${px(ey)} ${px(ex)},${px(ey)}`
      : `M${px(sx)},${px(sy)}V${px(ay)}C${px(ax)},${px(m)} ${px(ex)},${px(m)} ${px(ex)},${px(ey)}`;
  } else {
    const body: Array<[number, number]> = [
      points[0],
      along(sx, sy, STUB),
      ...points.slice(1, -1),
      along(tx, ty, -STUB - ARROW),
      along(tx, ty, -ARROW),
    ];
    d = (leftToRight ? LINE_LR : LINE_TB)(body) ?? '';
  }
  const head = leftToRight
    ? `M${px(tx)},${px(ty)}L${px(tx - ARROW - 1)},${px(ty - ARROW / 1.6)}L${px(tx - ARROW - 1)},${px(ty + ARROW / 1.6)}Z`
    : `M${px(tx)},${px(ty)}L${px(tx - ARROW / 1.6)},${px(ty - ARROW - 1)}L${px(tx + ARROW / 1.6)},${px(ty - ARROW - 1)}Z`;
  const dash = edge.dashed ? ' stroke-dasharray="4 3"' : '';
  const title = edge.title ? `<title>${escapeXml(edge.title)}</title>` : '';
  const path =
    `<g>${title}<path d="${d}" fill="none" stroke="${colour}" stroke-width="${px(width)}"${dash}/>` +
    `<path d="${head}" fill="${colour}"/></g>`;
  let label = '';
  let labelSpan: [number, number] | null = null;
  if (edge.label) {
    let at: [number, number];
    let anchor = 'middle';
    if (edge.labelAt === 'start') {
      // Beside the straight stub leaving the source, on the side the edge does not turn to: above it
      // unless the edge rises (left to right), right of it unless the edge turns right (top to
      // bottom). Nothing else is drawn there.
      if (leftToRight) {
        at = [sx + 6, ty < sy - 0.5 ? sy + 13 : sy - 5];
        anchor = 'start';
      } else {
        const turnsRight = tx > sx + 0.5;
        at = [turnsRight ? sx - 6 : sx + 6, sy + 13];
        anchor = turnsRight ? 'end' : 'start';
      }
    } else {
      // Before the middle: fan-in edges (a Σ over many terms) are still apart there.
      const [mx, my] = pointAlong(points, 0.42);
      at = [mx, my + (leftToRight ? -4 : 3.5)];
    }
    label =
      `<text x="${px(at[0])}" y="${px(at[1])}" font-family="${MONO}" font-size="10.5" text-anchor="${anchor}" ` +
      `fill="${edge.highlight ? colour : colours.muted}" stroke="${colours.background}" stroke-width="3.5" stroke-linejoin="round" paint-order="stroke">${escapeXml(edge.label)}</text>`;
    const width = monoWidth(edge.label, 10.5);
    const x0 = anchor === 'start' ? at[0] : anchor === 'end' ? at[0] - width : at[0] - width / 2;
    labelSpan = [x0, x0 + width];
  }
  return { path, label, labelSpan };
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
