/**
 * writeSteps: renderSteps' frames written as numbered SVG files (step-001.svg, step-002.svg, ...)
 * into a directory, for the CLI and the examples; each frame whole or not at all.
 */
import fs from 'fs';
import path from 'path';
import type { Value } from '@chainrule/core';
import { describe } from '@chainrule/core';
import { renderSteps, type RenderStepsOptions } from './render-steps';
import { vizError } from './viz-error';

/** Options of `writeSteps(root, dir, options)`: those of `renderSteps` plus the file prefix. */
export interface WriteStepsOptions extends RenderStepsOptions {
  /** File name prefix: up to 100 characters, no path separators. Default 'step-'. */
  prefix?: string;
}

/** A prefix that stays a file name inside `dir` (no folder parts, no NUL, not '.' or '..'). */
function checkPrefix(prefix: unknown): string {
  if (
    typeof prefix !== 'string' ||
    prefix.length > 100 ||
    /[/\\\0]/.test(prefix) ||
    prefix === '.' ||
    prefix === '..'
  ) {
    throw vizError(
      'writeSteps',
      `options.prefix must be a file name prefix of at most 100 characters without / or \\, got ${describe(prefix)}.`,
      "leave it out for 'step-'",
    );
  }
  return prefix;
}

/** Makes `dir` and its missing parents one level at a time (recursive mkdir spins under /proc on Node 20). */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    missing.push(current);
    if (path.dirname(current) === current) break;
  }
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      fs.mkdirSync(missing[i]);
    } catch (error) {
      throw vizError(
        'writeSteps',
        `cannot create the folder ${missing[i]} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
        'choose another folder',
      );
    }
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw vizError('writeSteps', `${dir} is a file, not a folder.`, 'choose a folder for the frames');
  }
}

/**
 * Writes one SVG per backward step of `root` into `dir` (created if missing) and returns the paths
 * in order. Numbers are zero-padded so the files sort in step order.
 * @example
 * writeSteps(C, 'out/steps'); // ['out/steps/step-1.svg', 'out/steps/step-2.svg', 'out/steps/step-3.svg']
 */
export function writeSteps(root: Value, dir: string, options: WriteStepsOptions = {}): string[] {
  const { prefix: given = 'step-', ...renderOptions } = options;
  const prefix = checkPrefix(given);
  const frames = renderSteps(root, renderOptions);
  const width = Math.max(1, String(frames.length).length);
  makeFolder(dir);
  const files = frames.map((_svg, k) =>
    path.join(dir, `${prefix}${String(k + (renderOptions.includeStart ? 0 : 1)).padStart(width, '0')}.svg`),
  );
  // Every frame is written into a private folder first (an unpredictable name, files opened
  // exclusively), then renamed into place: a failure leaves no half-written frame, and a link
  // planted at a frame's name is replaced rather than written through.
  const temp = fs.mkdtempSync(path.join(dir, '.chainrule-steps-'));
  try {
    frames.forEach((svg, k) => fs.writeFileSync(path.join(temp, `${k}.svg`), svg, { flag: 'wx' }));
    files.forEach((file, k) => fs.renameSync(path.join(temp, `${k}.svg`), file));
  } catch (error) {
    throw vizError(
      'writeSteps',
      `cannot write the frames into ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      'check the folder and its free space',
    );
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return files;
}
