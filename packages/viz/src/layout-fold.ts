/**
 * foldLayout: a long layered layout cut into bands, like a paragraph wrapped into lines, so a deep
 * chain fits a slide. Cuts fall between layers; each band keeps its own positions and starts again at
 * the beginning of the layer axis, one band below (left to right) or beside (top to bottom) the last.
 * An edge between bands runs out past its band's end, along the gap to the next band's start, and in.
 */
import { max, min } from 'd3';
import type { Layout, LayoutEdge } from './layout-layered';

/** Room between bands, and between the lanes of edges that run from one band to another. */
const BAND_GAP = 56;
const LANE = 5;

/** A folded layout: the Layout, plus the keys of edges drawn as routed polylines between bands. */
export interface FoldedLayout extends Layout {
  routed: Set<string>;
  /** How many bands the layout was cut into (1: not folded). */
  bands: number;
}

/** Where a layout could be cut: the middle of each gap between consecutive layers, on the layer axis. */
function cutPositions(layout: Layout, leftToRight: boolean): number[] {
  const centres = [...new Set([...layout.boxes.values()].map((b) => Math.round(leftToRight ? b.x : b.y)))].sort(
    (a, b) => a - b,
  );
  const cuts: number[] = [];
  for (let i = 1; i < centres.length; i++) {
    const before = [...layout.boxes.values()].filter((b) => Math.round(leftToRight ? b.x : b.y) === centres[i - 1]);
    const after = [...layout.boxes.values()].filter((b) => Math.round(leftToRight ? b.x : b.y) === centres[i]);
    const end = max(before, (b) => (leftToRight ? b.x + b.width / 2 : b.y + b.height / 2))!;
    const start = min(after, (b) => (leftToRight ? b.x - b.width / 2 : b.y - b.height / 2))!;
    cuts.push((end + start) / 2);
  }
  return cuts;
}

/** The cuts that split the layer axis into `bands` parts of about equal length. */
function chooseCuts(layout: Layout, leftToRight: boolean, bands: number): number[] {
  const candidates = cutPositions(layout, leftToRight);
  const length = leftToRight ? layout.width : layout.height;
  const cuts: number[] = [];
  for (let r = 1; r < bands; r++) {
    const ideal = (length * r) / bands;
    let best: number | undefined;
    for (const c of candidates) if (best === undefined || Math.abs(c - ideal) < Math.abs(best - ideal)) best = c;
    if (best !== undefined && !cuts.includes(best) && (cuts.length === 0 || best > cuts[cuts.length - 1]))
      cuts.push(best);
  }
  return cuts;
}

/**
 * `layout` cut into at most `bands` bands along its layer axis. Returns the layout unchanged (no
 * routed edges) for one band or when there is nowhere to cut.
 */
export function foldLayout(
  layout: Layout,
  edges: readonly LayoutEdge[],
  leftToRight: boolean,
  bands: number,
): FoldedLayout {
  const cuts = bands > 1 ? chooseCuts(layout, leftToRight, bands) : [];
  if (cuts.length === 0) return { ...layout, routed: new Set(), bands: 1 };
  const starts = [0, ...cuts];
  const bandOf = (a: number): number => {
    let r = 0;
    while (r + 1 < starts.length && a >= starts[r + 1]) r++;
    return r;
  };
  const bandLength = max(
    starts,
    (s, r) => (r + 1 < starts.length ? starts[r + 1] : leftToRight ? layout.width : layout.height) - s,
  )!;
  // Room on both ends of each band for the lanes of edges that leave or enter it.
  const crossing = edges.filter((e) => {
    const s = layout.boxes.get(e.source)!;
    const t = layout.boxes.get(e.target)!;
    return bandOf(leftToRight ? s.x : s.y) !== bandOf(leftToRight ? t.x : t.y);
  });
  const margin = LANE * (crossing.length + 2);
  // Each band is as deep as its own boxes (and the bends of its edges), and follows the last tightly.
  const low = starts.map(() => Infinity);
  const high = starts.map(() => -Infinity);
  const widen = (r: number, from: number, to: number): void => {
    low[r] = Math.min(low[r], from);
    high[r] = Math.max(high[r], to);
  };
  for (const b of layout.boxes.values()) {
    const r = bandOf(leftToRight ? b.x : b.y);
    const centre = leftToRight ? b.y : b.x;
    const half = (leftToRight ? b.height : b.width) / 2;
    widen(r, centre - half, centre + half);
  }
  for (const e of edges) {
    const rs = bandOf(leftToRight ? layout.boxes.get(e.source)!.x : layout.boxes.get(e.source)!.y);
    if (rs !== bandOf(leftToRight ? layout.boxes.get(e.target)!.x : layout.boxes.get(e.target)!.y)) continue;
    for (const [x, y] of layout.edges.get(e.key)!) widen(rs, leftToRight ? y : x, leftToRight ? y : x);
  }
  const offset: number[] = [];
  let next = 0;
  starts.forEach((_, r) => {
    if (low[r] === Infinity) [low[r], high[r]] = [0, 0];
    offset.push(next - low[r]);
    next += high[r] - low[r] + BAND_GAP;
  });
  const crossTotal = next - BAND_GAP;
  const move = (a: number, b: number, r: number): [number, number] => {
    const a2 = a - starts[r] + margin;
    const b2 = b + offset[r];
    return leftToRight ? [a2, b2] : [b2, a2];
  };

  const boxes = new Map(layout.boxes);
  const bandOfBox = new Map<string, number>();
  for (const [key, b] of layout.boxes) {
    const r = bandOf(leftToRight ? b.x : b.y);
    bandOfBox.set(key, r);
    const [x, y] = move(leftToRight ? b.x : b.y, leftToRight ? b.y : b.x, r);
    boxes.set(key, { ...b, x, y });
  }
  const paths = new Map<string, Array<[number, number]>>();
  const routed = new Set(crossing.map((e) => e.key));
  let lane = 0;
  for (const e of edges) {
    const points = layout.edges.get(e.key)!;
    const rs = bandOfBox.get(e.source)!;
    const rt = bandOfBox.get(e.target)!;
    const along = (p: [number, number]): [number, number] => (leftToRight ? p : [p[1], p[0]]);
    if (rs === rt) {
      paths.set(
        e.key,
        points.map((p) => {
          const [a, b] = along(p);
          return move(a, b, rs);
        }),
      );
      continue;
    }
    // Out past the end of the source's band, along the gap after it, back to the start, down (or
    // across) to the target's band, and in: each crossing edge in a lane of its own.
    lane++;
    const [a0, b0] = along(points[0]);
    const [a1, b1] = along(points[points.length - 1]);
    const start = move(a0, b0, rs);
    const end = move(a1, b1, rt);
    const toXY = (a: number, b: number): [number, number] => (leftToRight ? [a, b] : [b, a]);
    const sb = along(start)[1];
    const [ea, eb] = along(end);
    const outAt = margin + bandLength + LANE * lane;
    const gapAt = offset[rs] + high[rs] + BAND_GAP / 2 + ((lane % 7) - 3) * 2;
    const inAt = margin - LANE * lane;
    paths.set(e.key, [start, toXY(outAt, sb), toXY(outAt, gapAt), toXY(inAt, gapAt), toXY(inAt, eb), toXY(ea, eb)]);
  }
  const length = 2 * margin + bandLength + LANE * (lane + 1);
  const width = leftToRight ? length : crossTotal;
  const height = leftToRight ? crossTotal : length;
  return { width, height, boxes, edges: paths, routed, bands: starts.length };
}
