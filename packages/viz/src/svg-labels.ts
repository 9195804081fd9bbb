/**
 * Edge labels without collisions: each label takes the first free candidate, its preferred spot
 * first (beside the stub, or a little before the middle), then points along its own curve, on it or
 * just beside it. Free means its box meets no node box and no label placed before it; a grid of
 * cells keeps the checks local, so placement stays linear in the number of labels.
 */
import { monoWidth } from './measure-text';

/** An axis-aligned box in drawing coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type Anchor = 'start' | 'middle' | 'end';

/** Where an edge label would like to go, and the curve it belongs to (sampled densely). */
export interface LabelRequest {
  text: string;
  preferred: { x: number; y: number; anchor: Anchor };
  curve: Array<[number, number]>;
}

/** A placed label: its text position (baseline) and the box it covers, halo included. */
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: Anchor;
  rect: Rect;
}

/** The size of edge-label text. */
export const LABEL_FONT_SIZE = 10.5;
/** A placed label's box lies within this many px of a point of its curve. */
export const LABEL_DISTANCE = 4;
// The label's box around its baseline: the face's ascent and descent plus the halo's half-width.
const ASCENT = 9.5;
const DESCENT = 3.5;
const HALO = 1.5;
/** Fractions of the curve's length tried, in order: a little before the middle first, then outwards. */
const ALONG = Array.from({ length: 23 }, (_, k) => 0.42 + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * 0.04).filter(
  (t) => t > 0.02 && t < 0.95,
);

/** The box a label of `text` covers with its baseline at (x, y). */
export function labelRect(text: string, x: number, y: number, anchor: Anchor): Rect {
  const width = monoWidth(text, LABEL_FONT_SIZE);
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  return { left: left - HALO, right: left + width + HALO, top: y - ASCENT, bottom: y + DESCENT };
}

/** True when two boxes overlap (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** The distance from a box to the nearest point of a polyline's samples. */
export function distanceToCurve(rect: Rect, curve: ReadonlyArray<[number, number]>): number {
  let best = Infinity;
  for (const [x, y] of curve) {
    const dx = Math.max(rect.left - x, 0, x - rect.right);
    const dy = Math.max(rect.top - y, 0, y - rect.bottom);
    best = Math.min(best, Math.hypot(dx, dy));
  }
  return best;
}

/** A uniform grid of boxes, for asking whether a new box meets any box already in it. */
class RectGrid {
  private readonly cells = new Map<string, Rect[]>();
  constructor(private readonly size = 64) {}

  private keys(r: Rect): string[] {
    const keys: string[] = [];
    for (let i = Math.floor(r.left / this.size); i <= Math.floor(r.right / this.size); i++)
      for (let j = Math.floor(r.top / this.size); j <= Math.floor(r.bottom / this.size); j++) keys.push(`${i},${j}`);
    return keys;
  }

  add(r: Rect): void {
    for (const key of this.keys(r)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(r);
      else this.cells.set(key, [r]);
    }
  }

  meets(r: Rect): boolean {
    for (const key of this.keys(r)) for (const other of this.cells.get(key) ?? []) if (overlaps(r, other)) return true;
    return false;
  }
}

/** Candidate spots for one label: the preferred one, then on and beside its curve along its length. */
function candidates(request: LabelRequest): Array<{ x: number; y: number; anchor: Anchor }> {
  const out = [request.preferred];
  const { curve } = request;
  const middle = (ASCENT - DESCENT) / 2;
  for (const t of ALONG) {
    const [x, y] = curve[Math.min(curve.length - 1, Math.round(t * (curve.length - 1)))];
    // On the curve (the halo keeps it readable), then just above, below, right and left of it.
    out.push(
      { x, y: y + middle, anchor: 'middle' },
      { x, y: y - DESCENT - 1, anchor: 'middle' },
      { x, y: y + ASCENT + 1, anchor: 'middle' },
      { x: x + HALO + 2, y: y + middle, anchor: 'start' },
      { x: x - HALO - 2, y: y + middle, anchor: 'end' },
    );
  }
  return out;
}

/**
 * Places every label clear of `obstacles` (node boxes) and of each other; a label with no free
 * candidate is `null`, so the caller can give the layout more room and try again.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Rect[]): Array<PlacedLabel | null> {
  const grid = new RectGrid();
  for (const r of obstacles) grid.add(r);
  const placed: Array<PlacedLabel | null> = new Array(requests.length).fill(null);
  // Short edges first: they have the fewest spots, and long ones can still move along their length.
  const order = requests.map((_, i) => i).sort((a, b) => requests[a].curve.length - requests[b].curve.length);
  for (const i of order) placed[i] = placeOne(requests[i], grid);
  return placed;
}

/** The first free spot for one label, taken in the grid; null when there is none. */
function placeOne(request: LabelRequest, grid: RectGrid): PlacedLabel | null {
  const spots = candidates(request);
  for (let k = 0; k < spots.length; k++) {
    const spot = spots[k];
    const rect = labelRect(request.text, spot.x, spot.y, spot.anchor);
    if (grid.meets(rect)) continue;
    // The spots along the curve are built within LABEL_DISTANCE of it; only the preferred one is measured.
    if (k === 0 && distanceToCurve(rect, request.curve) > LABEL_DISTANCE) continue;
    grid.add(rect);
    return { ...spot, rect };
  }
  return null;
}

/** Points every few px along a polyline, so that "a point of the curve" is never far between samples. */
export function sampleCurve(points: ReadonlyArray<[number, number]>, step = 3): Array<[number, number]> {
  const out: Array<[number, number]> = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
    for (let k = 1; k <= n; k++) out.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  return out;
}
