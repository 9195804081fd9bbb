/**
 * Gradient colours: sign picks the hue (positive red, negative blue), the logarithm of the magnitude
 * picks the intensity between the smallest and largest nonzero |grad| drawn, and zero is neutral.
 * A cell on a dark fill gets light text.
 */
import { interpolateLab, lab, scaleLog } from 'd3';
import type { SvgColours } from './svg-theme';

export interface GradientColourScale {
  /** Fill for a gradient value. */
  fill(grad: number): string;
  /** Readable text colour on `fill(grad)`. */
  text(grad: number): string;
  /** Edge stroke for a gradient flowing along it: the edge colour tinted by sign and magnitude. */
  stroke(grad: number): string;
  /** Smallest and largest nonzero finite |grad| seen (both 0 when there is none). */
  readonly minAbs: number;
  readonly maxAbs: number;
}

const LOW = 0.22;

/**
 * A colour scale fitted to `grads` (nulls and non-finite values ignored for the domain).
 * @example
 * const scale = gradientColourScale([2.1, -0.03, 1], LIGHT);
 * scale.fill(2.1); // the strongest red
 */
export function gradientColourScale(grads: Iterable<number>, colours: SvgColours): GradientColourScale {
  let minAbs = Infinity;
  let maxAbs = 0;
  for (const g of grads) {
    const m = Math.abs(g);
    if (m === 0 || !Number.isFinite(m)) continue;
    if (m < minAbs) minAbs = m;
    if (m > maxAbs) maxAbs = m;
  }
  if (maxAbs === 0) minAbs = 0;
  const magnitude =
    maxAbs === 0 || minAbs === maxAbs ? () => 0.75 : scaleLog().domain([minAbs, maxAbs]).range([LOW, 1]).clamp(true);
  const towardsPositive = interpolateLab(colours.neutral, colours.positive);
  const towardsNegative = interpolateLab(colours.neutral, colours.negative);
  const darkText = colours.text;
  const backgroundIsLight = lab(colours.background).l > 50;

  const fill = (g: number): string => {
    if (Number.isNaN(g)) return colours.highlight.anomaly;
    if (g === 0) return colours.neutral;
    const t = Number.isFinite(g) ? magnitude(Math.abs(g)) : 1;
    return g > 0 ? towardsPositive(t) : towardsNegative(t);
  };
  const lightness = new Map<string, number>();
  const text = (g: number): string => {
    const colour = fill(g);
    let l = lightness.get(colour);
    if (l === undefined) {
      l = lab(colour).l;
      lightness.set(colour, l);
    }
    if (backgroundIsLight) return l < 58 ? '#ffffff' : darkText;
    return l > 70 ? '#111111' : darkText;
  };
  const strokeTowardsPositive = interpolateLab(colours.edge, colours.positive);
  const strokeTowardsNegative = interpolateLab(colours.edge, colours.negative);
  const stroke = (g: number): string => {
    if (g === 0 || Number.isNaN(g)) return colours.edge;
    const t = 0.35 + 0.65 * (Number.isFinite(g) ? magnitude(Math.abs(g)) : 1);
    return g > 0 ? strokeTowardsPositive(t) : strokeTowardsNegative(t);
  };
  return { fill, text, stroke, minAbs, maxAbs };
}
