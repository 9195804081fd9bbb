/**
 * `chainrule viz "<expr>" --at ... -o graph.svg`: draws the computation graph of a formula, after
 * backward, in the format named by the file's extension; the path is checked before any work and
 * the file written atomically.
 */
import type { Value } from '@chainrule/core';
import { parseAt, parseWithAt } from '../at-values';
import { CliError, EXIT } from '../cli-error';
import { formatOf } from '../output-format';
import type { Format } from '../output-format';
import { checkWritable, writeAtomic } from '../write-atomic';

export interface VizOptions {
  at?: string[];
  out: string;
  direction?: 'LR' | 'TB';
  labels?: 'local' | 'contribution' | 'both' | 'none';
  colour?: 'light' | 'dark';
  color?: 'light' | 'dark';
  group?: 'auto' | 'always' | 'never';
  precision?: string;
  backward?: boolean;
}

/** The drawing options, resolved and checked. */
export interface DrawOptions {
  direction: 'LR' | 'TB';
  edgeLabels: 'local' | 'contribution' | 'both' | 'none';
  theme: 'light' | 'dark';
  group: 'auto' | 'always' | 'never';
  precision: number;
  /** False for --no-backward: the drawing shows the forward pass (an .html page starts before backward). */
  backward: boolean;
}

/**
 * Resolves the flags; --colour and --color are one flag in two spellings and must not contradict,
 * and edge labels with contributions need the gradients that --no-backward leaves uncomputed.
 */
export function drawOptions(options: VizOptions): DrawOptions {
  if (options.colour !== undefined && options.color !== undefined && options.colour !== options.color) {
    throw new CliError(
      `chainrule viz: --colour ${options.colour} and --color ${options.color} contradict each other. Give one.`,
    );
  }
  if (options.backward === false && (options.labels === 'contribution' || options.labels === 'both')) {
    throw new CliError(
      `chainrule viz: --labels ${options.labels} shows each edge's contribution to a gradient, and --no-backward ` +
        'skips the backward pass that computes them. Drop --no-backward, or pick --labels local or --labels none.',
    );
  }
  const precision = Number(options.precision ?? 4);
  if (!Number.isInteger(precision) || precision < 1 || precision > 17) {
    throw new CliError(`chainrule viz: --precision must be a whole number from 1 to 17; got "${options.precision}".`);
  }
  return {
    direction: options.direction ?? 'LR',
    edgeLabels: options.labels ?? 'local',
    theme: options.colour ?? options.color ?? 'light',
    group: options.group ?? 'auto',
    precision,
    backward: options.backward !== false,
  };
}

/** The file contents for `format`. */
export function render(format: Format, root: Value, draw: DrawOptions): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by the commands that draw
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const svg = {
    direction: draw.direction,
    edgeLabels: draw.edgeLabels,
    theme: draw.theme,
    group: draw.group,
    precision: draw.precision,
  };
  // The text formats label an edge with its local gradient, or with both numbers.
  const textEdgeLabels = draw.edgeLabels === 'contribution' ? 'both' : draw.edgeLabels;
  switch (format) {
    case '.svg':
      return viz.renderSvg(root, svg);
    case '.html':
      // The page steps through backward itself: --no-backward starts it before the first step.
      return viz.renderHtml(root, {
        svg: { direction: draw.direction, edgeLabels: draw.edgeLabels, precision: draw.precision },
        theme: draw.theme,
        start: draw.backward ? 'end' : 0,
      });
    case '.dot':
      return viz.toDot(root, { direction: draw.direction, edgeLabels: textEdgeLabels, precision: draw.precision });
    case '.mmd':
      return viz.toMermaid(root, { direction: draw.direction, edgeLabels: textEdgeLabels, precision: draw.precision });
    case '.json':
      return JSON.stringify(viz.toJSON(root), null, 2) + '\n';
    case '.gexf':
      return viz.toGexf(root);
    case '.graphml':
      return viz.toGraphml(root);
  }
}

/** Flags a format cannot honour are refused, never ignored. */
function checkFormatFlags(format: Format, options: VizOptions): void {
  if (format === '.html' && options.group === 'always') {
    throw new CliError(
      'chainrule viz: --group always cannot be drawn as .html: the page steps through every node, and grouped boxes ' +
        'cannot be stepped. Drop --group, or write .svg for a grouped picture.',
    );
  }
}

/** Runs the command; returns the exit code. */
export function runViz(
  src: string,
  options: VizOptions,
  print: (text: string) => void,
  warn: (text: string) => void = () => undefined,
): number {
  const format = formatOf(options.out);
  checkWritable(options.out);
  const draw = drawOptions(options);
  checkFormatFlags(format, options);
  const { output } = parseWithAt(src, parseAt(options.at ?? []), warn);
  if (options.backward !== false) output.backward();
  writeAtomic(options.out, render(format, output, draw));
  print(`wrote ${options.out}`);
  return EXIT.ok;
}
