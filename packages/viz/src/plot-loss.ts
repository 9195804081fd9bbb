/**
 * plotLoss: a training curve as a standalone SVG — the loss per step (optionally smoothed, on a log
 * scale when it spans decades) and the accuracy on a right-hand axis. NaN and infinite losses leave
 * a gap and are reported in the picture; long runs are thinned without losing spikes.
 */
import { describe } from '@chainrule/core';
import { format as d3format, line, max, min, scaleLinear, scaleLog } from 'd3';
import { checkNumbers, closeSvg, drawAxes, drawLegend, numberOption, openSvg, px, resolveFrame, UID } from './plot-svg';
import type { AxisScale, LegendEntry, PlotArea } from './plot-svg';
import type { PlotOptions } from './plot-theme';
import { vizError } from './viz-error';
import { escapeXml } from './xml-escape';

const WHERE = 'plotLoss';

/** What a training loop records: the loss per step and, optionally, the accuracy (0 to 1) per step. */
export interface LossHistory {
  loss: number[];
  accuracy?: number[];
}

/** Options of {@link plotLoss}. */
export interface PlotLossOptions extends PlotOptions {
  /** Loss axis on a log scale: `'auto'` (default) when every loss is positive and they span over two decades. */
  logScale?: boolean | 'auto';
  /**
   * Exponential moving average of the loss, 0 (default, none) to 0.99: the smoothed curve is drawn
   * bold over the raw one.
   */
  smoothing?: number;
  /** Most points drawn per curve; longer runs keep each bucket's minimum and maximum. Default 2000. */
  maxPoints?: number;
  /** The first step's number on the horizontal axis. Default 0. */
  firstStep?: number;
  /** Horizontal axis title. Default `'step'`. */
  xLabel?: string;
}

/**
 * The training curve as a standalone SVG string (720×420 px, light theme by default).
 * @example
 * fs.writeFileSync('loss.svg', plotLoss({ loss: losses, accuracy: accuracies }, { smoothing: 0.6 }));
 * plotLoss([0.9, 0.5, 0.3, 0.2]); // a plain array is the loss
 */
export function plotLoss(history: number[] | LossHistory, options: PlotLossOptions = {}): string {
  const { loss, accuracy } = checkHistory(history);
  const frame = resolveFrame(WHERE, options, { width: 720, height: 420, title: 'Training loss' });
  const { colors } = frame;
  const smoothing = numberOption(
    WHERE,
    'smoothing',
    options.smoothing,
    0,
    (x) => x >= 0 && x <= 0.99,
    'a number from 0 to 0.99',
  );
  const maxPoints = numberOption(
    WHERE,
    'maxPoints',
    options.maxPoints,
    2000,
    (x) => Number.isInteger(x) && x >= 10,
    'an integer of at least 10',
  );
  const firstStep = numberOption(WHERE, 'firstStep', options.firstStep, 0);
  const xLabel = options.xLabel ?? 'step';
  if (typeof xLabel !== 'string')
    throw vizError(WHERE, `options.xLabel must be a string, got ${describe(xLabel)}.`, "leave it out for 'step'");

  const finite = loss.filter(Number.isFinite);
  const bad = loss.length - finite.length;
  const positive = finite.length > 0 && finite.every((v) => v > 0);
  const [lo, hi] = finite.length ? [min(finite)!, max(finite)!] : [0, 1];
  const logScale = options.logScale ?? 'auto';
  if (logScale === true && !positive) {
    throw vizError(
      WHERE,
      'options.logScale is true but some losses are zero or negative.',
      "use logScale: false (or 'auto')",
    );
  }
  const useLog = logScale === true || (logScale === 'auto' && positive && hi / lo > 100);

  const hasAccuracy = accuracy !== undefined;
  const area: PlotArea = { left: 72, top: frame.title ? 48 : 20, width: 0, height: 0 };
  area.width = frame.width - area.left - (hasAccuracy ? 72 : 28);
  area.height = frame.height - area.top - 58;

  const steps = Math.max(loss.length, accuracy?.length ?? 0);
  const x = scaleLinear()
    .domain([firstStep, firstStep + Math.max(1, steps - 1)])
    .range([area.left, area.left + area.width]);
  let y: AxisScale;
  if (useLog) {
    y = scaleLog()
      .domain([lo / 1.3, hi * 1.3])
      .range([area.top + area.height, area.top])
      .nice();
  } else {
    const span = hi - lo || Math.abs(hi) || 1;
    y = scaleLinear()
      .domain([Math.min(0, lo), hi + 0.06 * span])
      .range([area.top + area.height, area.top])
      .nice();
  }
  const yAccuracy = scaleLinear()
    .domain([0, 1])
    .range([area.top + area.height, area.top]);

  const description = `Loss over ${loss.length} steps, from ${fmtValue(loss[0])} to ${fmtValue(loss[loss.length - 1])}${hasAccuracy ? `; final accuracy ${fmtPercent(accuracy[accuracy.length - 1])}` : ''}.`;
  const parts: string[] = [openSvg(frame, description)];
  parts.push(
    drawAxes(x, y, area, colors, {
      xLabel,
      xIntegers: Number.isInteger(firstStep),
      yLabel: useLog ? 'loss (log scale)' : 'loss',
      yFormat: useLog ? '~g' : undefined,
      right: hasAccuracy ? { scale: yAccuracy, label: 'accuracy', format: '.0%', color: colors.secondary } : undefined,
    }),
  );
  parts.push(
    `<defs><clipPath id="loss-area-${UID}"><rect x="${px(area.left)}" y="${px(area.top - 4)}" width="${px(area.width + 4)}" height="${px(area.height + 8)}"/></clipPath></defs>`,
  );
  parts.push(`<g clip-path="url(#loss-area-${UID})">`);

  const stepAt = (k: number): number => firstStep + k;
  const curve = (values: number[], scale: AxisScale): string =>
    line<[number, number]>()
      .defined((d) => Number.isFinite(d[1]) && (!useLog || scale === yAccuracy || d[1] > 0))
      .x((d) => x(d[0]))
      .y((d) => scale(d[1]))(thin(values, maxPoints).map(([k, v]) => [stepAt(k), v] as [number, number])) ?? '';

  const legend: LegendEntry[] = [];
  if (smoothing > 0) {
    parts.push(
      `<path d="${curve(loss, y)}" fill="none" stroke="${colors.primary}" stroke-width="1.2" opacity="0.35"/>`,
    );
    parts.push(
      `<path class="loss-curve" d="${curve(exponentialAverage(loss, smoothing), y)}" fill="none" stroke="${colors.primary}" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
    legend.push({ label: `loss (smoothed ${smoothing})`, color: colors.primary, kind: 'line' });
  } else {
    parts.push(
      `<path class="loss-curve" d="${curve(loss, y)}" fill="none" stroke="${colors.primary}" stroke-width="2.2" stroke-linejoin="round"/>`,
    );
    legend.push({ label: 'loss', color: colors.primary, kind: 'line' });
  }
  if (hasAccuracy) {
    parts.push(
      `<path class="accuracy-curve" d="${curve(accuracy, yAccuracy)}" fill="none" stroke="${colors.secondary}" stroke-width="2" stroke-dasharray="7 3" stroke-linejoin="round"/>`,
    );
    legend.push({ label: 'accuracy', color: colors.secondary, kind: 'dashed' });
  }
  parts.push('</g>');

  // The final values, labelled at the end of each curve.
  const lastLoss = lastFinite(loss);
  if (lastLoss !== null) {
    const cx = x(stepAt(lastLoss.index));
    const cy = y(lastLoss.value);
    parts.push(
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="4" fill="${colors.primary}" stroke="${colors.background}" stroke-width="1.5"/>`,
      `<text x="${px(cx - 8)}" y="${px(cy - 10)}" text-anchor="end" font-weight="600" fill="${colors.primary}">${escapeXml(`loss ${fmtValue(lastLoss.value)}`)}</text>`,
    );
  }
  if (hasAccuracy && accuracy.length > 0) {
    const last = accuracy[accuracy.length - 1];
    const cx = x(stepAt(accuracy.length - 1));
    const cy = yAccuracy(last);
    parts.push(
      `<circle cx="${px(cx)}" cy="${px(cy)}" r="4" fill="${colors.secondary}" stroke="${colors.background}" stroke-width="1.5"/>`,
      `<text x="${px(cx - 8)}" y="${px(cy + (cy < area.top + 20 ? 18 : -10))}" text-anchor="end" font-weight="600" fill="${colors.secondary}">${escapeXml(`accuracy ${fmtPercent(last)}`)}</text>`,
    );
  }
  if (bad > 0) {
    const first = loss.findIndex((v) => !Number.isFinite(v));
    const note = `${bad} step${bad === 1 ? '' : 's'} with a non-finite loss (first: step ${stepAt(first)}, ${loss[first]}) left as gaps`;
    parts.push(
      `<text x="${px(area.left + 8)}" y="${px(area.top + area.height - 10)}" font-weight="600" fill="${colors.accent}">${escapeXml(note)}</text>`,
    );
  }
  // A falling loss leaves the top right empty; with a rising accuracy there, the middle right is.
  const legendTop = hasAccuracy ? area.top + area.height * 0.42 : area.top + 10;
  parts.push(drawLegend(legend, area.left + area.width - 10, legendTop, colors));
  return closeSvg(parts);
}

function checkHistory(history: number[] | LossHistory): { loss: number[]; accuracy: number[] | undefined } {
  const fix = 'pass the losses as number[] or { loss: number[], accuracy?: number[] }';
  if (Array.isArray(history)) history = { loss: history };
  if (typeof history !== 'object' || history === null) {
    throw vizError(WHERE, `expected the losses, got ${describe(history)}.`, fix);
  }
  const loss = checkNumbers(WHERE, 'loss', history.loss, true);
  if (loss.length === 0) throw vizError(WHERE, 'there are no losses to plot.', 'record at least one loss per step');
  const accuracy = history.accuracy === undefined ? undefined : checkNumbers(WHERE, 'accuracy', history.accuracy);
  if (accuracy) {
    const k = accuracy.findIndex((a) => a < 0 || a > 1);
    if (k >= 0)
      throw vizError(
        WHERE,
        `accuracy[${k}] is ${accuracy[k]}; accuracy is a fraction from 0 to 1.`,
        'divide percentages by 100',
      );
  }
  return { loss, accuracy };
}

/**
 * (index, value) pairs to draw. Over `maxPoints`, each bucket keeps its first, lowest and highest
 * points, and every edge of a non-finite run is kept, so spikes and gaps survive the thinning.
 */
function thin(values: number[], maxPoints: number): [number, number][] {
  const n = values.length;
  if (n <= maxPoints) return values.map((v, k) => [k, v]);
  const keep = new Set<number>([0, n - 1]);
  const buckets = Math.floor(maxPoints / 3);
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets);
    const to = Math.floor(((b + 1) * n) / buckets);
    let min = -1;
    let max = -1;
    keep.add(from);
    for (let k = from; k < to; k++) {
      const v = values[k];
      if (k > 0 && Number.isFinite(v) !== Number.isFinite(values[k - 1])) {
        keep.add(k - 1);
        keep.add(k);
      }
      if (!Number.isFinite(v)) continue;
      if (min < 0 || v < values[min]) min = k;
      if (max < 0 || v > values[max]) max = k;
    }
    if (min >= 0) keep.add(min).add(max);
  }
  return [...keep].sort((p, q) => p - q).map((k) => [k, values[k]]);
}

function exponentialAverage(values: number[], weight: number): number[] {
  const out: number[] = [];
  let average = NaN;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    average = Number.isNaN(average) ? v : weight * average + (1 - weight) * v;
    out.push(average);
  }
  return out;
}

function lastFinite(values: number[]): { index: number; value: number } | null {
  for (let k = values.length - 1; k >= 0; k--) if (Number.isFinite(values[k])) return { index: k, value: values[k] };
  return null;
}

const fmtValue = (v: number): string => (Number.isFinite(v) ? d3format('.4~g')(v) : String(v));
const fmtPercent = (v: number): string => d3format('.1%')(v);
