/**
 * Test helper: edge crossings of a drawing, counted the same way for chainrule's layout and for
 * Graphviz's: each edge as a polyline sampled along its drawn curve, and every proper intersection
 * of two edges' segments counted once, except where the two edges meet at a box they share.
 */
import { runDot } from './graphviz';

export type Polyline = Array<[number, number]>;

/** An edge's drawn curve and the keys of the two boxes it joins. */
export interface DrawnCurve {
  source: string;
  target: string;
  points: Polyline;
}

function segmentsCross(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const orient = (p: [number, number], q: [number, number], r: [number, number]): number =>
    Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function bounds(points: Polyline): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return [x0, y0, x1, y1];
}

/** How many times two edges cross: each pair of edges counts the number of places their curves cross. */
export function countCrossings(curves: readonly DrawnCurve[]): number {
  const boxes = curves.map((c) => bounds(c.points));
  let crossings = 0;
  for (let i = 0; i < curves.length; i++) {
    for (let j = i + 1; j < curves.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
      const p = curves[i];
      const q = curves[j];
      const shared = [p.source, p.target].some((k) => k === q.source || k === q.target);
      let count = 0;
      for (let s = 1; s < p.points.length; s++) {
        for (let t = 1; t < q.points.length; t++) {
          if (segmentsCross(p.points[s - 1], p.points[s], q.points[t - 1], q.points[t])) count++;
        }
      }
      // Edges that share a box may touch where they leave or enter it; one touch is not a crossing.
      crossings += shared ? Math.max(0, count - 1) : count;
    }
  }
  return crossings;
}

/** Points along a cubic B-spline given as Graphviz's control points (1 + 3k of them). */
function bezierSpline(control: Polyline): Polyline {
  const out: Polyline = [control[0]];
  for (let k = 0; k + 3 < control.length; k += 3) {
    const [p0, p1, p2, p3] = control.slice(k, k + 4);
    for (let n = 1; n <= 16; n++) {
      const t = n / 16;
      const u = 1 - t;
      out.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
  }
  return out;
}

/** The curves of Graphviz's `dot` layout of a DOT document (from `dot -Tplain`). */
export function dotCurves(source: string): DrawnCurve[] {
  const curves: DrawnCurve[] = [];
  for (const line of runDot(source, 'plain').split('\n')) {
    const words = line.split(' ');
    if (words[0] !== 'edge') continue;
    const n = Number(words[3]);
    const control: Polyline = [];
    for (let k = 0; k < n; k++) control.push([Number(words[4 + 2 * k]), Number(words[5 + 2 * k])]);
    curves.push({ source: words[1], target: words[2], points: bezierSpline(control) });
  }
  return curves;
}
