/**
 * `chainrule viz "<expr>" --at ... -o graph.svg`: draws the computation graph of a formula, after
 * backward, in the format named by the file's extension; written atomically.
 */
import type { Value } from '@chainrule/core';
import { parseExpression } from '@chainrule/expr';
import { parseAt } from '../at-values';
import { CliError, EXIT } from '../cli-error';
import { formatOf } from '../output-format';
import type { Format } from '../output-format';
import { checkWritable, writeAtomic } from '../write-atomic';

export interface VizOptions {
  at?: string[];
  out: string;
  direction?: 'TB' | 'LR' | 'BT' | 'RL';
  labels?: 'full' | 'value' | 'grad' | 'name';
  colour?: 'grad' | 'op' | 'none';
  color?: string;
  group?: boolean;
  backward?: boolean;
}

/** The drawing options common to the formats that lay the graph out. */
export interface DrawOptions {
  direction: 'TB' | 'LR' | 'BT' | 'RL';
  labels: 'full' | 'value' | 'grad' | 'name';
  colour: 'grad' | 'op' | 'none';
  group: boolean;
}

/** Resolves --colour/--color (the same flag in two spellings; contradicting values are an error). */
export function drawOptions(options: VizOptions): DrawOptions {
  let colour = options.colour ?? 'grad';
  if (options.color !== undefined) {
    if (!['grad', 'op', 'none'].includes(options.color)) {
      throw new CliError(`chainrule viz: --color must be one of grad, op, none; got "${options.color}".`);
    }
    if (options.colour !== undefined && options.colour !== 'grad' && options.colour !== options.color) {
      throw new CliError(
        `chainrule viz: --colour ${options.colour} and --color ${options.color} contradict each other. Give one.`,
      );
    }
    colour = options.color as DrawOptions['colour'];
  }
  return {
    direction: options.direction ?? 'TB',
    labels: options.labels ?? 'full',
    colour,
    group: options.group ?? false,
  };
}

/** The file contents for `format`. */
export function render(format: Format, root: Value, draw: DrawOptions): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by the commands that draw
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const svg = { direction: draw.direction, labels: draw.labels, colour: draw.colour, group: draw.group };
  switch (format) {
    case '.svg':
      return viz.renderSvg(root, svg);
    case '.html':
      return viz.renderHtml(root, { svg, start: 'end' });
    case '.dot':
      return viz.toDot(root, { direction: draw.direction });
    case '.mmd':
      return viz.toMermaid(root, { direction: draw.direction });
    case '.json':
      return JSON.stringify(viz.toJSON(root), null, 2) + '\n';
    case '.gexf':
      return viz.toGexf(root);
    case '.graphml':
      return viz.toGraphml(root);
  }
}

/** Runs the command; returns the exit code. */
export function runViz(src: string, options: VizOptions, print: (text: string) => void): number {
  const format = formatOf(options.out);
  checkWritable(options.out);
  const draw = drawOptions(options);
  const { output } = parseExpression(src, parseAt(options.at ?? []));
  if (options.backward !== false) output.backward();
  writeAtomic(options.out, render(format, output, draw));
  print(`wrote ${options.out}`);
  return EXIT.ok;
}
