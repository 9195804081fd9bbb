/**
 * A scene to a standalone SVG document: layout (layoutLayered), edges under boxes, edge labels above
 * edges and clear of boxes and of each other (svg-labels.ts; the layout gets more room when a label
 * finds no free spot), notes on top and the legend at the bottom, with the shared pattern definitions.
 */
import { max } from 'd3';
import { foldLayout, type FoldedLayout } from './layout-fold';
import { layoutLayered, type Layout } from './layout-layered';
import { drawEdge, labelMarkup, type DrawnEdge } from './svg-edges';
import { placeLabels, type PlacedLabel, type Rect } from './svg-labels';
import { drawLegend, type LegendInput } from './svg-legend';
import { NOT_COMPUTED_PATTERN } from './svg-nodes';
import { px, type Scene } from './svg-scene';
import { SANS, type SvgColours } from './svg-theme';
import { escapeXml } from './xml-escape';
import { sansWidth } from './measure-text';

export interface DocumentOptions {
  /** 'auto': whichever direction fits a picture of the `aspect` ratio at the larger scale. */
  direction: 'LR' | 'TB' | 'auto';
  /** Width / height of the picture 'auto' aims for. */
  aspect: number;
  colours: SvgColours;
  title?: string;
  legend: LegendInput | null;
}

const MARGIN = 20;
const NOTE_LINE = 16;
const TITLE_HEIGHT = 24;

/** Where everything of a scene goes: the layout, each edge's markup and its placed label. */
export interface Arrangement {
  layout: FoldedLayout;
  edges: DrawnEdge[];
  /** One per scene edge: null for an edge without a label (or, if every retry failed, no free spot). */
  labels: Array<PlacedLabel | null>;
  /** The drawing's extent in layout coordinates, labels included. */
  extent: Rect;
}

/** Layouts of more boxes than this are not redone to make room for labels (layout time). */
const RETRY_LIMIT = 1200;
/** The gap between layers is multiplied by these in turn until every label finds a free spot. */
const ROOM = [1, 2, 4, 10];

/** The node boxes of a layout, as obstacles for labels. */
export function boxRects(layout: Layout): Rect[] {
  return [...layout.boxes.values()].map((b) => ({
    left: b.x - b.width / 2,
    right: b.x + b.width / 2,
    top: b.y - b.height / 2,
    bottom: b.y + b.height / 2,
  }));
}

/** The most bands a long layout is folded into. */
const MAX_BANDS = 6;
/** Each band past the first counts as this much less scale: a fold adds long edges, so it must pay. */
const FOLD_COST = 0.7;

/**
 * How well a picture of this size suits a frame of `aspect`: first whether its own ratio is within
 * [aspect / 3.5, aspect × 1.7] (1:2 to 3:1 for a 16:9 slide), then the scale at which it fills the
 * frame, discounted for each fold.
 */
export function suitability(width: number, height: number, bands: number, aspect: number): [number, number] {
  const ratio = width / height;
  const inRange = ratio >= aspect / 3.5 && ratio <= aspect * 1.7 ? 1 : 0;
  return [inRange, Math.min(aspect / width, 1 / height) * FOLD_COST ** (bands - 1)];
}

/** True when suitability `a` beats `b`. */
function better(a: [number, number], b: [number, number]): boolean {
  return a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1];
}

/** The fold of `layout` (one band or more) that suits a frame of `aspect` best. */
function bestFold(layout: Layout, scene: Scene, leftToRight: boolean, aspect: number): FoldedLayout {
  const score = (l: FoldedLayout) => suitability(l.width, l.height, l.bands, aspect);
  let best = foldLayout(layout, scene.edges, leftToRight, 1);
  for (let bands = 2; bands <= MAX_BANDS; bands++) {
    const folded = foldLayout(layout, scene.edges, leftToRight, bands);
    if (better(score(folded), score(best))) best = folded;
  }
  return best;
}

/**
 * Lays out `scene` and places its edge labels, giving the layout more room until all fit. With an
 * `aspect`, a long layout is folded into the bands that fill a frame of that shape best.
 */
export function arrangeScene(
  scene: Scene,
  direction: 'LR' | 'TB',
  colours: SvgColours,
  aspect: number | null = null,
): Arrangement {
  const leftToRight = direction === 'LR';
  let arrangement: Arrangement | null = null;
  for (const room of ROOM) {
    const unfolded = layoutLayered(scene.boxes, scene.edges, {
      direction,
      nodeGap: leftToRight ? 16 : 24,
      layerGap: (leftToRight ? Math.min(260, Math.max(40, scene.labelWidth + 56)) : 44) * room,
    });
    const layout =
      aspect === null
        ? foldLayout(unfolded, scene.edges, leftToRight, 1)
        : bestFold(unfolded, scene, leftToRight, aspect);
    const edges = scene.edges.map((edge) =>
      drawEdge(edge, layout.edges.get(edge.key)!, leftToRight, colours, layout.routed.has(edge.key)),
    );
    const requests = edges.flatMap((e) => (e.label ? [e.label] : []));
    const placed = placeLabels(requests, boxRects(layout));
    let next = 0;
    const labels = edges.map((e) => (e.label ? placed[next++] : null));
    const extent: Rect = { left: 0, top: 0, right: layout.width, bottom: layout.height };
    for (const label of labels) {
      if (!label) continue;
      extent.left = Math.min(extent.left, label.rect.left);
      extent.right = Math.max(extent.right, label.rect.right);
      extent.top = Math.min(extent.top, label.rect.top);
      extent.bottom = Math.max(extent.bottom, label.rect.bottom);
    }
    arrangement = { layout, edges, labels, extent };
    if (placed.every((p) => p !== null) || scene.boxes.length > RETRY_LIMIT) break;
  }
  return arrangement!;
}

/** Graphs up to this many boxes are laid out both ways when the direction is 'auto'. */
const BOTH_WAYS_LIMIT = 600;

/** How the document around an arrangement is sized: the title and notes on top, the legend below. */
interface Frame {
  width: number;
  height: number;
  /** Where the drawing's layout origin goes. */
  dx: number;
  top: number;
  legend: ReturnType<typeof drawLegend> | null;
}

function frameOf(scene: Scene, { extent }: Arrangement, options: DocumentOptions): Frame {
  const drawingWidth = extent.right - extent.left;
  const titleHeight = options.title ? TITLE_HEIGHT : 0;
  const notesHeight = scene.notes.length * NOTE_LINE;
  const top = MARGIN + titleHeight + notesHeight + (titleHeight + notesHeight > 0 ? 10 : 0) - extent.top;
  const textWidth = Math.max(
    options.title ? sansWidth(options.title, 15, true) : 0,
    max(scene.notes, (n) => sansWidth(n, 11.5)) ?? 0,
  );
  const contentWidth = Math.max(drawingWidth, textWidth, options.legend ? 380 : 0);
  const legend = options.legend ? drawLegend(options.legend, MARGIN, top + extent.bottom + 22, contentWidth) : null;
  const width = Math.ceil(Math.max(drawingWidth, textWidth, legend?.width ?? 0) + 2 * MARGIN);
  const height = Math.ceil(top + extent.bottom + (legend ? legend.height + 22 : 0) + MARGIN);
  const dx = MARGIN + (width - 2 * MARGIN - drawingWidth) / 2 - extent.left;
  return { width, height, dx, top, legend };
}

/**
 * The direction for 'auto': small graphs are laid out both ways and the one that fills the aspect
 * ratio at the larger scale wins; larger ones are judged by their layering alone (layers × widest
 * layer), since a second full layout would double the drawing time.
 */
export function chooseArrangement(
  scene: Scene,
  options: DocumentOptions,
): { arrangement: Arrangement; frame: Frame; leftToRight: boolean } {
  const aspect = options.direction === 'auto' ? options.aspect : null;
  const arrange = (direction: 'LR' | 'TB') => {
    const arrangement = arrangeScene(scene, direction, options.colours, aspect);
    return { arrangement, frame: frameOf(scene, arrangement, options), leftToRight: direction === 'LR' };
  };
  if (options.direction !== 'auto') return arrange(options.direction);
  if (scene.boxes.length <= BOTH_WAYS_LIMIT) {
    const lr = arrange('LR');
    const tb = arrange('TB');
    const score = (a: typeof lr) =>
      suitability(a.frame.width, a.frame.height, a.arrangement.layout.bands, options.aspect);
    return better(score(tb), score(lr)) ? tb : lr;
  }
  return arrange(estimatedDirection(scene, options.aspect));
}

/** LR or TB from the layering alone: how many layers, how many boxes in the widest, their sizes. */
function estimatedDirection(scene: Scene, aspect: number): 'LR' | 'TB' {
  const { layers, widest } = layerCounts(scene);
  const boxWidth = scene.boxes.reduce((s, b) => s + b.width, 0) / Math.max(1, scene.boxes.length);
  const boxHeight = scene.boxes.reduce((s, b) => s + b.height, 0) / Math.max(1, scene.boxes.length);
  const lr = { width: layers * (boxWidth + scene.labelWidth + 56), height: widest * (boxHeight + 16) };
  const tb = { width: widest * (boxWidth + 24), height: layers * (boxHeight + 44) };
  const scale = (f: { width: number; height: number }) => Math.min(aspect / f.width, 1 / f.height);
  return scale(tb) > scale(lr) ? 'TB' : 'LR';
}

/** How many longest-path layers the scene has, and how many boxes its widest layer holds. */
function layerCounts(scene: Scene): { layers: number; widest: number } {
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>();
  for (const box of scene.boxes) indegree.set(box.key, 0);
  for (const e of scene.edges) {
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  }
  const depth = new Map<string, number>();
  const queue = scene.boxes.filter((b) => indegree.get(b.key) === 0).map((b) => b.key);
  for (const key of queue) depth.set(key, 0);
  for (let k = 0; k < queue.length; k++) {
    const key = queue[k];
    for (const target of out.get(key) ?? []) {
      depth.set(target, Math.max(depth.get(target) ?? 0, depth.get(key)! + 1));
      indegree.set(target, indegree.get(target)! - 1);
      if (indegree.get(target) === 0) queue.push(target);
    }
  }
  const perLayer = new Map<number, number>();
  for (const d of depth.values()) perLayer.set(d, (perLayer.get(d) ?? 0) + 1);
  let widest = 0;
  for (const n of perLayer.values()) widest = Math.max(widest, n);
  return { layers: perLayer.size, widest };
}

/** The SVG markup of `scene`. */
export function sceneToSvg(scene: Scene, options: DocumentOptions): string {
  const { colours } = options;
  const { arrangement, frame } = chooseArrangement(scene, options);
  const { layout, edges: drawnEdges, labels: placedLabels } = arrangement;
  const { width, height, dx, top, legend } = frame;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(SANS)}">`,
    '<defs>',
    `<pattern id="${NOT_COMPUTED_PATTERN}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="${colours.nodeFill}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${colours.notComputed}" stroke-width="2.5"/></pattern>`,
    '</defs>',
    `<rect width="100%" height="100%" fill="${colours.background}"/>`,
  ];
  let y = MARGIN;
  if (options.title) {
    parts.push(
      `<text x="${MARGIN}" y="${y + 15}" font-size="15" font-weight="700" fill="${colours.text}">${escapeXml(options.title)}</text>`,
    );
    y += TITLE_HEIGHT;
  }
  for (const note of scene.notes) {
    parts.push(`<text x="${MARGIN}" y="${y + 12}" font-size="11.5" fill="${colours.muted}">${escapeXml(note)}</text>`);
    y += NOTE_LINE;
  }
  parts.push(`<g transform="translate(${px(dx)},${px(top)})">`);
  const labels: string[] = [];
  parts.push('<g>');
  scene.edges.forEach((edge, k) => {
    parts.push(`<g data-key="${escapeXml(edge.key)}">${drawnEdges[k].path}</g>`);
    const placed = placedLabels[k];
    if (placed) labels.push(labelMarkup(edge, placed, colours));
  });
  parts.push('</g><g>');
  for (const label of labels) parts.push(label);
  parts.push('</g><g>');
  for (const box of scene.boxes) {
    const at = layout.boxes.get(box.key)!;
    // data-key: the graph node key, a hook for pages and scripts (the explorer's hover and click).
    parts.push(`<g data-key="${escapeXml(box.key)}">${box.draw(at.x, at.y)}</g>`);
  }
  parts.push('</g></g>');
  if (legend) parts.push(legend.markup);
  parts.push('</svg>');
  return parts.join('\n');
}
