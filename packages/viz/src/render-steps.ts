/**
 * renderSteps: the backward pass as a sequence of SVG frames, one per step, drawn by renderSvg:
 * gradients appear as they are computed, the node being processed and the edges it sends gradient
 * along are highlighted. For slides, docs and animations.
 */
import { Value, describe } from '@chainrule/core';
import { renderSvg, type RenderSvgOptions } from './render-svg';
import { checkRenderSvgOptions } from './render-svg-options';
import { frameGradients, stepFrame } from './step-frame';
import { stepTrace } from './step-trace';
import { toGraph } from './to-graph';
import { vizError } from './viz-error';
import { checkSize, sizeOfValues } from './graph-size';

/** renderSteps' default maxValues: a 300-Value graph is about 150 frames. */
const STEPS_MAX_VALUES = 300;

/**
 * Options of `renderSteps(root, options)`: those of `renderSvg` plus what the frames show.
 * `maxValues` (default 300) and `maxEdges` (default 600) bound the graph: every step is a frame.
 */
export interface RenderStepsOptions extends RenderSvgOptions {
  /** Leaves to mark as parameters. Default: none. */
  parameters?: Iterable<Value>;
  /** Show constant nodes. Default true. */
  constants?: boolean;
  /** Also return the frame before the first step (only the output's seed gradient). Default false. */
  includeStart?: boolean;
}

/**
 * One SVG string per backward step of `root` (same look and options as renderSvg); frame k shows
 * the graph after step k, with that step highlighted. Colours are fitted to the final gradients
 * (renderSvg's `gradientScale`), so a gradient keeps its colour from frame to frame.
 * @example
 * const frames = renderSteps(C, { parameters: [w] });
 * frames.length; // one per op node: 3 for C = (i*w - y)^2
 */
export function renderSteps(root: Value, options: RenderStepsOptions = {}): string[] {
  if (!(root instanceof Value)) {
    throw vizError(
      'renderSteps',
      `expected a Value as the root, got ${describe(root)}.`,
      'pass the output Value of your computation',
    );
  }
  checkRenderSvgOptions('renderSteps', options, 'options', ['includeStart']);
  const { parameters, constants, includeStart, ...svgOptions } = options;
  // One frame per step, each a whole drawing: the work grows with the square of the graph's size.
  checkSize('renderSteps', sizeOfValues(root, constants ?? true), {
    maxValues: options.maxValues ?? STEPS_MAX_VALUES,
    maxEdges: options.maxEdges ?? 2 * STEPS_MAX_VALUES,
    why: 'one whole drawing per backward step',
    instead: 'draw the final gradients once with renderSvg, or step through it in renderHtml',
  });
  const graph = toGraph(root, { grads: 'compute', parameters, constants });
  const trace = stepTrace(root);
  const gradientScale = frameGradients(graph); // colours fitted to the final gradients, the same in every frame
  const frames: string[] = [];
  for (let position = includeStart ? 0 : 1; position <= trace.steps.length; position++) {
    frames.push(renderSvg(stepFrame(graph, trace, position), { gradientScale, ...svgOptions }));
  }
  return frames;
}
