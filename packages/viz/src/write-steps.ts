/**
 * writeSteps: renderSteps' frames written as numbered SVG files (step-001.svg, step-002.svg, ...)
 * into a directory, for the CLI and the examples.
 */
import fs from 'fs';
import path from 'path';
import type { Value } from '@chainrule/core';
import { renderSteps, type RenderStepsOptions } from './render-steps';

/** Options of `writeSteps(root, dir, options)`: those of `renderSteps` plus the file prefix. */
export interface WriteStepsOptions extends RenderStepsOptions {
  /** File name prefix. Default 'step-'. */
  prefix?: string;
}

/**
 * Writes one SVG per backward step of `root` into `dir` (created if missing) and returns the paths
 * in order. Numbers are zero-padded so the files sort in step order.
 * @example
 * writeSteps(C, 'out/steps'); // ['out/steps/step-1.svg', 'out/steps/step-2.svg', 'out/steps/step-3.svg']
 */
export function writeSteps(root: Value, dir: string, options: WriteStepsOptions = {}): string[] {
  const { prefix = 'step-', ...renderOptions } = options;
  const frames = renderSteps(root, renderOptions);
  const width = Math.max(1, String(frames.length).length);
  fs.mkdirSync(dir, { recursive: true });
  return frames.map((svg, k) => {
    const file = path.join(
      dir,
      `${prefix}${String(k + (renderOptions.includeStart ? 0 : 1)).padStart(width, '0')}.svg`,
    );
    fs.writeFileSync(file, svg);
    return file;
  });
}
