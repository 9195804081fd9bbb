/**
 * renderHtml: one self-contained interactive page for a computation graph. The graph, its backward
 * pass and the page script (d3, graphology and the renderer bundled) are inlined, so the file works
 * offline from file:// with no request at all; a Content-Security-Policy allows only its own code.
 */
import { Value, describe } from '@chainrule/core';
import { checkSize, sizeOfValues } from './graph-size';
import type { Highlight } from './to-graph';
import { toGraph, valueKey } from './to-graph';
import { stepTrace } from './step-trace';
import type { PageData, PageSvgOptions } from './page/page-data';
import { pageHtml } from './page/page-html';
import { checkKnownOptions, checkRenderSvgOptions } from './render-svg-options';
import { isMistake, markMistake, type Mistake } from './mark-mistake';
import { vizError } from './viz-error';

const WHERE = 'renderHtml';
const DEFAULT_MAX_VALUES = 1200;

/** A node to emphasize on the page (e.g. where a hand-derived gradient disagrees with autograd). */
export interface HtmlHighlight {
  value: Value;
  highlight: Extract<Highlight, 'mismatch' | 'anomaly'>;
  /** Shown in the node's tooltip and in the details panel. */
  note?: string;
}

/** Options of `renderHtml(root, options)`. */
export interface RenderHtmlOptions {
  /** Page title and heading. Default 'chainrule: backward pass'. */
  title?: string;
  /** Leaves to mark as parameters (drawn as such). Default: none. */
  parameters?: Iterable<Value>;
  /** Show constant nodes (numbers given to ops). Default true. */
  constants?: boolean;
  /**
   * Nodes to highlight as 'mismatch' or 'anomaly', with a note. Nodes whose value or gradient is
   * NaN or ±Infinity are highlighted as anomalies automatically. Default: none.
   */
  highlights?: Iterable<HtmlHighlight>;
  /** Colour theme; 'auto' (default) follows the reader's system setting. A button switches it. */
  theme?: 'auto' | 'light' | 'dark';
  /** Where the step-through starts: 0 (default, before backward) or 'end' (all gradients shown). */
  start?: 0 | 'end';
  /**
   * Your own text for the "this step" panel, by position: captions[0] at the start, captions[k]
   * after step k (e.g. the weight update after the last step). Shown as text. Default: none.
   */
  captions?: readonly (string | null | undefined)[];
  /** Milliseconds between steps when playing. Default 900. */
  playInterval?: number;
  /**
   * Options passed to renderSvg for every frame, e.g. `{ precision: 3, edgeLabels: 'both' }`
   * (plain data: no `format` function; the page sets the theme). Without `direction` the page
   * picks left-to-right or top-to-bottom, whichever fits the window better. Default {}.
   */
  svg?: PageSvgOptions;
  /**
   * Refuse graphs with more Values than this. Default 1200: every step redraws the whole graph,
   * and beyond about 2500 boxes (values + ops) renderSvg draws groups, which cannot be stepped.
   */
  maxValues?: number;
  /** Refuse graphs with more input edges than this. Default 2400 (twice maxValues' default). */
  maxEdges?: number;
  /**
   * Where a hand-derived backward pass goes wrong, e.g. from compareGradients: the node is ringed
   * and the nodes downstream of it are marked on every frame (see renderSvg). Default none.
   */
  mistake?: Mistake;
}

/**
 * An interactive page that steps through the backward pass of `root`: pan/zoom, node details with
 * the chain rule written out, previous/next/play/reset and a slider, keyboard (arrows step, space
 * plays), light and dark. Returns the HTML as a string; write it to a file and open it.
 * @example
 * const i = new Value(1.5, 'i'), w = new Value(0.8, 'w'), y = new Value(0.5, 'y');
 * const a = i.mul(w); a.label = 'a';
 * const C = a.sub(y).pow(2); C.label = 'C';
 * fs.writeFileSync('seed.html', renderHtml(C, { title: 'One weight, one step', parameters: [w] }));
 */
export function renderHtml(root: Value, options: RenderHtmlOptions = {}): string {
  if (!(root instanceof Value)) {
    throw vizError(
      WHERE,
      `expected a Value as the root, got ${describe(root)}.`,
      'pass the output Value of your computation',
    );
  }
  checkOptions(options);
  // Counted before building the graph, so an oversized graph is refused at once (building it first
  // took about a minute for 10^6 nodes).
  checkSize('renderHtml', sizeOfValues(root, options.constants ?? true), {
    maxValues: options.maxValues ?? DEFAULT_MAX_VALUES,
    maxEdges: options.maxEdges ?? 2 * DEFAULT_MAX_VALUES,
    why: 'every step redraws the whole graph',
    instead: 'draw it as a still picture with renderSvg',
  });
  const graph = toGraph(root, {
    grads: 'compute',
    parameters: options.parameters,
    constants: options.constants,
    maxValues: Infinity,
    maxEdges: Infinity,
  });
  graph.forEachNode((key, attributes) => {
    if (attributes.type !== 'value') return;
    const bad = [attributes.data, attributes.grad ?? 0].some((x) => !Number.isFinite(x));
    if (bad) {
      graph.setNodeAttribute(key, 'highlight', 'anomaly');
      graph.setNodeAttribute(key, 'note', 'value or gradient is not a finite number');
    }
  });
  for (const mark of options.highlights ?? []) {
    const key = valueKey(mark.value.id);
    if (!graph.hasNode(key)) {
      throw vizError(
        WHERE,
        `a highlighted Value (${mark.value.toString()}) is not in the graph of this root.`,
        'highlight only Values the root depends on',
      );
    }
    graph.setNodeAttribute(key, 'highlight', mark.highlight);
    if (mark.note) graph.setNodeAttribute(key, 'note', mark.note);
  }
  if (options.mistake !== undefined) markMistake(graph, options.mistake, WHERE);

  const trace = stepTrace(root);
  const title = options.title ?? 'chainrule: backward pass';
  const data: PageData = {
    title,
    graph: graph.export(),
    trace,
    svgOptions: options.svg ?? {},
    theme: options.theme ?? 'auto',
    playInterval: options.playInterval ?? 900,
    start: options.start === 'end' ? trace.steps.length : 0,
    captions: Array.from({ length: trace.steps.length + 1 }, (_, k) => options.captions?.[k] ?? null),
  };
  return pageHtml(title, data);
}

const HTML_OPTIONS: readonly (keyof RenderHtmlOptions)[] = [
  'title',
  'parameters',
  'constants',
  'highlights',
  'theme',
  'start',
  'captions',
  'playInterval',
  'svg',
  'maxValues',
  'maxEdges',
  'mistake',
];

function checkOptions(options: RenderHtmlOptions): void {
  checkKnownOptions(WHERE, options, 'options', HTML_OPTIONS);
  const { title, theme, start, playInterval, captions, maxValues, maxEdges } = options;
  if (title !== undefined && typeof title !== 'string') {
    throw vizError(WHERE, `options.title must be a string, got ${describe(title)}.`, 'pass a string or leave it out');
  }
  if (theme !== undefined && !['auto', 'light', 'dark'].includes(theme)) {
    throw vizError(
      WHERE,
      `options.theme must be 'auto', 'light' or 'dark', got ${describe(theme)}.`,
      "leave it out for 'auto'",
    );
  }
  if (start !== undefined && start !== 0 && start !== 'end') {
    throw vizError(
      WHERE,
      `options.start must be 0 or 'end', got ${describe(start)}.`,
      'leave it out to start before backward',
    );
  }
  if (
    playInterval !== undefined &&
    !(typeof playInterval === 'number' && playInterval >= 10 && playInterval <= 60_000)
  ) {
    throw vizError(
      WHERE,
      `options.playInterval must be milliseconds from 10 to 60000, got ${describe(playInterval)}.`,
      'leave it out for 900',
    );
  }
  if (
    captions !== undefined &&
    (!Array.isArray(captions) || captions.some((c) => c != null && typeof c !== 'string'))
  ) {
    throw vizError(
      WHERE,
      'options.captions must be an array of strings (or null for no caption).',
      'pass one entry per position, captions[0] for the start',
    );
  }
  if (options.svg !== undefined) checkRenderSvgOptions('renderHtml', options.svg, 'options.svg');
  if (options.svg !== undefined && Object.values(options.svg).some((v) => typeof v === 'function')) {
    throw vizError(
      WHERE,
      'options.svg must be plain renderSvg options without functions (the page stores them as JSON).',
      'use { precision } instead of { format }',
    );
  }
  if (options.mistake !== undefined && !isMistake(options.mistake)) {
    throw vizError(
      WHERE,
      `options.mistake must be an object { node: Value, downstream?: Value[], note?: string }, got ${describe(options.mistake)}.`,
      'pass { node: result.firstWrong.node, downstream: result.downstream } from compareGradients, or leave it out',
    );
  }
  if (maxValues !== undefined && !(typeof maxValues === 'number' && maxValues >= 1)) {
    throw vizError(
      WHERE,
      `options.maxValues must be a positive number, got ${describe(maxValues)}.`,
      `leave it out for ${DEFAULT_MAX_VALUES}`,
    );
  }
  if (maxEdges !== undefined && !(typeof maxEdges === 'number' && maxEdges >= 1)) {
    throw vizError(
      WHERE,
      `options.maxEdges must be a positive number, got ${describe(maxEdges)}.`,
      `leave it out for ${2 * DEFAULT_MAX_VALUES}`,
    );
  }
}
