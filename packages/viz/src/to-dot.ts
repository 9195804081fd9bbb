/**
 * toDot: a computation graph as Graphviz DOT text drawn as renderSvg draws it — value nodes as
 * tables `label | data | grad` with the SVG theme's fills and the grad cell coloured by the same
 * gradient scale, op nodes as small circles with the op symbol, edges coloured by the gradient they
 * carry and labelled with the local gradient, the output's border bold, highlights in the theme's
 * colours. Every string is escaped for DOT or its HTML-like labels; one pass over the graph.
 */
import { color as d3color } from 'd3';
import { gradientColourScale, type GradientColourScale } from './gradient-colour';
import { themeColours, type SvgColours } from './svg-theme';
import { graphForExport, numberFormat, textLayoutOptions, valueFields } from './export-graph';
import type { GraphExportOptions, GraphSource, TextLayoutOptions } from './export-graph';
import type { InputEdgeAttributes, OpNodeAttributes, ValueNodeAttributes } from './to-graph';
import { xmlSafe } from './xml-escape';
import { vizError } from './viz-error';

const WHERE = 'toDot';

/** Options of {@link toDot}. */
export interface ToDotOptions extends GraphExportOptions, TextLayoutOptions {
  /** Font of nodes and edges. Default `'Helvetica'`. */
  fontName?: string;
  /** renderSvg's colour theme: `'light'` (default) or `'dark'`. */
  theme?: 'light' | 'dark';
  /** Most Values accepted. Default 500,000 (Graphviz itself is slow far below that; use sfdp for big graphs). */
  maxValues?: number;
}

/**
 * The graph under `root` (or a graph from `toGraph`, e.g. with highlights set) as Graphviz DOT.
 * Render it with `dot -Tsvg graph.dot -o graph.svg` or paste it into any Graphviz viewer.
 * Highlighted nodes and edges get a red (mismatch, anomaly) or orange (step, active) outline and
 * their note as a tooltip; a gradient not computed yet reads `grad —` in a dashed record.
 * @example
 * const w = new Value(0.8, 'w');
 * const C = w.mul(1.5).sub(0.5).pow(2);
 * C.backward();
 * fs.writeFileSync('graph.dot', toDot(C));
 */
export function toDot(source: GraphSource, options: ToDotOptions = {}): string {
  const graph = graphForExport(WHERE, source, options, 500_000, 'Graphviz cannot lay out more in reasonable time');
  const format = numberFormat(WHERE, options);
  const { direction, edgeLabels } = textLayoutOptions(WHERE, options);
  const font = quote(options.fontName ?? 'Helvetica');
  const theme = options.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark') {
    throw vizError(
      WHERE,
      `options.theme must be 'light' or 'dark', got ${JSON.stringify(String(theme))}.`,
      'leave it out for light',
    );
  }
  const colours = themeColours(theme);
  const grads: number[] = [];
  graph.forEachNode((_key, a) => {
    if (a.type === 'value' && a.grad !== null) grads.push(a.grad);
  });
  const style: DotStyle = { colours, scale: gradientColourScale(grads, colours), format };

  let values = 0;
  let operations = 0;
  const lines: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.type === 'value') {
      values++;
      lines.push(`  ${key} [${valueNode(attributes, style, direction)}];`);
    } else {
      operations++;
      lines.push(`  ${key} [${opNode(attributes, style)}];`);
    }
  });
  graph.forEachEdge((_key, attributes, sourceKey, targetKey) => {
    const parts: string[] = [];
    if (attributes.type === 'input') {
      // A constant receives no gradient: its edge is dashed and unlabelled (its ∂ would be noise).
      const fromConstant = (graph.getNodeAttributes(sourceKey) as { kind?: string }).kind === 'constant';
      const label = fromConstant ? '' : edgeLabel(attributes, edgeLabels, format);
      if (label) parts.push(`label=${quote(label)}`);
      if (fromConstant) parts.push('style=dashed');
      if (attributes.contribution !== null)
        parts.push(`color=${quote(hex(style.scale.stroke(attributes.contribution)))}`);
      parts.push(
        `tooltip=${quote(`argument ${attributes.index}: ∂out/∂in = ${attributes.local}${attributes.contribution === null ? '' : `, contribution = ${attributes.contribution}`}`)}`,
      );
    }
    for (const part of highlight(attributes.highlight, attributes.note, 'edge', colours)) parts.push(part);
    lines.push(`  ${sourceKey} -> ${targetKey}${parts.length ? ` [${parts.join(', ')}]` : ''};`);
  });

  const gradsNote = graph.getAttribute('gradsComputed') ? '' : ' Gradients not computed yet (grad —).';
  return [
    `// chainrule computation graph: ${values} values, ${operations} operations.${gradsNote}`,
    '// Render with: dot -Tsvg graph.dot -o graph.svg',
    'digraph chainrule {',
    `  graph [rankdir=${direction}, fontname=${font}, nodesep=0.3, ranksep=0.45, bgcolor=${quote(colours.background)}];`,
    `  node [fontname=${font}, fontsize=11, color=${quote(colours.border)}, fontcolor=${quote(colours.text)}];`,
    `  edge [fontname=${font}, fontsize=9, color=${quote(colours.edge)}, fontcolor=${quote(colours.muted)}, arrowsize=0.7];`,
    ...lines,
    '}',
    '',
  ].join('\n');
}

interface DotStyle {
  colours: SvgColours;
  scale: GradientColourScale;
  format: (x: number) => string;
}

/** A Value as an HTML-like table, one cell per field, coloured as renderSvg colours its record. */
function valueNode(node: ValueNodeAttributes, { colours, scale, format }: DotStyle, direction: 'LR' | 'TB'): string {
  const cell = (text: string, fill: string, fontColour: string, bold = false): string =>
    `<td bgcolor="${fill}"><font color="${fontColour}">${bold ? '<b>' : ''}${htmlText(text)}${bold ? '</b>' : ''}</font></td>`;
  const labelFill =
    node.kind === 'parameter' ? colours.parameterFill : node.kind === 'leaf' ? colours.leafFill : colours.nodeFill;
  const cells: string[] = [];
  if (node.label) cells.push(cell(node.label, labelFill, colours.text, true));
  if (node.kind === 'constant') {
    cells.push(cell(format(node.data), colours.background, colours.muted));
  } else {
    cells.push(cell(`data ${format(node.data)}`, colours.nodeFill, colours.text));
    cells.push(
      node.grad === null
        ? cell('grad —', colours.notComputed, colours.muted)
        : cell(`grad ${format(node.grad)}`, hex(scale.fill(node.grad)), hex(scale.text(node.grad))),
    );
  }
  // A plain node has no outline of its own: the table's border carries the output's weight and a highlight.
  const ring = node.highlight ? (colours.highlight as Record<string, string>)[node.highlight] : undefined;
  const border = ring ? 3 : node.kind === 'output' ? 2 : 1;
  const edge = ring ?? (node.kind === 'output' ? colours.text : colours.border);
  const style = node.kind === 'constant' || node.grad === null ? 'rounded,dashed' : 'rounded';
  const parts = [
    'shape=plain',
    `label=<<table border="${border}" cellborder="0" cellspacing="0" cellpadding="4" style="${style}" color="${edge}"><tr>${cells.join('')}</tr></table>>`,
  ];
  if (node.note) parts.push(`tooltip=${quote(node.note)}`);
  const markup = parts.join(', ');
  return utf8Bytes(markup) <= MAX_HTML_LABEL ? markup : longRecord(node, { colours, scale, format }, direction, ring);
}

/** Graphviz refuses an HTML-like label over 16,384 bytes; longer ones fall back to a record. */
const MAX_HTML_LABEL = 16_000;

/** A value with a very long label as a plain record (one fill, no cell colours), readable by Graphviz. */
function longRecord(
  node: ValueNodeAttributes,
  { colours, format }: DotStyle,
  direction: 'LR' | 'TB',
  ring: string | undefined,
): string {
  const fields = valueFields(node, format).map(recordText).join(' | ');
  // In LR layouts a record's fields stack vertically unless wrapped in braces.
  const label = direction === 'LR' ? `{ ${fields} }` : fields;
  const style = node.grad === null && node.kind !== 'constant' ? 'rounded,filled,dashed' : 'rounded,filled';
  const parts = [
    `shape=Mrecord`,
    `style=${quote(style)}`,
    `fillcolor=${quote(colours.nodeFill)}`,
    `label=${quoted(label)}`,
  ];
  if (ring) parts.push(`color=${quote(ring)}`, 'penwidth=2.5');
  if (node.note) parts.push(`tooltip=${quote(node.note)}`);
  return parts.join(', ');
}

/** Text safe in one field of a record label: DOT string escaping plus the record syntax characters. */
function recordText(text: string): string {
  return dotString(text).replace(/[{}|<>]/g, (c) => `\\${c}`);
}

function opNode(node: OpNodeAttributes, { colours }: DotStyle): string {
  const parts = [
    'shape=circle',
    'width=0.3',
    'margin=0.02',
    'style=filled',
    `fillcolor=${quote(colours.leafFill)}`,
    `label=${quote(node.symbol || node.op)}`,
    `tooltip=${quote(node.op)}`,
  ];
  for (const part of highlight(node.highlight, node.note, 'node', colours)) parts.push(part);
  return parts.join(', ');
}

function edgeLabel(edge: InputEdgeAttributes, mode: string, format: (x: number) => string): string {
  if (mode === 'none') return '';
  const local = `∂ ${format(edge.local)}`;
  if (mode === 'both' && edge.contribution !== null) return `${local}\n∇ ${format(edge.contribution)}`;
  return local;
}

function highlight(
  kind: string | undefined,
  note: string | undefined,
  what: 'node' | 'edge',
  colours: SvgColours,
): string[] {
  const parts: string[] = [];
  const colour = kind ? (colours.highlight as Record<string, string>)[kind] : undefined;
  if (colour) parts.push(`color=${quote(colour)}`, `penwidth=${what === 'node' ? 2.5 : 2}`);
  if (note) parts.push(`${what === 'node' ? 'tooltip' : 'labeltooltip'}=${quote(note)}`);
  return parts;
}

/** Text safe in a DOT double-quoted string: backslashes and quotes escaped, line breaks as \n. */
export function dotString(text: string): string {
  return xmlSafe(text)
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/\t/g, ' ');
}

function quote(text: string): string {
  return quoted(dotString(text));
}

/** Graphviz refuses a quoted string over 16,384 bytes; longer text is split into "…" + "…" parts. */
const DOT_CHUNK_BYTES = 8000;

/**
 * Already-escaped DOT text as one quoted string, or several joined with DOT's `+` when it is long,
 * cut only between characters and never inside a backslash escape.
 */
function quoted(escaped: string): string {
  if (escaped.length * 3 <= DOT_CHUNK_BYTES) return `"${escaped}"`;
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  let i = 0;
  while (i < escaped.length) {
    // A backslash and the character it escapes stay together.
    const escape = escaped[i] === '\\' && i + 1 < escaped.length ? 1 : 0;
    const code = escaped.codePointAt(i + escape)!;
    const units = escape + (code > 0xffff ? 2 : 1);
    const width = escape + utf8Width(code);
    if (bytes + width > DOT_CHUNK_BYTES) {
      parts.push(escaped.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += width;
    i += units;
  }
  parts.push(escaped.slice(start));
  return parts.map((part) => `"${part}"`).join(' + ');
}

/** The UTF-8 size of a string, which is what Graphviz's limits count. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) bytes += utf8Width(ch.codePointAt(0)!);
  return bytes;
}

function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Text safe inside an HTML-like label: the markup characters as entities, a backslash doubled
 * (Graphviz reads \N as the node's name even there, and \\ as one backslash); control characters
 * dropped (Graphviz refuses their character references), tabs as spaces, line breaks as <br/>.
 */
function htmlText(text: string): string {
  const entity: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\\': '\\\\' };
  return xmlSafe(text)
    .replace(/\t/g, ' ')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[&<>"\\]/g, (c) => entity[c]))
    .join('<br/>');
}

/** Graphviz reads colours as names or #rrggbb, not CSS's rgb(...). */
function hex(colour: string): string {
  return d3color(colour)?.formatHex() ?? colour;
}
