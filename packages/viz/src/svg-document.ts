/**
 * A scene to a standalone SVG document: layout (layoutLayered), edges under boxes, edge labels above
 * edges and clear of boxes and of each other (svg-labels.ts; the layout gets more room when a label
 * finds no free spot), notes on top and the legend at the bottom, with the shared pattern definitions.
 */
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
  direction: 'LR' | 'TB';
  colours: SvgColours;
  title?: string;
  legend: LegendInput | null;
}

const MARGIN = 20;
const NOTE_LINE = 16;

/** Where everything of a scene goes: the layout, each edge's markup and its placed label. */
export interface Arrangement {
  layout: Layout;
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

/** Lays out `scene` and places its edge labels, giving the layout more room until all fit. */
export function arrangeScene(scene: Scene, direction: 'LR' | 'TB', colours: SvgColours): Arrangement {
  const leftToRight = direction === 'LR';
  let arrangement: Arrangement | null = null;
  for (const room of ROOM) {
    const layout = layoutLayered(scene.boxes, scene.edges, {
      direction,
      nodeGap: leftToRight ? 16 : 24,
      layerGap: (leftToRight ? Math.min(260, Math.max(40, scene.labelWidth + 56)) : 44) * room,
    });
    const edges = scene.edges.map((edge) => drawEdge(edge, layout.edges.get(edge.key)!, leftToRight, colours));
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

/** The SVG markup of `scene`. */
export function sceneToSvg(scene: Scene, options: DocumentOptions): string {
  const { colours } = options;
  const { layout, edges: drawnEdges, labels: placedLabels, extent } = arrangeScene(scene, options.direction, colours);
  const drawingWidth = extent.right - extent.left;
  const left = extent.left;

  const titleHeight = options.title ? 24 : 0;
  const notesHeight = scene.notes.length * NOTE_LINE;
  const top = MARGIN + titleHeight + notesHeight + (titleHeight + notesHeight > 0 ? 10 : 0) - extent.top;
  const textWidth = Math.max(
    options.title ? sansWidth(options.title, 15, true) : 0,
    ...scene.notes.map((n) => sansWidth(n, 11.5)),
  );
  const contentWidth = Math.max(drawingWidth, textWidth, options.legend ? 380 : 0);
  const legend = options.legend ? drawLegend(options.legend, MARGIN, top + extent.bottom + 22, contentWidth) : null;
  const width = Math.ceil(Math.max(drawingWidth, textWidth, legend?.width ?? 0) + 2 * MARGIN);
  const height = Math.ceil(top + extent.bottom + (legend ? legend.height + 22 : 0) + MARGIN);
  const dx = MARGIN + (width - 2 * MARGIN - drawingWidth) / 2 - left;

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
    y += titleHeight;
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
  parts.push('</g><g>', ...labels, '</g><g>');
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
