/**
 * `chainrule viz "<expr>" --at ... -o graph.svg`: draws the computation graph of a formula, after
 * backward, in the format named by the file's extension (PNG through viz's renderPng), or by
 * --format to stdout with `-o -`, and with --frames one SVG per backward step; paths are checked
 * before any work and files written all or none.
 */
import type { Value } from '@chainrule/core';
import { parseAt, parseWithAt } from '../at-values';
import { CliError, EXIT } from '../cli-error';
import { formatNamed, formatOf } from '../output-format';
import type { Format } from '../output-format';
import { checkWritable, makeFolder, removeFolders, writeFiles, type OutputFile } from '../write-atomic';

export interface VizOptions {
  at?: string[];
  out?: string;
  format?: string;
  direction?: 'LR' | 'TB' | 'auto';
  title?: string;
  scale?: string;
  frames?: string;
  labels?: 'local' | 'contribution' | 'both' | 'none';
  colour?: 'light' | 'dark';
  color?: 'light' | 'dark';
  group?: 'auto' | 'always' | 'never';
  precision?: string;
  backward?: boolean;
}

/** The drawing options, resolved and checked. */
export interface DrawOptions {
  direction: 'LR' | 'TB' | 'auto';
  title: string | undefined;
  /** Pixels per SVG unit of a PNG. */
  scale: number;
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
  const scale = Number(options.scale ?? 1);
  if (!(scale > 0) || scale > 8 || !Number.isFinite(scale)) {
    throw new CliError(`chainrule viz: --scale must be a number above 0 and at most 8; got "${options.scale}".`);
  }
  if (options.title !== undefined && options.title.length > 500) {
    throw new CliError(`chainrule viz: --title is ${options.title.length} characters; give at most 500.`);
  }
  return {
    direction: options.direction ?? 'auto',
    title: options.title,
    scale,
    edgeLabels: options.labels ?? 'local',
    theme: options.colour ?? options.color ?? 'light',
    group: options.group ?? 'auto',
    precision,
    backward: options.backward !== false,
  };
}

/** The file contents for `format`: text, or PNG bytes. */
export function render(format: Format, root: Value, draw: DrawOptions): string | Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by the commands that draw
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const svg = {
    direction: draw.direction,
    edgeLabels: draw.edgeLabels,
    theme: draw.theme,
    group: draw.group,
    precision: draw.precision,
    title: draw.title,
  };
  // The text exports have no 'auto': they let Graphviz or Mermaid lay the graph out.
  const textDirection = draw.direction === 'TB' ? 'TB' : 'LR';
  // The text formats label an edge with its local gradient, or with both numbers.
  const textEdgeLabels = draw.edgeLabels === 'contribution' ? 'both' : draw.edgeLabels;
  switch (format) {
    case '.svg':
      return viz.renderSvg(root, svg);
    case '.png':
      return viz.renderPng(viz.renderSvg(root, svg), { scale: draw.scale });
    case '.html':
      // The page steps through backward itself: --no-backward starts it before the first step.
      return viz.renderHtml(root, {
        svg: { direction: draw.direction, edgeLabels: draw.edgeLabels, precision: draw.precision },
        theme: draw.theme,
        start: draw.backward ? 'end' : 0,
        ...(draw.title === undefined ? {} : { title: draw.title }),
      });
    case '.dot':
      return viz.toDot(root, {
        direction: textDirection,
        edgeLabels: textEdgeLabels,
        precision: draw.precision,
        theme: draw.theme,
      });
    case '.mmd':
      return viz.toMermaid(root, { direction: textDirection, edgeLabels: textEdgeLabels, precision: draw.precision });
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
  if (options.scale !== undefined && options.scale !== '1' && format !== '.png') {
    throw new CliError(`chainrule viz: --scale sizes a .png; the output is ${format}. Drop --scale or write .png.`);
  }
  if (options.title !== undefined && !['.svg', '.png', '.html'].includes(format)) {
    throw new CliError(
      `chainrule viz: --title is drawn in .svg, .png and .html; ${format} has no title. Drop --title.`,
    );
  }
  if (format === '.html' && options.group === 'always') {
    throw new CliError(
      'chainrule viz: --group always cannot be drawn as .html: the page steps through every node, and grouped boxes ' +
        'cannot be stepped. Drop --group, or write .svg for a grouped picture.',
    );
  }
}

/** Where the drawing goes: a file, stdout, and/or per-step frames; checked before any work. */
function outputsOf(options: VizOptions): { format: Format | null; toStdout: boolean } {
  if (options.out === undefined && options.frames === undefined) {
    throw new CliError('chainrule viz: say where to draw: -o <file> (or -o - with --format), or --frames <dir>.');
  }
  if (options.out === '-') return { format: formatNamed(options.format), toStdout: true };
  if (options.format !== undefined) {
    throw new CliError('chainrule viz: --format is for -o - (stdout); a file takes its format from its extension.');
  }
  if (options.out === undefined) return { format: null, toStdout: false };
  checkWritable(options.out);
  return { format: formatOf(options.out), toStdout: false };
}

/** One SVG per backward step of `root`, as files `step-1.svg` ... in `dir`. */
function frameFiles(root: Value, dir: string, draw: DrawOptions): OutputFile[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by the commands that draw
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const frames = viz.renderSteps(root, {
    direction: draw.direction,
    edgeLabels: draw.edgeLabels,
    theme: draw.theme,
    precision: draw.precision,
  });
  const width = String(frames.length).length;
  return frames.map((content, k) => ({ file: `${dir}/step-${String(k + 1).padStart(width, '0')}.svg`, content }));
}

/** Runs the command; returns the exit code. */
export function runViz(
  src: string,
  options: VizOptions,
  print: (text: string) => void,
  warn: (text: string) => void = () => undefined,
  bytes: (data: Uint8Array) => void = () => undefined,
): number {
  const { format, toStdout } = outputsOf(options);
  const draw = drawOptions(options);
  if (format) checkFormatFlags(format, options);
  const { output } = parseWithAt(src, parseAt(options.at ?? []), warn);
  // Frames replay the backward pass themselves from the graph as built.
  const frames = options.frames === undefined ? [] : frameFiles(output, options.frames, draw);
  if (draw.backward) output.backward();
  const content = format ? render(format, output, draw) : null;
  if (toStdout && content !== null) {
    if (typeof content === 'string') print(content);
    else bytes(content);
  }
  const files: OutputFile[] = [...frames];
  if (!toStdout && content !== null) files.push({ file: options.out!, content });
  if (files.length > 0) {
    const made = options.frames === undefined ? [] : makeFolder(options.frames);
    try {
      writeFiles(files);
    } catch (error) {
      removeFolders(made);
      throw error;
    }
  }
  // With the drawing on stdout, the list of files goes to stderr.
  const say = toStdout ? warn : print;
  if (!toStdout && options.out !== undefined) say(`wrote ${options.out}`);
  if (frames.length > 0) say(`wrote ${frames.length} frames: ${frames[0].file} ... ${frames[frames.length - 1].file}`);
  return EXIT.ok;
}
