/**
 * toMermaid: a computation graph as a Mermaid flowchart that renders when pasted into GitHub
 * markdown (in a ```mermaid block): value nodes as boxes with label, data and grad, op nodes as
 * circles, input edges labelled with the local gradient. Text is escaped with Mermaid's entity codes.
 */
import { describe } from '@chainrule/core';
import {
  HIGHLIGHT_STROKE,
  KIND_FILL,
  graphForExport,
  numberFormat,
  textLayoutOptions,
  valueFields,
} from './export-graph';
import type { GraphExportOptions, GraphSource, TextLayoutOptions } from './export-graph';
import { vizError } from './viz-error';
import { xmlSafe } from './xml-escape';

const WHERE = 'toMermaid';

/** Options of {@link toMermaid}. */
export interface ToMermaidOptions extends GraphExportOptions, TextLayoutOptions {
  /** Wrap the chart in a ```mermaid fence, ready to paste into markdown. Default false. */
  fenced?: boolean;
  /**
   * Most edges. Default 500: Mermaid's own default `maxEdges`, which GitHub uses; a larger chart
   * shows an error there. Raise it for renderers configured with a higher limit.
   */
  maxEdges?: number;
  /** Longest text, in characters. Default 50,000: Mermaid's default `maxTextSize`, which GitHub uses. */
  maxTextSize?: number;
}

/**
 * The graph under `root` (or a graph from `toGraph`) as a Mermaid flowchart.
 * Highlighted nodes and edges are drawn red (mismatch, anomaly) or orange (step, active).
 * Beyond GitHub's limits (500 edges, 50,000 characters) it throws, naming the option to raise.
 * @example
 * const w = new Value(0.8, 'w');
 * const C = w.mul(1.5).sub(0.5).pow(2);
 * C.backward();
 * fs.writeFileSync('graph.md', toMermaid(C, { fenced: true }));
 */
export function toMermaid(source: GraphSource, options: ToMermaidOptions = {}): string {
  const maxEdges = positive('maxEdges', options.maxEdges, 500);
  const maxTextSize = positive('maxTextSize', options.maxTextSize, 50_000);
  // Every Value but the root feeds at least one edge, so Values − 1 ≤ edges: refuse early on Values.
  const graph = graphForExport(
    WHERE,
    source,
    { ...options, maxValues: options.maxValues ?? maxEdges + 1 },
    maxEdges + 1,
    `Mermaid draws at most ${maxEdges} edges`,
  );
  const format = numberFormat(WHERE, options);
  const { direction, edgeLabels } = textLayoutOptions(WHERE, options);
  if (graph.size > maxEdges) {
    throw vizError(
      WHERE,
      `the graph has ${graph.size} edges, over the limit of ${maxEdges} (Mermaid's default maxEdges, which GitHub uses).`,
      'draw it with toDot or renderSvg, or raise options.maxEdges if your Mermaid renderer allows more',
    );
  }

  const lines = [`flowchart ${direction}`];
  const classes = new Map<string, string[]>();
  const addClass = (name: string, key: string): void => {
    const list = classes.get(name);
    if (list) list.push(key);
    else classes.set(name, [key]);
  };
  // Ids prefixed with n: Mermaid reads an id starting with o or x right after a link as a link end.
  const id = (key: string): string => `n${key}`;
  graph.forEachNode((graphKey, node) => {
    const key = id(graphKey);
    if (node.type === 'value') {
      const text = valueFields(node, format).map(mermaidText).join('<br/>');
      lines.push(`  ${key}["${text}"]`);
      addClass(node.grad === null && node.kind !== 'constant' ? `${node.kind}Pending` : node.kind, key);
    } else {
      lines.push(`  ${key}(("${mermaidText(node.symbol || node.op)}"))`);
      addClass('op', key);
    }
    if (node.highlight && HIGHLIGHT_STROKE[node.highlight]) addClass(node.highlight, key);
  });
  const highlightedEdges = new Map<string, number[]>();
  let edgeIndex = 0;
  graph.forEachEdge((_key, edge, sourceKey, targetKey) => {
    let label = '';
    // A constant receives no gradient: its link is dotted and unlabelled (its ∂ would be noise).
    const fromConstant = (graph.getNodeAttributes(sourceKey) as { kind?: string }).kind === 'constant';
    if (edge.type === 'input' && edgeLabels !== 'none' && !fromConstant) {
      label = `∂ ${format(edge.local)}`;
      if (edgeLabels === 'both' && edge.contribution !== null) label += ` · ∇ ${format(edge.contribution)}`;
    }
    const [from, to] = [id(sourceKey), id(targetKey)];
    if (fromConstant) lines.push(`  ${from} -.-> ${to}`);
    else lines.push(label ? `  ${from} -- "${mermaidText(label)}" --> ${to}` : `  ${from} --> ${to}`);
    if (edge.highlight && HIGHLIGHT_STROKE[edge.highlight]) {
      const colour = HIGHLIGHT_STROKE[edge.highlight];
      highlightedEdges.set(colour, [...(highlightedEdges.get(colour) ?? []), edgeIndex]);
    }
    edgeIndex++;
  });

  // Styles for the classes in use only: kinds (dashed while the grad is not computed), ops, highlights.
  for (const [name, keys] of classes) {
    lines.push(`  classDef ${name} ${classStyle(name)}`);
    lines.push(`  class ${keys.join(',')} ${name}`);
  }
  for (const [colour, indexes] of highlightedEdges)
    lines.push(`  linkStyle ${indexes.join(',')} stroke:${colour},stroke-width:2.5px`);

  const text = lines.join('\n') + '\n';
  if (text.length > maxTextSize) {
    throw vizError(
      WHERE,
      `the chart has ${text.length} characters, over the limit of ${maxTextSize} (Mermaid's default maxTextSize, which GitHub uses).`,
      'draw it with toDot or renderSvg, or raise options.maxTextSize',
    );
  }
  return options.fenced ? '```mermaid\n' + text + '```\n' : text;
}

function classStyle(name: string): string {
  if (name === 'op') return 'fill:#eef2ff,stroke:#6366f1,color:#111827';
  if (HIGHLIGHT_STROKE[name]) return `stroke:${HIGHLIGHT_STROKE[name]},stroke-width:3px`;
  const pending = name.endsWith('Pending');
  const fill = KIND_FILL[(pending ? name.slice(0, -'Pending'.length) : name) as keyof typeof KIND_FILL];
  return `fill:${fill},stroke:#4b5563,${pending ? 'stroke-dasharray:4 3,' : ''}color:#111827`;
}

const ENTITIES: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '`': '#96;',
};

/**
 * Text safe inside a quoted Mermaid label: the characters Mermaid or its HTML labels would read as
 * syntax become Mermaid entity codes (`#quot;`, `#lt;`, …); line breaks become spaces.
 */
export function mermaidText(text: string): string {
  return xmlSafe(text)
    .replace(/["#<>&`]/g, (c) => ENTITIES[c])
    .replace(/[\r\n\t]+/g, ' ');
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 1)) {
    throw vizError(
      WHERE,
      `options.${name} must be a positive number, got ${describe(value)}.`,
      `leave it out for ${fallback}`,
    );
  }
  return value;
}
