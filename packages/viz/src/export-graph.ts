/**
 * What the graph exporters (toDot, toMermaid, toGexf, toGraphml) share: their common options, the
 * size check that refuses a graph too large for a format before any work is done, and the graph
 * model they read (toGraph of a Value, or a ComputationGraph given by the caller).
 */
import { describe, Value } from '@chainrule/core';
import { checkLabel } from './label-text';
import { checkSize, sizeOfGraph, sizeOfValues } from './graph-size';
import { significant } from './svg-format';
import { toGraph } from './to-graph';
import type { ComputationGraph, GraphNodeAttributes, ToGraphOptions, ValueNodeAttributes } from './to-graph';
import { vizError } from './viz-error';

/** Options every graph exporter accepts (the toGraph options apply when a Value is given). */
export interface GraphExportOptions extends Pick<ToGraphOptions, 'grads' | 'parameters' | 'constants'> {
  /** Refuse graphs with more Values than this; each exporter documents its default. */
  maxValues?: number;
  /** Refuse graphs with more input edges than this. Default twice the format's maxValues. */
  maxEdges?: number;
  /** Significant digits of the numbers shown in labels. Default 4 (2.1000000000000005 reads 2.1). */
  precision?: number;
}

/** A Value or a ComputationGraph: what the exporters draw. */
export type GraphSource = Value | ComputationGraph;

/**
 * The graph to export, after checking its size against `maxValues` (the option, or the format's
 * `defaultMax`) and `maxEdges` (default twice that). A Value is counted first (a cheap iterative
 * walk) and only then turned into a graph; a graph given by the caller has its labels checked.
 */
export function graphForExport(
  where: string,
  source: GraphSource,
  options: GraphExportOptions,
  defaultMax: number,
  why: string,
): ComputationGraph {
  if (typeof options !== 'object' || options === null) {
    throw vizError(where, `options must be an object, got ${describe(options)}.`, 'pass {} for the defaults');
  }
  const maxValues = positiveLimit(where, 'maxValues', options.maxValues, defaultMax);
  const maxEdges = positiveLimit(where, 'maxEdges', options.maxEdges, 2 * defaultMax);
  const limits = {
    maxValues,
    maxEdges,
    scope: 'for this format',
    why,
    instead: 'export it with toJSON, which handles millions of nodes',
  };
  if (source instanceof Value) {
    const size = sizeOfValues(source);
    checkSize(where, size, limits);
    return toGraph(source, {
      grads: options.grads,
      parameters: options.parameters,
      constants: options.constants,
      maxValues: size.values,
      maxEdges: size.edges,
    });
  }
  if (!isComputationGraph(source)) {
    throw vizError(
      where,
      `expected a Value or a graph from toGraph, got ${describe(source)}.`,
      'pass the output Value of your computation',
    );
  }
  checkSize(where, sizeOfGraph(source), limits);
  checkGraphLabels(where, source);
  return source;
}

/** A graph edited by the caller may hold any label: each must be what toGraph accepts. */
export function checkGraphLabels(where: string, graph: ComputationGraph): void {
  graph.forEachNode((_key, attributes) => {
    if (attributes.type === 'value') checkLabel(where, attributes.label, attributes.id);
  });
}

/** `value` if it is a positive number, else `fallback` when it is undefined, else a VizError. */
function positiveLimit(where: string, name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 1)) {
    throw vizError(
      where,
      `options.${name} must be a positive number, got ${describe(value)}.`,
      `leave it out for ${fallback}`,
    );
  }
  return value;
}

function isComputationGraph(x: unknown): x is ComputationGraph {
  const g = x as ComputationGraph | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.forEachNode === 'function' &&
    typeof g.forEachEdge === 'function' &&
    typeof g.getAttribute === 'function'
  );
}

/** The number formatter for `options.precision` (significant digits, default 4). */
export function numberFormat(where: string, options: GraphExportOptions): (x: number) => string {
  const precision = options.precision ?? 4;
  if (!Number.isInteger(precision) || precision < 1 || precision > 17) {
    throw vizError(
      where,
      `options.precision must be an integer from 1 to 17, got ${describe(precision)}.`,
      'leave it out for 4 significant digits',
    );
  }
  return significant(precision);
}

/** The lines of a value node's record: its label (when it has one), its data, its grad ('—' when not computed). */
export function valueFields(node: ValueNodeAttributes, format: (x: number) => string): string[] {
  const fields: string[] = [];
  if (node.label) fields.push(node.label);
  if (node.kind === 'constant') {
    fields.push(format(node.data));
    return fields;
  }
  fields.push(`data ${format(node.data)}`, `grad ${node.grad === null ? '—' : format(node.grad)}`);
  return fields;
}

/** What a node is called in other tools (GEXF, GraphML): `w = 0.8` for Values, the symbol for ops. */
export function nodeLabel(node: GraphNodeAttributes): string {
  if (node.type === 'op') return node.symbol || node.op;
  const name = node.label || (node.kind === 'constant' ? 'const' : `#${node.id}`);
  return `${name} = ${node.data}`;
}

/** Fill colours of value nodes by kind, shared by the text exports (light, printable). */
export const KIND_FILL: Readonly<Record<ValueNodeAttributes['kind'], string>> = {
  leaf: '#dbeafe',
  parameter: '#fef3c7',
  constant: '#f3f4f6',
  intermediate: '#ffffff',
  output: '#d1fae5',
};

/** Outline colours of highlighted nodes and edges. */
export const HIGHLIGHT_STROKE: Readonly<Record<string, string>> = {
  mismatch: '#dc2626',
  anomaly: '#dc2626',
  'wrong-step': '#dc2626',
  carried: '#dc2626',
  step: '#ea580c',
  active: '#ea580c',
};

/** The layout options the text exports share, checked: direction and which edge labels to write. */
export interface TextLayoutOptions {
  /** `'LR'` (default, left to right) or `'TB'` (top to bottom). */
  direction?: 'LR' | 'TB';
  /** What input edges say: `'local'` (default) ∂out/∂in, `'both'` adds the contribution ∇, `'none'`. */
  edgeLabels?: 'local' | 'both' | 'none';
}

/** `options.direction` and `options.edgeLabels` with their defaults, or a VizError naming the bad one. */
export function textLayoutOptions(where: string, options: TextLayoutOptions): Required<TextLayoutOptions> {
  const direction = options.direction ?? 'LR';
  if (direction !== 'LR' && direction !== 'TB') {
    throw vizError(
      where,
      `options.direction must be 'LR' or 'TB', got ${describe(direction)}.`,
      "leave it out for 'LR'",
    );
  }
  const edgeLabels = options.edgeLabels ?? 'local';
  if (!['local', 'both', 'none'].includes(edgeLabels)) {
    throw vizError(
      where,
      `options.edgeLabels must be 'local', 'both' or 'none', got ${describe(edgeLabels)}.`,
      "leave it out for 'local'",
    );
  }
  return { direction, edgeLabels };
}
