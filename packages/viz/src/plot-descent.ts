/**
 * plotDescent: the article's picture as a standalone SVG. The cost curve C(w) = (i·w − y)² of a
 * one-weight perceptron, the gradient-descent steps marked on it (computed with the engine, or given),
 * the slope at the first step, the minimum at w = y/i, and optionally the activation a(w) = i·w.
 */
import { describe, gradientDescent, Value } from '@chainrule/core';
import type { DescentStep } from '@chainrule/core';

export type { DescentStep };
import { format as d3format, line, max, min, scaleLinear, curveLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import {
  approximateTextWidth,
  checkNumbers,
  closeSvg,
  drawAxes,
  drawLegend,
  numberOption,
  openSvg,
  px,
  resolveFrame,
  UID,
} from './plot-svg';
import type { LegendEntry, PlotArea } from './plot-svg';
import type { PlotColours, PlotOptions } from './plot-theme';
import { vizError } from './viz-error';
import { escapeXml } from './xml-escape';

const WHERE = 'plotDescent';

/** The one-weight perceptron of the article: a = i·w, C = (a − y)², trained by w ← w − η·dC/dw. */
export interface DescentProblem {
  /** The input i. Default 1.5. */
  input?: number;
  /** The target y. Default 0.5. */
  target?: number;
  /** The first weight w₀. Default 0.8. */
  start?: number;
  /** The learning rate η. Default 0.1. */
  learningRate?: number;
  /** How many steps to take (the plot shows w₀ … w_steps). Default 6. */
  steps?: number;
}

/** Options of {@link plotDescent}. */
export interface PlotDescentOptions extends PlotOptions, DescentProblem {
  /**
   * The weights to mark (w₀, w₁, …), e.g. recorded from your own training loop. When given, `start`
   * and `steps` are not used, and the worked first step is shown only if `learningRate` is given and
   * w₁ = w₀ − η·dC/dw holds. Default: computed from the problem.
   */
  ws?: number[];
  /** Draw a(w) = i·w and the target y, which cross at the minimum. Default false. */
  showActivation?: boolean;
  /** Draw the tangent at w₀ (slope dC/dw) and the first update Δw = −η·dC/dw. Default true. */
  showTangent?: boolean;
  /** A table of step, w, C(w) and dC/dw beside the plot. Default true. */
  showTable?: boolean;
  /** The range of w on the horizontal axis. Default: the steps and the minimum, padded. */
  domain?: [number, number];
  /** d3-format specifier of the numbers in labels and the table. Default `'.6~g'` (0.410975). */
  numberFormat?: string;
}

/**
 * Gradient descent on the article's perceptron, each gradient computed by the engine:
 * w₀ = 0.8, dC/dw = 2.1, w₁ = 0.59, then 0.4745, 0.410975, … → 1/3 with the defaults.
 * @example
 * descentSteps({ steps: 2 }).map((s) => s.w); // [0.8, 0.59, 0.4745]
 */
export function descentSteps(problem: DescentProblem = {}): DescentStep[] {
  const { input, target } = checkProblem(problem);
  const start = numberOption(WHERE, 'start', problem.start, 0.8);
  const learningRate = numberOption(
    WHERE,
    'learningRate',
    problem.learningRate,
    0.1,
    (x) => x > 0,
    'a positive number',
  );
  const steps = numberOption(
    WHERE,
    'steps',
    problem.steps,
    6,
    (x) => Number.isInteger(x) && x >= 0 && x <= 1000,
    'an integer from 0 to 1000',
  );
  return gradientDescent(articleCost(input, target), start, { learningRate, steps });
}

/** C(w) = (i·w − y)² as a Value function, for the engine to differentiate. */
function articleCost(input: number, target: number): (w: Value) => Value {
  return (w) => new Value(input, 'i').mul(w).sub(target).pow(2);
}

function checkProblem(problem: DescentProblem): { input: number; target: number } {
  if (typeof problem !== 'object' || problem === null) {
    throw vizError(WHERE, `options must be an object, got ${describe(problem)}.`, 'pass {} for the article defaults');
  }
  const input = numberOption(
    WHERE,
    'input',
    problem.input,
    1.5,
    (x) => x !== 0,
    'a non-zero number (with i = 0 the cost has no minimum)',
  );
  const target = numberOption(WHERE, 'target', problem.target, 0.5);
  return { input, target };
}

/**
 * The article's front-page picture as a standalone SVG string: the cost curve C(w) = (i·w − y)², the
 * gradient-descent steps w₀, w₁, … marked on it with arrows, the slope at w₀, the minimum at
 * w = y/i (1/3 for the article), and a table of the numbers. Defaults are the article's
 * (i = 1.5, y = 0.5, w₀ = 0.8, η = 0.1); 820×450 px, light theme.
 * @example
 * fs.writeFileSync('descent.svg', plotDescent());
 * plotDescent({ showActivation: true, theme: 'dark', steps: 10 });
 * plotDescent({ ws: [0.8, 0.59, 0.4745], showTable: false }); // weights from your own loop
 */
export function plotDescent(options: PlotDescentOptions = {}): string {
  const { input, target } = checkProblem(options);
  const frame = resolveFrame(WHERE, options, {
    width: 820,
    height: 450,
    title: 'Gradient descent on C(w) = (i·w − y)²',
  });
  const given = options.ws !== undefined;
  const points = given ? stepsAt(input, target, checkNumbers(WHERE, 'options.ws', options.ws)) : descentSteps(options);
  if (points.length === 0 || points.length > 1001) {
    throw vizError(
      WHERE,
      `options.ws must hold 1 to 1001 weights, got ${points.length}.`,
      'pass the weights w₀, w₁, … of your run',
    );
  }
  const showActivation = options.showActivation ?? false;
  const showTangent = options.showTangent ?? true;
  const showTable = options.showTable ?? true;
  const fmt = numberFormatter(options.numberFormat ?? '.6~g');
  const minimum = target / input;

  // Layout: a subtitle under the title, the table on the right.
  const tableWidth = showTable ? 290 : 0;
  const area: PlotArea = { left: 70, top: frame.title ? 68 : 40, width: 0, height: 0 };
  area.width = frame.width - area.left - 24 - tableWidth;
  area.height = frame.height - area.top - 58;
  const diverging = divergesFrom(points, minimum);
  // A diverging run is shown over its first steps; the later ones are marked as leaving the plot.
  const domain = checkDomain(options.domain ?? paddedDomain(shownWeights(points, minimum, diverging), minimum));
  const samples = sampleCurve((w) => (input * w - target) ** 2, domain, 240);
  const plot: DescentPlot = {
    ...descentScales(area, domain, samples, points, showActivation ? input : null, target),
    area,
    colors: frame.colors,
    fmt,
    points,
    domain,
    input,
    target,
    minimum,
  };

  const parts: string[] = [openSvg(frame, descriptionOf(points, fmt, minimum))];
  const subtitle = given
    ? `i = ${fmt(input)}, y = ${fmt(target)}${options.learningRate === undefined ? '' : `, learning rate η = ${fmt(options.learningRate)}`}; ${points.length} given weights${diverging ? ': the steps diverge' : ''}`
    : subtitleOf(input, target, options, fmt, minimum);
  parts.push(
    `<text x="${px(frame.width / 2)}" y="${frame.title ? 46 : 22}" text-anchor="middle" font-size="12.5" fill="${plot.colors.muted}">${escapeXml(subtitle)}</text>`,
    drawAxes(plot.x, plot.y, area, plot.colors, {
      xLabel: 'weight w',
      yLabel: showActivation ? 'C(w) and a(w)' : 'cost C(w)',
    }),
    drawDefs(plot),
    `<g clip-path="url(#plot-area-${UID})">`,
    drawCurve(plot, samples),
  );
  if (showActivation) parts.push(drawActivation(plot));
  parts.push(drawMinimumLine(plot));
  if (showTangent) parts.push(drawTangent(plot));
  parts.push(drawStepArrows(plot), drawSteps(plot), '</g>', drawMinimum(plot), drawLeaving(plot));

  const legend: LegendEntry[] = [{ label: 'cost C(w)', color: plot.colors.primary, kind: 'line' }];
  if (showActivation) legend.push({ label: 'activation a(w) = i·w', color: plot.colors.secondary, kind: 'line' });
  legend.push({
    label: given ? 'weights w₀, w₁, …' : 'gradient-descent steps',
    color: plot.colors.accent,
    kind: 'point',
  });
  if (showTangent) legend.push({ label: 'slope dC/dw at w₀', color: plot.colors.text, kind: 'dashed' });
  legend.push({ label: 'minimum', color: plot.colors.good, kind: 'diamond' });
  parts.push(drawLegend(legend, area.left + 10, area.top + 10, plot.colors, 'left'));

  if (showTable) parts.push(drawSidePanel(plot, options, given, tableWidth));
  return closeSvg(parts);
}

/** What every part of the descent plot draws from: the scales, the data and the format. */
interface DescentPlot {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  area: PlotArea;
  colors: PlotColours;
  fmt: (x: number) => string;
  points: DescentStep[];
  domain: [number, number];
  input: number;
  target: number;
  minimum: number;
}

function numberFormatter(numberFormat: string): (x: number) => string {
  try {
    return d3format(numberFormat);
  } catch {
    throw vizError(
      WHERE,
      `options.numberFormat ${describe(numberFormat)} is not a d3-format specifier.`,
      "use e.g. '.4f' or leave it out for '.6~g'",
    );
  }
}

function checkDomain(domain: unknown): [number, number] {
  if (!Array.isArray(domain) || domain.length !== 2 || !domain.every(Number.isFinite) || !(domain[0] < domain[1])) {
    throw vizError(
      WHERE,
      `options.domain must be [low, high] with low < high, got ${describe(domain)}.`,
      'leave it out to fit the steps',
    );
  }
  return domain as [number, number];
}

/** x over the domain; y over the curve and the steps inside the domain (and a(w) and y when drawn). */
function descentScales(
  area: PlotArea,
  domain: [number, number],
  samples: [number, number][],
  points: DescentStep[],
  activationInput: number | null,
  target: number,
): { x: ScaleLinear<number, number>; y: ScaleLinear<number, number> } {
  const x = scaleLinear()
    .domain(domain)
    .range([area.left, area.left + area.width]);
  const inDomain = points.filter((p) => p.w >= domain[0] && p.w <= domain[1]);
  let yMax = Math.max(max(samples, (s) => s[1]) ?? -Infinity, max(inDomain, (p) => p.cost) ?? -Infinity);
  let yMin = 0;
  if (activationInput !== null) {
    const ends = [activationInput * domain[0], activationInput * domain[1]];
    yMax = Math.max(yMax, target, ends[0], ends[1]);
    yMin = Math.min(0, target, ends[0], ends[1]);
  }
  const y = scaleLinear()
    .domain([yMin - 0.04 * (yMax - yMin), yMax + 0.06 * (yMax - yMin)])
    .range([area.top + area.height, area.top])
    .nice();
  return { x, y };
}

function drawDefs({ area, colors }: DescentPlot): string {
  return [
    `<defs><clipPath id="plot-area-${UID}"><rect x="${px(area.left)}" y="${px(area.top)}" width="${px(area.width)}" height="${px(area.height)}"/></clipPath>`,
    `<marker id="step-arrow-${UID}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,1L10,5L0,9z" fill="${colors.accent}"/></marker></defs>`,
  ].join('\n');
}

/** The cost curve, lightly filled underneath. */
function drawCurve({ x, y, colors, domain }: DescentPlot, samples: [number, number][]): string {
  const curve = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]))
    .curve(curveLinear)(samples)!;
  const baseline = px(y(Math.max(y.domain()[0], 0)));
  return [
    `<path d="${curve}L${px(x(domain[1]))},${baseline}L${px(x(domain[0]))},${baseline}Z" fill="${colors.primary}" fill-opacity="0.07"/>`,
    `<path class="cost-curve" d="${curve}" fill="none" stroke="${colors.primary}" stroke-width="2.5" stroke-linejoin="round"/>`,
  ].join('\n');
}

/** a(w) = i·w and the target y, which cross at the minimum. */
function drawActivation({ x, y, area, colors, fmt, domain, input, target }: DescentPlot): string {
  return [
    `<path d="M${px(x(domain[0]))},${px(y(input * domain[0]))}L${px(x(domain[1]))},${px(y(input * domain[1]))}" stroke="${colors.secondary}" stroke-width="2"/>`,
    `<path d="M${px(area.left)},${px(y(target))}H${px(area.left + area.width)}" stroke="${colors.secondary}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
    `<text x="${px(area.left + 8)}" y="${px(y(target) - 6)}" fill="${colors.secondary}">${escapeXml(`target y = ${fmt(target)}`)}</text>`,
  ].join('\n');
}

/** The minimum's dashed drop line to the axis (its diamond is drawn above the steps). */
function drawMinimumLine({ x, y, area, colors, minimum }: DescentPlot): string {
  return `<path d="M${px(x(minimum))},${px(area.top + area.height)}V${px(y(0))}" stroke="${colors.good}" stroke-width="1.5" stroke-dasharray="3 3"/>`;
}

/** The tangent at w₀ (slope dC/dw), labelled at its lower end. */
function drawTangent(plot: DescentPlot): string {
  const { x, y, colors, fmt, points, domain } = plot;
  const first = points[0];
  const half = (domain[1] - domain[0]) * 0.14;
  const t0 = first.w - half;
  const t1 = first.w + half;
  const rising = first.gradient >= 0;
  const label = `slope ${fmt(first.gradient)}`;
  const width = approximateTextWidth(label, 12.5);
  // Under the tangent's lower end, unless the minimum's label is there: then above its upper end.
  const low = rising ? [t0, first.cost - first.gradient * half] : [t1, first.cost + first.gradient * half];
  const high = rising ? [t1, first.cost + first.gradient * half] : [t0, first.cost - first.gradient * half];
  let at = { x: x(low[0]) + (rising ? 4 : -4), y: y(low[1]) + 16, anchor: rising ? 'start' : 'end' };
  const left = (spot: typeof at) => (spot.anchor === 'start' ? spot.x : spot.x - width);
  const clash = (spot: typeof at): boolean => {
    const m = minimumLabel(plot);
    return left(spot) < m.right && m.left < left(spot) + width && spot.y - 10 < m.bottom && m.top < spot.y + 3;
  };
  if (clash(at)) at = { x: x(high[0]) + (rising ? -4 : 4), y: y(high[1]) - 8, anchor: rising ? 'end' : 'start' };
  return [
    `<path d="M${px(x(t0))},${px(y(first.cost - first.gradient * half))}L${px(x(t1))},${px(y(first.cost + first.gradient * half))}" stroke="${colors.text}" stroke-width="1.5" stroke-dasharray="5 4" opacity="0.75"/>`,
    `<text x="${px(at.x)}" y="${px(at.y)}" text-anchor="${at.anchor}" font-size="12.5" fill="${colors.text}">${escapeXml(label)}</text>`,
  ].join('\n');
}

/** Arrows from each step to the next, bowed above the curve so they stay readable near the minimum. */
function drawStepArrows({ x, y, colors, points, domain }: DescentPlot): string {
  const parts: string[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    if (!inside(points[k + 1], domain)) break; // the rest left the plot (drawLeaving says so)
    const ax = x(points[k].w);
    const ay = y(points[k].cost);
    const bx = x(points[k + 1].w);
    const by = y(points[k + 1].cost);
    const length = Math.hypot(bx - ax, by - ay);
    if (length < 24) continue; // too short for a readable arrowhead
    const shrink = Math.min(7, length / 3) / length;
    const sx = ax + (bx - ax) * shrink;
    const sy = ay + (by - ay) * shrink;
    const ex = bx - (bx - ax) * shrink;
    const ey = by - (by - ay) * shrink;
    const cx = (sx + ex) / 2;
    const cy = Math.min(sy, ey) - Math.min(28, length * 0.25);
    parts.push(
      `<path d="M${px(sx)},${px(sy)}Q${px(cx)},${px(cy)} ${px(ex)},${px(ey)}" fill="none" stroke="${colors.accent}" stroke-width="1.6" marker-end="url(#step-arrow-${UID})" opacity="0.9"/>`,
    );
  }
  return parts.join('\n');
}

/** The steps, with labels w₀, w₁, … where they do not crowd. */
function drawSteps({ x, y, colors, fmt, points, minimum, domain }: DescentPlot): string {
  const parts = ['<g class="descent-steps">'];
  let lastLabelX = -Infinity;
  let lastLabelY = -Infinity;
  points.forEach((p, k) => {
    if (!inside(p, domain)) return;
    const cx = x(p.w);
    const cy = y(p.cost);
    const r = k === 0 ? 6 : 5;
    parts.push(
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="${r}" fill="${colors.accent}" stroke="${colors.background}" stroke-width="2"><title>${escapeXml(`w${subscript(k)} = ${fmt(p.w)}, C = ${fmt(p.cost)}, dC/dw = ${fmt(p.gradient)}`)}</title></circle>`,
    );
    if (Math.hypot(cx - lastLabelX, cy - lastLabelY) >= 26) {
      // Below the point, on the outer side of the parabola, away from the arrows that bow above it.
      const right = p.w >= minimum;
      parts.push(
        `<text x="${px(cx + (right ? 7 : -7))}" y="${px(cy + 19)}" text-anchor="${right ? 'start' : 'end'}" font-size="13" font-weight="600" fill="${colors.accent}">w${subscript(k)}</text>`,
      );
      lastLabelX = cx;
      lastLabelY = cy;
    }
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** Where the minimum's label goes: on the side of the diamond away from the steps, unless the edge is near. */
function minimumLabel({ x, y, area, fmt, points, minimum }: DescentPlot): {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  const mx = x(minimum);
  const my = y(0);
  const text = `minimum w = ${fractionOrNumber(minimum, fmt)}`;
  const width = approximateTextWidth(text, 12.5);
  let labelLeft = points[0].w >= minimum;
  if (labelLeft && mx - 12 - width < area.left) labelLeft = false;
  else if (!labelLeft && mx + 12 + width > area.left + area.width) labelLeft = true;
  const lx = mx + (labelLeft ? -12 : 12);
  const left = labelLeft ? lx - width : lx;
  return {
    text,
    x: lx,
    y: my + 20,
    anchor: labelLeft ? 'end' : 'start',
    left,
    right: left + width,
    top: my + 10,
    bottom: my + 23,
  };
}

/** The minimum's diamond and its label. */
function drawMinimum(plot: DescentPlot): string {
  const { x, y, colors, minimum } = plot;
  const mx = x(minimum);
  const my = y(0);
  const label = minimumLabel(plot);
  return [
    `<path class="minimum" d="M${px(mx)},${px(my - 7)}l7,7l-7,7l-7,-7z" fill="${colors.good}" stroke="${colors.background}" stroke-width="1.5"/>`,
    `<text x="${px(label.x)}" y="${px(label.y)}" text-anchor="${label.anchor}" font-size="12.5" font-weight="600" fill="${colors.good}">${escapeXml(label.text)}</text>`,
  ].join('\n');
}

/** The table of steps beside the plot, with the worked first step under it where it applies. */
function drawSidePanel(plot: DescentPlot, options: PlotDescentOptions, given: boolean, tableWidth: number): string {
  const { area, points, fmt, colors } = plot;
  const side = { left: area.left + area.width + 28, top: area.top, width: tableWidth - 12, height: area.height };
  // Given weights get the worked step only when a learningRate is given and w₁ = w₀ − η·dC/dw holds.
  const rate = numberOption(WHERE, 'learningRate', options.learningRate, 0.1, (x) => x > 0, 'a positive number');
  const consistent =
    points.length > 1 &&
    Math.abs(points[0].w - rate * points[0].gradient - points[1].w) <= 1e-9 * Math.max(1, Math.abs(points[1].w));
  const worked =
    !given || (options.learningRate !== undefined && consistent)
      ? workedStep(points, plot.input, plot.target, rate, fmt)
      : [];
  return drawTable(points, fmt, side, worked.length ? 118 : 0, colors) + '\n' + drawWorkedStep(worked, side, colors);
}

function stepsAt(input: number, target: number, ws: number[]): DescentStep[] {
  const cost = articleCost(input, target);
  return ws.map((w, step) => ({ ...gradientDescent(cost, w, { steps: 0 })[0], step }));
}

function inside(p: DescentStep, domain: [number, number]): boolean {
  return p.w >= domain[0] && p.w <= domain[1];
}

/** True when the steps move away from the minimum: the last is over 4 times as far as the first. */
function divergesFrom(points: DescentStep[], minimum: number): boolean {
  const first = Math.abs(points[0].w - minimum);
  const last = Math.abs(points[points.length - 1].w - minimum);
  return points.length > 2 && last > 4 * Math.max(first, 1e-12);
}

/** The weights the domain is fitted to: all of them, or a diverging run's until it is 8 times as far out. */
function shownWeights(points: DescentStep[], minimum: number, diverging: boolean): number[] {
  const ws = points.map((p) => p.w);
  if (!diverging) return ws;
  const limit = 8 * Math.max(Math.abs(ws[0] - minimum), 1e-12);
  const kept = ws.filter((w, k) => k < 3 || Math.abs(w - minimum) <= limit);
  return kept.length >= 3 ? kept : ws.slice(0, 3);
}

/** Steps outside the domain, said in the plot's top right corner: `w₃ … w₁₂ leave the plot →`. */
function drawLeaving({ x, area, colors, points, domain }: DescentPlot): string {
  const outside = points.map((p, k) => ({ p, k })).filter(({ p }) => !inside(p, domain));
  if (outside.length === 0) return '';
  const first = outside[0].k;
  const last = outside[outside.length - 1].k;
  const names = first === last ? `w${subscript(first)} leaves` : `w${subscript(first)} … w${subscript(last)} leave`;
  const sides = new Set(outside.map(({ p }) => (p.w > domain[1] ? '→' : '←')));
  const arrow = sides.size === 2 ? '↔' : [...sides][0];
  return `<text class="leaving" x="${px(x(domain[1]) - 8)}" y="${px(area.top + 18)}" text-anchor="end" font-size="12.5" font-weight="600" fill="${colors.accent}">${escapeXml(`${names} the plot ${arrow}`)}</text>`;
}

/** The weights and the minimum, padded; wider on the minimum's side when it is an end (room for its label). */
function paddedDomain(ws: number[], minimum: number): [number, number] {
  let lo = Math.min(minimum, min(ws) ?? minimum);
  let hi = Math.max(minimum, max(ws) ?? minimum);
  const span = hi - lo || Math.max(1, Math.abs(hi));
  lo -= span * (lo === minimum ? 0.6 : 0.22);
  hi += span * (hi === minimum ? 0.6 : 0.18);
  // Start at 0 when 0 is close: the origin makes the picture easier to read.
  if (lo > 0 && lo < span * 0.6) lo = 0;
  return [lo, hi];
}

function sampleCurve(f: (w: number) => number, [lo, hi]: [number, number], n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const w = lo + ((hi - lo) * k) / n;
    out.push([w, f(w)]);
  }
  return out;
}

function subtitleOf(
  input: number,
  target: number,
  options: DescentProblem,
  fmt: (x: number) => string,
  minimum: number,
): string {
  const rate = options.learningRate ?? 0.1;
  const factor = 1 - 2 * rate * input * input;
  const base = `i = ${fmt(input)}, y = ${fmt(target)}, w₀ = ${fmt(options.start ?? 0.8)}, learning rate η = ${fmt(rate)}`;
  const towards = fractionOrNumber(Math.abs(minimum), fmt);
  const gap = minimum === 0 ? 'w' : minimum > 0 ? `w − ${towards}` : `w + ${towards}`;
  if (Math.abs(factor) < 1) return `${base}: each step multiplies ${gap} by ${fmt(factor)}`;
  return `${base}: η·2i² = ${fmt(2 * rate * input * input)} ≥ 2, so the steps diverge`;
}

/** `1/3` for simple fractions (denominator up to 12), else the formatted number. */
function fractionOrNumber(x: number, fmt: (x: number) => string): string {
  for (let q = 2; q <= 12; q++) {
    const p = Math.round(x * q);
    if (Math.abs(x * q - p) < 1e-9 && p % q !== 0) return `${p < 0 ? '−' : ''}${Math.abs(p)}/${q}`;
  }
  return fmt(x);
}

function subscript(k: number): string {
  return String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
}

function descriptionOf(points: DescentStep[], fmt: (x: number) => string, minimum: number): string {
  const ws = points.slice(0, 6).map((p) => fmt(p.w));
  return `Cost curve with gradient-descent steps w = ${ws.join(', ')}${points.length > 6 ? ', …' : ''} approaching the minimum at w = ${fmt(minimum)}.`;
}

/** The numbers of the run: step, w, C(w), dC/dw; long runs show the first rows, a gap and the last. */
function drawTable(
  points: DescentStep[],
  fmt: (x: number) => string,
  box: PlotArea,
  reserved: number,
  colors: PlotColours,
): string {
  // Tiny costs and gradients in exponent form, so that columns keep their width.
  const short = (x: number): string => (x !== 0 && Math.abs(x) < 1e-4 ? d3format('.3~e')(x) : fmt(x));
  const { left, top, width } = box;
  const rowHeight = 21;
  const capacity = Math.max(2, Math.floor((box.height - reserved - 30) / rowHeight));
  const rows: (DescentStep | null)[] =
    points.length <= capacity ? points : [...points.slice(0, capacity - 2), null, points[points.length - 1]];
  const columns = [
    { title: 'step', x: 4, anchor: 'start' },
    { title: 'w', x: 104, anchor: 'end' },
    { title: 'C(w)', x: 190, anchor: 'end' },
    { title: 'dC/dw', x: width - 2, anchor: 'end' },
  ];
  const parts = [
    `<g class="steps-table" transform="translate(${px(left)},${px(top)})" font-variant-numeric="tabular-nums">`,
  ];
  for (const c of columns) {
    parts.push(
      `<text x="${c.x}" y="14" text-anchor="${c.anchor}" font-weight="600" fill="${colors.muted}">${escapeXml(c.title)}</text>`,
    );
  }
  parts.push(`<line x1="0" y1="22" x2="${px(width)}" y2="22" stroke="${colors.grid}"/>`);
  rows.forEach((p, k) => {
    const y = 40 + rowHeight * k;
    if (p === null) {
      parts.push(`<text x="${px(width / 2)}" y="${y}" text-anchor="middle" fill="${colors.muted}">⋮</text>`);
      return;
    }
    const cells = [`${p.step}`, fmt(p.w), short(p.cost), short(p.gradient)];
    cells.forEach((text, c) => {
      const fill = c === 0 ? colors.accent : colors.text;
      parts.push(
        `<text x="${columns[c].x}" y="${y}" text-anchor="${columns[c].anchor}" fill="${fill}">${escapeXml(text)}</text>`,
      );
    });
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** The first update written out with the article's numbers: dC/dw = 2·i·(i·w₀ − y), w₁ = w₀ − η·dC/dw. */
function workedStep(
  points: DescentStep[],
  input: number,
  target: number,
  rate: number,
  fmt: (x: number) => string,
): [string, number][] {
  if (points.length < 2) return [];
  const [p0, p1] = points;
  const f = (x: number): string => (x < 0 ? `(${fmt(x)})` : fmt(x)); // a factor: (−2), not ·−2
  return [
    ['First step, by the chain rule:', 0],
    ['dC/dw = 2(i·w₀ − y)·i', 0],
    [`= 2(${f(input)}·${f(p0.w)} − ${f(target)})·${f(input)} = ${fmt(p0.gradient)}`, 40],
    ['w₁ = w₀ − η·dC/dw', 0],
    [`= ${fmt(p0.w)} − ${f(rate)}·${f(p0.gradient)} = ${fmt(p1.w)}`, 22],
  ];
}

/** The worked first step in a box at the bottom of the side panel; each line is [text, indent in px]. */
function drawWorkedStep(lines: [string, number][], box: PlotArea, colors: PlotColours): string {
  if (lines.length === 0) return '';
  const top = box.top + box.height - 18 * lines.length - 8;
  const parts = [
    `<g class="worked-step" transform="translate(${px(box.left)},${px(top)})">`,
    `<rect x="-8" y="-18" width="${px(box.width + 12)}" height="${px(18 * lines.length + 14)}" rx="6" fill="${colors.accent}" fill-opacity="0.08" stroke="${colors.accent}" stroke-opacity="0.35"/>`,
  ];
  lines.forEach(([text, indent], k) => {
    const weight = k === 0 ? ' font-weight="600"' : '';
    parts.push(`<text x="${indent}" y="${18 * k}"${weight} fill="${colors.text}">${escapeXml(text)}</text>`);
  });
  parts.push('</g>');
  return parts.join('\n');
}
