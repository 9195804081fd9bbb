/**
 * Shared pieces of the plots, written as SVG strings without a browser: the document frame (size,
 * theme, title), axes with grid lines, tick labels and axis titles, a legend, and option checks.
 * Every text goes through escapeXml.
 */
import { describe } from '@chainrule/core';
import { max } from 'd3';
import { PLOT_FONT, PLOT_THEMES } from './plot-theme';
import type { PlotColours, PlotOptions } from './plot-theme';
import { vizError } from './viz-error';
import { escapeXml } from './xml-escape';

/** The rectangle the data is drawn in, in pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A continuous scale as the axes need it (d3's linear and log scales fit). */
export interface AxisScale {
  (x: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (x: number) => string;
  range(): number[];
}

/** The resolved common options of a plot. */
export interface PlotFrame {
  width: number;
  height: number;
  title: string;
  colors: PlotColours;
  font: string;
}

/**
 * Stands for a suffix that makes the ids of one plot (clip paths, markers) unique when several SVGs
 * are inlined in one page. It holds U+0000, which escaped text never contains (xmlSafe replaces it).
 */
export const UID = '\u0000uid';

/**
 * Closes the SVG and replaces {@link UID} with a hash of the plot's own markup: deterministic (the
 * same plot gives the same string) and distinct for different plots.
 */
export function closeSvg(parts: string[]): string {
  const body = parts.join('\n') + '\n</svg>';
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let k = 0; k < body.length; k++) {
    hash ^= body.charCodeAt(k);
    hash = Math.imul(hash, 0x01000193);
  }
  return body.split(UID).join((hash >>> 0).toString(36));
}

/** A number written into SVG coordinates: two decimals, no trailing zeros. */
export function px(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Checks the common options and fills in their defaults. */
export function resolveFrame(
  where: string,
  options: PlotOptions,
  defaults: { width: number; height: number; title: string },
): PlotFrame {
  const width = options.width ?? defaults.width;
  const height = options.height ?? defaults.height;
  for (const [name, size, min] of [
    ['width', width, 200],
    ['height', height, 150],
  ] as const) {
    if (typeof size !== 'number' || !Number.isFinite(size) || size < min || size > 20000) {
      throw vizError(
        where,
        `options.${name} must be a number of pixels from ${min} to 20000, got ${describe(size)}.`,
        `leave it out for ${defaults[name]}`,
      );
    }
  }
  const theme = options.theme ?? 'light';
  if (theme !== 'light' && theme !== 'dark') {
    throw vizError(
      where,
      `options.theme must be 'light' or 'dark', got ${describe(theme)}.`,
      "leave it out for 'light'",
    );
  }
  const title = options.title ?? defaults.title;
  if (typeof title !== 'string')
    throw vizError(where, `options.title must be a string, got ${describe(title)}.`, "use '' for no title");
  const font = options.fontFamily ?? PLOT_FONT;
  if (typeof font !== 'string')
    throw vizError(
      where,
      `options.fontFamily must be a string, got ${describe(font)}.`,
      'leave it out for the system font',
    );
  return { width, height, title, colors: PLOT_THEMES[theme], font };
}

/** The opening of a standalone SVG with background, accessible title and description, and the title text. */
export function openSvg(frame: PlotFrame, description: string): string {
  const { width, height, colors, title } = frame;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px(width)}" height="${px(height)}" viewBox="0 0 ${px(width)} ${px(height)}" role="img" font-family="${escapeXml(frame.font)}" font-size="12">`,
    `<title>${escapeXml(title || description)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
  ];
  if (title) {
    parts.push(
      `<text x="${px(width / 2)}" y="26" text-anchor="middle" font-size="16" font-weight="600" fill="${colors.text}">${escapeXml(title)}</text>`,
    );
  }
  return parts.join('\n');
}

/** Options of {@link drawAxes}. */
export interface AxesOptions {
  xLabel: string;
  yLabel: string;
  xTicks?: number;
  yTicks?: number;
  /** d3-format specifier of the tick labels, e.g. `'.2f'`; default: d3's choice for the tick step. */
  xFormat?: string;
  yFormat?: string;
  /** Keep only integer ticks on the horizontal axis (steps). */
  xIntegers?: boolean;
  /** A right-hand axis (a second series on its own scale). */
  right?: { scale: AxisScale; label: string; ticks?: number; format?: string; color: string };
}

/** Grid lines, axis lines, tick labels and axis titles around `area`. */
export function drawAxes(
  x: AxisScale,
  y: AxisScale,
  area: PlotArea,
  colors: PlotColours,
  options: AxesOptions,
): string {
  const bottom = area.top + area.height;
  const right = area.left + area.width;
  const parts: string[] = ['<g class="axes">'];
  const xTicks = x.ticks(options.xTicks ?? 8).filter((t) => !options.xIntegers || Number.isInteger(t));
  const xFormat = x.tickFormat(options.xTicks ?? 8, options.xFormat ?? (options.xIntegers ? ',d' : undefined));
  const yTicks = y.ticks(options.yTicks ?? 6);
  // Tick labels too wide for the margin switch to SI prefixes (80M, not 80,000,000).
  const widestOf = (format: (t: number) => string): number =>
    yTicks.reduce((w, t) => Math.max(w, approximateTextWidth(format(t), 12)), 0);
  let yFormat = y.tickFormat(options.yTicks ?? 6, options.yFormat);
  if (options.yFormat === undefined && widestOf(yFormat) > area.left - 34)
    yFormat = y.tickFormat(options.yTicks ?? 6, '~s');
  // The axis title stands clear of the widest tick label (its rotated box reaches 0.22 em right of x).
  const yTitleX = Math.max(12, area.left - 8 - widestOf(yFormat) - 14);

  for (const t of xTicks) {
    const sx = px(x(t));
    parts.push(`<line x1="${sx}" y1="${px(area.top)}" x2="${sx}" y2="${px(bottom)}" stroke="${colors.grid}"/>`);
    parts.push(
      `<text x="${sx}" y="${px(bottom + 17)}" text-anchor="middle" fill="${colors.muted}">${escapeXml(xFormat(t))}</text>`,
    );
  }
  for (const t of yTicks) {
    const sy = px(y(t));
    parts.push(`<line x1="${px(area.left)}" y1="${sy}" x2="${px(right)}" y2="${sy}" stroke="${colors.grid}"/>`);
    parts.push(
      `<text x="${px(area.left - 8)}" y="${sy}" dy="0.32em" text-anchor="end" fill="${colors.muted}">${escapeXml(yFormat(t))}</text>`,
    );
  }
  parts.push(
    `<path d="M${px(area.left)},${px(area.top)}V${px(bottom)}H${px(right)}" fill="none" stroke="${colors.axis}"/>`,
  );
  parts.push(
    `<text x="${px(area.left + area.width / 2)}" y="${px(bottom + 40)}" text-anchor="middle" font-size="13" fill="${colors.text}">${escapeXml(options.xLabel)}</text>`,
  );
  const yMid = area.top + area.height / 2;
  parts.push(
    `<text transform="translate(${px(yTitleX)},${px(yMid)}) rotate(-90)" text-anchor="middle" font-size="13" fill="${colors.text}">${escapeXml(options.yLabel)}</text>`,
  );
  if (options.right) {
    const r = options.right;
    const ticks = r.scale.ticks(r.ticks ?? 6);
    const format = r.scale.tickFormat(r.ticks ?? 6, r.format);
    parts.push(`<path d="M${px(right)},${px(area.top)}V${px(bottom)}" stroke="${colors.axis}"/>`);
    for (const t of ticks) {
      parts.push(
        `<text x="${px(right + 8)}" y="${px(r.scale(t))}" dy="0.32em" fill="${r.color}">${escapeXml(format(t))}</text>`,
      );
    }
    parts.push(
      `<text transform="translate(${px(right + 50)},${px(yMid)}) rotate(90)" text-anchor="middle" font-size="13" fill="${r.color}">${escapeXml(r.label)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('\n');
}

/** One entry of a legend: a line (optionally dashed), a marker, or a filled swatch. */
export interface LegendEntry {
  label: string;
  color: string;
  kind: 'line' | 'dashed' | 'point' | 'swatch' | 'square' | 'diamond' | 'ring';
}

/** A legend box whose top corner is at (`x`, `top`): its right corner by default, its left one with `align: 'left'`. */
export function drawLegend(
  entries: LegendEntry[],
  x: number,
  top: number,
  colors: PlotColours,
  align: 'left' | 'right' = 'right',
): string {
  if (entries.length === 0) return '';
  const rowHeight = 18;
  const width = 34 + max(entries, (e) => approximateTextWidth(e.label, 12))!;
  const height = entries.length * rowHeight + 10;
  const left = align === 'right' ? x - width : x;
  const parts = [
    `<g class="legend" transform="translate(${px(left)},${px(top)})">`,
    `<rect width="${px(width)}" height="${px(height)}" rx="4" fill="${colors.background}" fill-opacity="0.88" stroke="${colors.grid}"/>`,
  ];
  entries.forEach((e, k) => {
    const cy = 5 + rowHeight * k + rowHeight / 2;
    parts.push(legendMarker(e, 17, cy, colors));
    parts.push(`<text x="32" y="${px(cy)}" dy="0.32em" fill="${colors.text}">${escapeXml(e.label)}</text>`);
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** A legend as one centred row of entries at height `y` (for plots whose data fills the whole area). */
export function drawLegendRow(entries: LegendEntry[], centerX: number, y: number, colors: PlotColours): string {
  const widths = entries.map((e) => 30 + approximateTextWidth(e.label, 12));
  const gap = 18;
  let x = centerX - (widths.reduce((a, b) => a + b, 0) + gap * (entries.length - 1)) / 2;
  const parts = ['<g class="legend">'];
  entries.forEach((e, k) => {
    parts.push(legendMarker(e, x + 9, y, colors));
    parts.push(`<text x="${px(x + 24)}" y="${px(y)}" dy="0.32em" fill="${colors.text}">${escapeXml(e.label)}</text>`);
    x += widths[k] + gap;
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** The symbol of a legend entry centred at (cx, cy). */
function legendMarker(e: LegendEntry, cx: number, cy: number, colors: PlotColours): string {
  if (e.kind === 'line' || e.kind === 'dashed') {
    const dash = e.kind === 'dashed' ? ' stroke-dasharray="5 3"' : '';
    return `<line x1="${px(cx - 9)}" y1="${px(cy)}" x2="${px(cx + 9)}" y2="${px(cy)}" stroke="${e.color}" stroke-width="2.5"${dash}/>`;
  }
  if (e.kind === 'point')
    return `<circle cx="${px(cx)}" cy="${px(cy)}" r="4.5" fill="${e.color}" stroke="${colors.background}" stroke-width="1.5"/>`;
  if (e.kind === 'diamond')
    return `<path d="M${px(cx)},${px(cy - 6)}l6,6l-6,6l-6,-6z" fill="${e.color}" stroke="${colors.background}" stroke-width="1.5"/>`;
  if (e.kind === 'square')
    return `<rect x="${px(cx - 4.5)}" y="${px(cy - 4.5)}" width="9" height="9" fill="${e.color}" stroke="${colors.background}" stroke-width="1.5"/>`;
  if (e.kind === 'ring')
    return `<circle cx="${px(cx)}" cy="${px(cy)}" r="6" fill="none" stroke="${e.color}" stroke-width="1.8"/>`;
  return `<rect x="${px(cx - 9)}" y="${px(cy - 6)}" width="18" height="12" rx="2" fill="${e.color}"/>`;
}

/** A rough width of `text` in pixels at `fontSize` (for layout; SVG has no text metrics without a browser). */
export function approximateTextWidth(text: string, fontSize: number): number {
  let units = 0;
  for (const c of text)
    units += /[il.,:;'|!1 ]/.test(c) ? 0.32 : /[mwMW@%]/.test(c) ? 0.85 : /[A-Z0-9]/.test(c) ? 0.62 : 0.55;
  return units * fontSize;
}

/** Checks that `values` is an array of numbers; non-finite entries are allowed only with `allowNonFinite`. */
export function checkNumbers(where: string, name: string, values: unknown, allowNonFinite = false): number[] {
  if (!Array.isArray(values))
    throw vizError(where, `${name} must be an array of numbers, got ${describe(values)}.`, `pass ${name} as number[]`);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (typeof v !== 'number' || (!allowNonFinite && !Number.isFinite(v))) {
      throw vizError(where, `${name}[${k}] must be a finite number, got ${describe(v)}.`, `fix entry ${k} of ${name}`);
    }
  }
  return values as number[];
}

/** Checks an optional finite-number option and returns it or its default. */
export function numberOption(
  where: string,
  name: string,
  value: unknown,
  fallback: number,
  check: (x: number) => boolean = () => true,
  rule = 'a finite number',
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) {
    throw vizError(where, `options.${name} must be ${rule}, got ${describe(value)}.`, `leave it out for ${fallback}`);
  }
  return value;
}
