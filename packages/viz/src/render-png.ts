/**
 * renderPng: any SVG this package draws (renderSvg, the plots, step frames) as PNG bytes, in Node
 * and without a browser, by resvg (a Rust SVG renderer shipped as a binary in its npm package).
 * Fonts come from the system; the drawings' font stacks name ones resvg and Chromium both find.
 */
import fs from 'fs';
import path from 'path';
import { describe } from '@chainrule/core';
import { vizError } from './viz-error';

const WHERE = 'renderPng';
/** The largest picture renderPng makes, in pixels (width × height after scaling). */
export const MAX_PNG_PIXELS = 64_000_000;
const MAX_SCALE = 8;

/** Options of {@link renderPng}. */
export interface RenderPngOptions {
  /** Pixels per SVG unit: 2 for a sharp picture on a high-density screen or a slide. Default 1. */
  scale?: number;
}

/**
 * PNG bytes of an SVG document.
 *
 * @example
 * ```ts
 * fs.writeFileSync('graph.png', renderPng(renderSvg(C), { scale: 2 }));
 * ```
 */
export function renderPng(svg: string, options: RenderPngOptions = {}): Buffer {
  if (typeof svg !== 'string' || !svg.includes('<svg')) {
    throw vizError(
      WHERE,
      `expected an SVG document as a string, got ${describe(svg)}.`,
      'pass what renderSvg or a plot returns',
    );
  }
  if (typeof options !== 'object' || options === null) {
    throw vizError(WHERE, `options must be an object, got ${describe(options)}.`, 'pass {} for the defaults');
  }
  const scale = options.scale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw vizError(
      WHERE,
      `options.scale must be a number above 0 and at most ${MAX_SCALE}, got ${describe(scale)}.`,
      'use e.g. 1 or 2',
    );
  }
  const size = svgSize(svg);
  const pixels = Math.ceil(size.width * scale) * Math.ceil(size.height * scale);
  if (pixels > MAX_PNG_PIXELS) {
    throw vizError(
      WHERE,
      `the picture would be ${Math.ceil(size.width * scale)} × ${Math.ceil(size.height * scale)} pixels, over the limit of ${MAX_PNG_PIXELS}.`,
      'use a smaller scale, or write SVG, which has no size limit',
    );
  }
  // The native renderer loads only when a PNG is asked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: drawingFonts(),
  });
  return resvg.render().asPng();
}

const FONT_DIR = '/usr/share/fonts';
const DRAWING_FONT =
  /^(LiberationSans|LiberationMono|DejaVuSans|DejaVuSansMono)-?(Regular|Bold|Oblique|Italic|BoldOblique|BoldItalic)?\.ttf$/;
let fonts: { loadSystemFonts: boolean; fontFiles?: string[]; defaultFontFamily?: string } | undefined;

/**
 * The faces the drawings name, where Linux keeps them: with only these loaded, a glyph missing from
 * Liberation Sans (subscript digits) falls back to DejaVu Sans, as in a browser, and never to a serif
 * face. Elsewhere, every system font.
 */
function drawingFonts(): NonNullable<typeof fonts> {
  if (fonts) return fonts;
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && DRAWING_FONT.test(entry.name)) found.push(full);
    }
  };
  walk(FONT_DIR, 0);
  fonts =
    found.length > 0
      ? { loadSystemFonts: false, fontFiles: found.sort(regularFirst), defaultFontFamily: 'DejaVu Sans' }
      : { loadSystemFonts: true };
  return fonts;
}

/** Upright regular faces first: resvg's glyph fallback takes the first face that has the glyph. */
function regularFirst(a: string, b: string): number {
  const styled = (file: string): number => (/(Bold|Oblique|Italic)\.ttf$/.test(file) ? 1 : 0);
  return styled(a) - styled(b) || a.localeCompare(b);
}

/** The width and height attributes of the root element, which every drawing of this package sets. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!(width > 0) || !(height > 0)) {
    throw vizError(
      WHERE,
      'the SVG has no numeric width and height on its root element.',
      'pass a drawing made by renderSvg or a plot',
    );
  }
  return { width, height };
}
