/**
 * plotDecisionBoundary: what a 2-D binary classifier learned, as a standalone SVG. The plane is
 * shaded by the classifier's score (filled d3-contour bands, deeper colour = more confident), the
 * boundary score = threshold is drawn as a line, and the labelled points are marked by class, with
 * misclassified points ringed.
 */
import { describe } from '@chainrule/core';
import { contours, format as d3format, interpolateRgb, max, min, scaleLinear } from 'd3';
import { closeSvg, drawAxes, drawLegendRow, numberOption, openSvg, px, resolveFrame, UID } from './plot-svg';
import type { LegendEntry, PlotArea } from './plot-svg';
import type { PlotOptions } from './plot-theme';
import { vizError } from './viz-error';
import { escapeXml } from './xml-escape';

const WHERE = 'plotDecisionBoundary';

/** Labelled 2-D points: a dataset `{ X: [[x1, x2], …], y: [label, …] }` (as `makeMoons` returns) or a list of `{ x, y, label }`. */
export type LabelledPoints = { X: number[][]; y: number[] } | { x: number; y: number; label: number }[];

/** Options of {@link plotDecisionBoundary}. */
export interface PlotDecisionBoundaryOptions extends PlotOptions {
  /** Grid cells along the horizontal axis where the score is evaluated (10 to 400). Default 80. */
  resolution?: number;
  /** The score separating the classes: 0 (default) for tanh/hinge outputs, 0.5 for probabilities. */
  threshold?: number;
  /** The range of x₁. Default: the points' range, padded by 12%. */
  xDomain?: [number, number];
  /** The range of x₂. Default: the points' range, padded by 12%. */
  yDomain?: [number, number];
  /** Names of the [negative, positive] classes. Default from the labels, e.g. `['class −1', 'class 1']`. */
  classNames?: [string, string];
  /** Axis titles. Default `'x₁'` and `'x₂'`. */
  xLabel?: string;
  yLabel?: string;
}

interface Point {
  x: number;
  y: number;
  label: number;
}

/**
 * The decision regions of `score(x1, x2)` with the labelled points on top, as a standalone SVG
 * string (640×520 px, light theme by default). A point is of the positive class when its label is
 * greater than 0 (labels −1/1 or 0/1), predicted positive when its score is above `threshold`.
 * @example
 * const data = makeMoons(100, { noise: 0.1 });                       // from @chainrule/nn
 * const score = (x1, x2) => model.forward([x1, x2]).data;          // a trained MLP
 * fs.writeFileSync('moons.svg', plotDecisionBoundary(score, data));
 */
export function plotDecisionBoundary(
  score: (x1: number, x2: number) => number,
  data: LabelledPoints,
  options: PlotDecisionBoundaryOptions = {},
): string {
  if (typeof score !== 'function') {
    throw vizError(
      WHERE,
      `score must be a function (x1, x2) => number, got ${describe(score)}.`,
      'pass e.g. (a, b) => model.forward([a, b]).data',
    );
  }
  const points = checkPoints(data);
  const frame = resolveFrame(WHERE, options, { width: 640, height: 520, title: 'Decision boundary' });
  const { colors } = frame;
  const resolution = numberOption(
    WHERE,
    'resolution',
    options.resolution,
    80,
    (x) => Number.isInteger(x) && x >= 10 && x <= 400,
    'an integer from 10 to 400',
  );
  const threshold = numberOption(WHERE, 'threshold', options.threshold, 0);
  const xDomain = checkDomain('xDomain', options.xDomain) ?? padded(points.map((p) => p.x));
  const yDomain = checkDomain('yDomain', options.yDomain) ?? padded(points.map((p) => p.y));

  const area: PlotArea = { left: 64, top: frame.title ? 84 : 58, width: 0, height: 0 };
  area.width = frame.width - area.left - 24;
  area.height = frame.height - area.top - 58;
  const x = scaleLinear()
    .domain(xDomain)
    .range([area.left, area.left + area.width]);
  const y = scaleLinear()
    .domain(yDomain)
    .range([area.top + area.height, area.top]);

  // The score at the centres of an nx × ny grid of cells, row 0 at the top, stored relative to the
  // threshold. One extra ring of cells outside the plot keeps contour artefacts at the grid's border
  // outside the clipped area, so lines reach the plot's edges where they should.
  const nx = resolution;
  const ny = Math.max(2, Math.round((resolution * area.height) / area.width));
  const gx = nx + 2;
  const gy = ny + 2;
  const grid = new Float64Array(gx * gy);
  let extent = 0;
  for (let j = 0; j < gy; j++) {
    const b = yDomain[1] - ((j - 0.5) / ny) * (yDomain[1] - yDomain[0]);
    for (let i = 0; i < gx; i++) {
      const a = xDomain[0] + ((i - 0.5) / nx) * (xDomain[1] - xDomain[0]);
      const s = evaluate(score, a, b) - threshold;
      grid[i + j * gx] = s;
      extent = Math.max(extent, Math.abs(s));
    }
  }
  const predictions = points.map((p) => evaluate(score, p.x, p.y) > threshold);
  const wrong = points.filter((p, k) => predictions[k] !== p.label > 0).length;
  const names = options.classNames ?? defaultClassNames(points);
  if (!Array.isArray(names) || names.length !== 2 || !names.every((n) => typeof n === 'string')) {
    throw vizError(
      WHERE,
      `options.classNames must be two strings, got ${describe(names)}.`,
      "pass e.g. ['outer moon', 'inner moon']",
    );
  }

  const accuracy = points.length ? (points.length - wrong) / points.length : 1;
  const summary = `accuracy ${d3format('.1%')(accuracy)} on ${points.length} points (${wrong} misclassified)`;
  const parts: string[] = [
    openSvg(frame, `Decision regions of a 2-D classifier with ${points.length} labelled points; ${summary}.`),
  ];
  parts.push(
    `<text x="${px(frame.width / 2)}" y="${frame.title ? 46 : 22}" text-anchor="middle" font-size="12.5" fill="${colors.muted}">${escapeXml(summary)}</text>`,
  );

  // Filled bands: each contour is the region where the score is at least its level, painted lowest first.
  const perSide = 7;
  const top = extent || 1;
  const levels: number[] = [];
  for (let k = -perSide; k <= perSide; k++) levels.push((top * k) / perSide);
  levels[0] = -Infinity; // the first band covers the whole plane
  const shade = (level: number, next: number): string => {
    const mid = Number.isFinite(level) ? (level + next) / 2 : next - top / (2 * perSide);
    const strength = 0.14 + 0.4 * Math.sqrt(Math.min(1, Math.abs(mid) / top));
    return interpolateRgb(colors.background, mid >= 0 ? colors.positive : colors.negative)(strength);
  };
  // d3-contour puts cell i's value at coordinate i + 0.5; with the extra ring, coordinate 1 is the plot's edge.
  const toX = (c: number): number => area.left + ((c - 1) / nx) * area.width;
  const toY = (r: number): number => area.top + ((r - 1) / ny) * area.height;
  const bands = contours()
    .size([gx, gy])
    .thresholds(levels.map((l) => (Number.isFinite(l) ? l : -top * 2)))(Array.from(grid));
  parts.push(
    `<defs><clipPath id="boundary-area-${UID}"><rect x="${px(area.left)}" y="${px(area.top)}" width="${px(area.width)}" height="${px(area.height)}"/></clipPath></defs>`,
  );
  parts.push(`<g clip-path="url(#boundary-area-${UID})">`);
  bands.forEach((band, k) => {
    const d = multiPolygonPath(band.coordinates, toX, toY);
    if (d) parts.push(`<path d="${d}" fill="${shade(levels[k], levels[k + 1] ?? top)}"/>`);
  });
  const boundary = contours().size([gx, gy]).thresholds([0])(Array.from(grid))[0];
  const boundaryPath = isoLinePath(boundary.coordinates, gx, gy, toX, toY);
  if (boundaryPath)
    parts.push(
      `<path class="boundary" d="${boundaryPath}" fill="none" stroke="${colors.text}" stroke-width="2.2" stroke-linejoin="round"/>`,
    );
  parts.push('</g>');

  parts.push(
    drawAxes(x, y, area, colors, {
      xLabel: options.xLabel ?? 'x₁',
      yLabel: options.yLabel ?? 'x₂',
    }),
  );

  // Points: circles for the negative class, squares for the positive one; misclassified ones ringed.
  const marks: string[] = ['<g class="points">'];
  points.forEach((p, k) => {
    const cx = x(p.x);
    const cy = y(p.y);
    const positive = p.label > 0;
    const fill = positive ? colors.positive : colors.negative;
    const title = `<title>${escapeXml(`(${d3format('.3~f')(p.x)}, ${d3format('.3~f')(p.y)}) ${names[positive ? 1 : 0]}${predictions[k] !== positive ? ', misclassified' : ''}`)}</title>`;
    if (predictions[k] !== positive)
      marks.push(
        `<circle class="misclassified" cx="${px(cx)}" cy="${px(cy)}" r="8.5" fill="none" stroke="${colors.text}" stroke-width="1.8"/>`,
      );
    if (positive) {
      marks.push(
        `<rect x="${px(cx - 4.2)}" y="${px(cy - 4.2)}" width="8.4" height="8.4" fill="${fill}" stroke="${colors.background}" stroke-width="1.3">${title}</rect>`,
      );
    } else {
      marks.push(
        `<circle cx="${px(cx)}" cy="${px(cy)}" r="4.6" fill="${fill}" stroke="${colors.background}" stroke-width="1.3">${title}</circle>`,
      );
    }
  });
  marks.push('</g>');
  parts.push(marks.join('\n'));

  const legend: LegendEntry[] = [
    { label: names[0], color: colors.negative, kind: 'point' },
    { label: names[1], color: colors.positive, kind: 'square' },
    { label: `boundary: score = ${d3format('~g')(threshold)}`, color: colors.text, kind: 'line' },
  ];
  if (wrong > 0) legend.push({ label: 'misclassified', color: colors.text, kind: 'ring' });
  parts.push(drawLegendRow(legend, area.left + area.width / 2, area.top - 16, colors));
  return closeSvg(parts);
}

function evaluate(score: (a: number, b: number) => number, a: number, b: number): number {
  const s = score(a, b);
  if (typeof s !== 'number' || !Number.isFinite(s)) {
    throw vizError(
      WHERE,
      `score(${a}, ${b}) returned ${describe(s)}; a finite number is needed everywhere on the plot.`,
      'return a plain number (e.g. .data of the output Value) and check the model for NaN',
    );
  }
  return s;
}

function checkPoints(data: LabelledPoints): Point[] {
  const fix = 'pass { X: [[x1, x2], …], y: [label, …] } or [{ x, y, label }, …]';
  let points: Point[];
  if (Array.isArray(data)) {
    points = data.map((p, k) => {
      if (typeof p !== 'object' || p === null)
        throw vizError(WHERE, `point ${k} must be { x, y, label }, got ${describe(p)}.`, fix);
      return { x: p.x, y: p.y, label: p.label };
    });
  } else if (typeof data === 'object' && data !== null && Array.isArray(data.X) && Array.isArray(data.y)) {
    if (data.X.length !== data.y.length) {
      throw vizError(
        WHERE,
        `X has ${data.X.length} rows but y has ${data.y.length} labels.`,
        'give one label per row of X',
      );
    }
    points = data.X.map((row, k) => {
      if (!Array.isArray(row) || row.length !== 2)
        throw vizError(WHERE, `X[${k}] must be a pair [x1, x2], got ${describe(row)}.`, 'plot two features at a time');
      return { x: row[0], y: row[1], label: data.y[k] };
    });
  } else {
    throw vizError(WHERE, `expected labelled points, got ${describe(data)}.`, fix);
  }
  points.forEach((p, k) => {
    for (const key of ['x', 'y', 'label'] as const) {
      if (typeof p[key] !== 'number' || !Number.isFinite(p[key])) {
        throw vizError(
          WHERE,
          `point ${k} has ${key} = ${describe(p[key])}; every coordinate and label must be a finite number.`,
          `fix point ${k}`,
        );
      }
    }
  });
  return points;
}

function checkDomain(name: string, domain: unknown): [number, number] | undefined {
  if (domain === undefined) return undefined;
  if (!Array.isArray(domain) || domain.length !== 2 || !domain.every(Number.isFinite) || !(domain[0] < domain[1])) {
    throw vizError(
      WHERE,
      `options.${name} must be [low, high] with low < high, got ${describe(domain)}.`,
      'leave it out to fit the points',
    );
  }
  return [domain[0], domain[1]];
}

function padded(values: number[]): [number, number] {
  if (values.length === 0) return [-1, 1];
  const lo = min(values)!;
  const hi = max(values)!;
  const pad = (hi - lo) * 0.12 || 1;
  return [lo - pad, hi + pad];
}

function defaultClassNames(points: Point[]): [string, string] {
  const negative = points.find((p) => p.label <= 0)?.label;
  const positive = points.find((p) => p.label > 0)?.label;
  const name = (label: number | undefined, fallback: string): string =>
    label === undefined ? fallback : `class ${d3format('~g')(label)}`;
  return [name(negative, 'negative'), name(positive, 'positive')];
}

/** SVG path data of a GeoJSON-like multipolygon in grid coordinates. */
function multiPolygonPath(polygons: number[][][][], toX: (c: number) => number, toY: (r: number) => number): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      if (ring.length < 2) continue;
      parts.push(`M${ring.map(([c, r]) => `${px(toX(c))},${px(toY(r))}`).join('L')}Z`);
    }
  }
  return parts.join('');
}

/**
 * The iso-line of a contour: its rings without the stretches that run along the grid's border
 * (a contour polygon is closed by the border, the boundary between classes is not).
 */
function isoLinePath(
  polygons: number[][][][],
  nx: number,
  ny: number,
  toX: (c: number) => number,
  toY: (r: number) => number,
): string {
  const onBorder = ([c, r]: number[]): boolean => c <= 0 || c >= nx || r <= 0 || r >= ny;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      let drawing = false;
      for (let k = 1; k < ring.length; k++) {
        const from = ring[k - 1];
        const to = ring[k];
        if (onBorder(from) && onBorder(to)) {
          drawing = false;
          continue;
        }
        if (!drawing) parts.push(`M${px(toX(from[0]))},${px(toY(from[1]))}`);
        parts.push(`L${px(toX(to[0]))},${px(toY(to[1]))}`);
        drawing = true;
      }
    }
  }
  return parts.join('');
}
