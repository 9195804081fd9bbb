/**
 * toDot: a computation graph as Graphviz DOT text — value nodes as records `label | data | grad`,
 * op nodes as small circles with the op symbol, input edges labelled with the local gradient.
 * Every string is escaped for DOT; the text is built in one pass over the graph (no recursion).
 */
import {
  HIGHLIGHT_STROKE,
  KIND_FILL,
  graphForExport,
  numberFormat,
  textLayoutOptions,
  valueFields,
} from './export-graph';
import type { GraphExportOptions, GraphSource, TextLayoutOptions } from './export-graph';
import type { InputEdgeAttributes, OpNodeAttributes, ValueNodeAttributes } from './to-graph';
import { xmlSafe } from './xml-escape';

const WHERE = 'toDot';

/** Options of {@link toDot}. */
export interface ToDotOptions extends GraphExportOptions, TextLayoutOptions {
  /** Font of nodes and edges. Default `'Helvetica'`. */
  fontName?: string;
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

  let values = 0;
  let operations = 0;
  const lines: string[] = [];
  graph.forEachNode((key, attributes) => {
    if (attributes.type === 'value') {
      values++;
      lines.push(`  ${key} [${valueNode(attributes, format, direction)}];`);
    } else {
      operations++;
      lines.push(`  ${key} [${opNode(attributes)}];`);
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
      parts.push(
        `tooltip=${quote(`argument ${attributes.index}: ∂out/∂in = ${attributes.local}${attributes.contribution === null ? '' : `, contribution = ${attributes.contribution}`}`)}`,
      );
    }
    for (const part of highlight(attributes.highlight, attributes.note, 'edge')) parts.push(part);
    lines.push(`  ${sourceKey} -> ${targetKey}${parts.length ? ` [${parts.join(', ')}]` : ''};`);
  });

  const gradsNote = graph.getAttribute('gradsComputed') ? '' : ' Gradients not computed yet (grad —).';
  return [
    `// chainrule computation graph: ${values} values, ${operations} operations.${gradsNote}`,
    '// Render with: dot -Tsvg graph.dot -o graph.svg',
    'digraph chainrule {',
    `  graph [rankdir=${direction}, fontname=${font}, nodesep=0.3, ranksep=0.45];`,
    `  node [fontname=${font}, fontsize=11, color="#4b5563"];`,
    `  edge [fontname=${font}, fontsize=9, color="#6b7280", fontcolor="#374151", arrowsize=0.7];`,
    ...lines,
    '}',
    '',
  ].join('\n');
}

function valueNode(node: ValueNodeAttributes, format: (x: number) => string, direction: 'LR' | 'TB'): string {
  const fields = valueFields(node, format).map(recordText).join(' | ');
  // In LR layouts a record's fields stack vertically unless wrapped in braces.
  const label = direction === 'LR' ? `{ ${fields} }` : fields;
  const style = node.grad === null && node.kind !== 'constant' ? 'rounded,filled,dashed' : 'rounded,filled';
  const parts = [
    `shape=Mrecord`,
    `style=${quote(style)}`,
    `fillcolor=${quote(KIND_FILL[node.kind])}`,
    `label=${quoted(label)}`,
  ];
  for (const part of highlight(node.highlight, node.note, 'node')) parts.push(part);
  return parts.join(', ');
}

function opNode(node: OpNodeAttributes): string {
  const parts = [
    'shape=circle',
    'width=0.3',
    'margin=0.02',
    'style=filled',
    'fillcolor="#eef2ff"',
    `label=${quote(node.symbol || node.op)}`,
    `tooltip=${quote(node.op)}`,
  ];
  for (const part of highlight(node.highlight, node.note, 'node')) parts.push(part);
  return parts.join(', ');
}

function edgeLabel(edge: InputEdgeAttributes, mode: string, format: (x: number) => string): string {
  if (mode === 'none') return '';
  const local = `∂ ${format(edge.local)}`;
  if (mode === 'both' && edge.contribution !== null) return `${local}\n∇ ${format(edge.contribution)}`;
  return local;
}

function highlight(kind: string | undefined, note: string | undefined, what: 'node' | 'edge'): string[] {
  const parts: string[] = [];
  if (kind && HIGHLIGHT_STROKE[kind]) {
    parts.push(`color=${quote(HIGHLIGHT_STROKE[kind])}`, `penwidth=${what === 'node' ? 2.5 : 2}`);
  }
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

function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Text safe in one field of a record label: DOT string escaping plus the record syntax characters. */
function recordText(text: string): string {
  return dotString(text).replace(/[{}|<>]/g, (c) => `\\${c}`);
}
