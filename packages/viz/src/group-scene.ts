/**
 * The grouped drawing of a large graph: one box per group of groupGraph (title, how many uses and
 * ops, data, output gradient coloured like a record's grad cell, leaves read), edges between boxes
 * coloured by the gradient they carry, and a note saying what was grouped and hidden.
 */
import { max } from 'd3';
import type { GroupedGraph, ValueGroup } from './group-graph';
import { monoWidth, sansWidth } from './measure-text';
import { highlightRing, NOT_COMPUTED_PATTERN, type NodeStyle } from './svg-nodes';
import { emptyScene, px, type Scene, type SceneBox } from './svg-scene';
import { MONO } from './svg-theme';
import { escapeXml } from './xml-escape';

const LINE = 15;
const PAD = 8;
const MAX_EDGE_LABELS = 80;

/** The scene of a grouped graph (see groupGraph). */
export function groupScene(grouped: GroupedGraph, style: NodeStyle): Scene {
  const { colours, scale, format } = style;
  const scene = emptyScene();
  for (const group of grouped.groups) {
    if (group.highlight) scene.highlights.add(group.highlight);
    if (group.outputs.some((v) => v.kind === 'output')) scene.kinds.add('output');
    if (group.outputs.some((v) => v.grad === null)) scene.kinds.add('not-computed');
    scene.boxes.push(groupBox(group, style));
  }
  const labelled = grouped.edges.length <= MAX_EDGE_LABELS;
  for (const edge of grouped.edges) {
    if (edge.highlight) scene.highlights.add(edge.highlight);
    const label =
      labelled && edge.contribution !== null
        ? `∇ ${edge.count > 1 ? 'Σ ' : ''}${format(edge.contribution)}`
        : undefined;
    if (label) scene.labelWidth = Math.max(scene.labelWidth, monoWidth(label, 10.5));
    if (edge.contribution !== null) scene.edgeColours = true;
    scene.edges.push({
      key: edge.key,
      source: edge.source,
      target: edge.target,
      colour: edge.contribution === null ? colours.edge : scale.stroke(edge.contribution),
      strokeWidth: labelled ? Math.min(3.5, 1 + Math.log10(edge.count)) : 1, // thin when many edges share a column gap
      label,
      highlight: edge.highlight,
      title: `${edge.count} edge${edge.count === 1 ? '' : 's'}, gradient carried back: ${edge.contribution ?? 'not computed'}`,
    });
  }
  // Many unlabelled edges still need room between columns to stay apart.
  scene.labelWidth = Math.max(scene.labelWidth, Math.min(60, grouped.edges.length / 4));
  scene.notes.push(
    `Grouped: ${grouped.nodeCount.toLocaleString('en-US')} values and ops drawn as ${grouped.groups.length} box${grouped.groups.length === 1 ? '' : 'es'}.`,
    'A box is a neuron or a labelled sub-expression; ×N merges the N uses of the same parameters (one per data point).',
    'Constants are hidden; leaves are counted in the boxes that read them. A larger { maxNodes } draws every node (slow).',
  );
  return scene;
}

function groupBox(group: ValueGroup, style: NodeStyle): SceneBox {
  const { colours, scale, format } = style;
  const first = group.outputs[0];
  const uses = group.outputs.length;
  const title =
    first.label !== '' ? first.label : first.kind === 'output' ? `output ${describeOp(group)}` : describeOp(group);
  const usesLine = `${uses > 1 ? `×${uses} · ` : ''}${group.opsPerUse} op${group.opsPerUse === 1 ? '' : 's'}${uses > 1 ? ' each' : ''} · ${group.leaves} lea${group.leaves === 1 ? 'f' : 'ves'}`;
  const data =
    uses === 1
      ? format(first.data)
      : range(
          group.outputs.map((o) => o.data),
          format,
        );
  const grads = group.outputs.map((o) => o.grad);
  const grad = grads.some((g) => g === null) ? null : (grads as number[]).reduce((s, g) => s + g, 0);
  const gradText = grad === null ? '—' : `${uses > 1 ? 'Σ ' : ''}${format(grad)}`;
  const lines: Array<{ key: string; value: string }> = [
    { key: 'data', value: data },
    { key: 'grad', value: gradText },
  ];
  const width = Math.ceil(
    Math.max(
      sansWidth(title, 12.5, true),
      sansWidth(usesLine, 10),
      max(lines, (l) => sansWidth(l.key, 9.5) + 6 + monoWidth(l.value, 11.5))!,
    ) +
      2 * PAD,
  );
  const height = 2 * PAD + LINE * 4;
  const tooltip =
    `${title}: ${uses} use${uses === 1 ? '' : 's'}, ${group.ops} ops in all, ${group.leaves} leaves` +
    (group.leafContribution === null ? '' : `, gradient sent to its leaves: ${group.leafContribution}`);
  const draw = (cx: number, cy: number): string => {
    const left = cx - width / 2;
    const top = cy - height / 2;
    const row = (n: number): number => top + PAD + LINE * n;
    const gradFill = grad === null ? `url(#${NOT_COMPUTED_PATTERN})` : scale.fill(grad);
    const gradText = grad === null ? colours.muted : scale.text(grad);
    const parts = [`<g><title>${escapeXml(tooltip)}</title>`];
    if (group.highlight) parts.push(highlightRing(cx, cy, width, height, group.highlight, colours));
    parts.push(
      `<rect x="${px(left)}" y="${px(top)}" width="${width}" height="${height}" rx="6" fill="${colours.nodeFill}" stroke="${colours.border}"${uses > 1 ? ' stroke-width="1.5"' : ''}/>`,
      `<rect x="${px(left + 1)}" y="${px(row(3) - 1)}" width="${width - 2}" height="${LINE + 2}" fill="${gradFill}"/>`,
      `<text x="${px(left + PAD)}" y="${px(row(1) - 3)}" font-size="12.5" font-weight="700" fill="${colours.text}">${escapeXml(title)}</text>`,
      `<text x="${px(left + PAD)}" y="${px(row(2) - 4)}" font-size="10" fill="${colours.muted}">${escapeXml(usesLine)}</text>`,
    );
    lines.forEach((line, i) => {
      const y = row(3 + i) - 3.5;
      const fill = i === 1 ? gradText : colours.text;
      parts.push(
        `<text x="${px(left + PAD)}" y="${px(y)}" font-size="9.5" fill="${i === 1 ? fill : colours.muted}">${line.key}</text>`,
        `<text x="${px(left + PAD + sansWidth(line.key, 9.5) + 6)}" y="${px(y)}" font-family="${MONO}" font-size="11.5" fill="${fill}">${escapeXml(line.value)}</text>`,
      );
    });
    parts.push('</g>');
    return parts.join('');
  };
  return { key: group.key, width, height, draw };
}

function describeOp(group: ValueGroup): string {
  const { symbol } = group;
  if (group.activation) return group.terms > 0 ? `neuron ${symbol}(Σ ${group.terms})` : `${symbol}(…)`;
  return `${symbol} (${group.op})`;
}

function range(values: number[], format: (x: number) => string): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo === hi ? format(lo) : `${format(lo)} … ${format(hi)}`;
}
