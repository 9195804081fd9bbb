/**
 * A scene to a standalone SVG document: layout (layoutLayered), edges under boxes, edge labels above
 * edges, notes on top and the legend at the bottom, with the shared pattern definitions.
 */
import { max } from 'd3';
import { layoutLayered } from './layout-layered';
import { drawEdge } from './svg-edges';
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

/** The SVG markup of `scene`. */
export function sceneToSvg(scene: Scene, options: DocumentOptions): string {
  const { colours } = options;
  const leftToRight = options.direction === 'LR';
  const layout = layoutLayered(scene.boxes, scene.edges, {
    direction: options.direction,
    nodeGap: leftToRight ? 16 : 24,
    layerGap: leftToRight ? Math.min(260, Math.max(40, scene.labelWidth + 56)) : 44,
  });

  // Edges are drawn first: a label beside a stub may reach past the outermost boxes.
  const drawnEdges = scene.edges.map((edge) => drawEdge(edge, layout.edges.get(edge.key)!, leftToRight, colours));
  let left = 0;
  let right = layout.width;
  for (const { labelSpan } of drawnEdges) {
    if (labelSpan === null) continue;
    left = Math.min(left, labelSpan[0]);
    right = Math.max(right, labelSpan[1]);
  }
  const drawingWidth = right - left;

  const titleHeight = options.title ? 24 : 0;
  const notesHeight = scene.notes.length * NOTE_LINE;
  const top = MARGIN + titleHeight + notesHeight + (titleHeight + notesHeight > 0 ? 10 : 0);
  const textWidth = Math.max(
    options.title ? sansWidth(options.title, 15, true) : 0,
    max(scene.notes, (n) => sansWidth(n, 11.5)) ?? 0,
  );
  const contentWidth = Math.max(drawingWidth, textWidth, options.legend ? 380 : 0);
  const legend = options.legend ? drawLegend(options.legend, MARGIN, top + layout.height + 22, contentWidth) : null;
  const width = Math.ceil(Math.max(drawingWidth, textWidth, legend?.width ?? 0) + 2 * MARGIN);
  const height = Math.ceil(top + layout.height + (legend ? legend.height + 22 : 0) + MARGIN);
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
    const drawn = drawnEdges[k];
    parts.push(`<g data-key="${escapeXml(edge.key)}">${drawn.path}</g>`);
    if (drawn.label) labels.push(drawn.label);
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
