/**
 * The legend under a drawing: the gradient colour ramp (blue negative, red positive, intensity by
 * log |grad|) with its end values, the "not computed yet" swatch, the leaf kinds present, what edge
 * labels mean and one entry per highlight kind present. Returns markup and its height for a given width.
 */
import { escapeXml } from './xml-escape';
import { px } from './svg-scene';
import { MONO, type SvgColours } from './svg-theme';
import { sansWidth } from './measure-text';
import type { GradientColourScale } from './gradient-colour';
import { NOT_COMPUTED_PATTERN, RING_DASH } from './svg-nodes';
import type { Highlight } from './to-graph';

export interface LegendInput {
  colours: SvgColours;
  scale: GradientColourScale;
  format: (x: number) => string;
  gradsShown: boolean;
  edgeText: string | null;
  highlights: ReadonlySet<Highlight>;
  kinds: ReadonlySet<'parameter' | 'leaf'>;
}

const HIGHLIGHT_TEXT: Record<Highlight, string> = {
  step: 'current step',
  active: 'active',
  mismatch: 'mismatch (manual ≠ autograd)',
  anomaly: 'anomaly (NaN / Inf)',
  'wrong-step': 'first wrong step of the manual derivation',
  carried: 'downstream of the first wrong step (inherits the mistake)',
};

/** Legend items laid out left to right, wrapping at `maxWidth`; `y` is the top of the legend. */
export function drawLegend(
  input: LegendInput,
  x0: number,
  y0: number,
  maxWidth: number,
): { markup: string; height: number; width: number } {
  const { colours, scale, format } = input;
  const items: Array<{ width: number; draw: (x: number, y: number) => string }> = [];
  const text = (x: number, y: number, s: string, anchor = 'start', font = ''): string =>
    `<text x="${px(x)}" y="${px(y)}" font-size="10.5" text-anchor="${anchor}" fill="${colours.muted}"${font}>${escapeXml(s)}</text>`;

  if (input.gradsShown && scale.maxAbs > 0) {
    const steps = 24;
    const ramp = 150;
    const lo = format(scale.maxAbs);
    const caption = 'grad: red > 0, blue < 0, stronger = larger |grad| (log scale)';
    const width = Math.max(ramp + sansWidth(`−${lo}`, 10.5) + sansWidth(`+${lo}`, 10.5) + 16, sansWidth(caption, 10.5));
    items.push({
      width,
      draw: (x, y) => {
        const left = x + sansWidth(`−${lo}`, 10.5) + 6;
        const cells: string[] = [];
        for (let i = 0; i < steps; i++) {
          const u = (i + 0.5) / steps; // 0..1, left = most negative
          const t = u * 2 - 1;
          const g = t === 0 ? 0 : Math.sign(t) * scale.minAbs * Math.pow(scale.maxAbs / scale.minAbs, Math.abs(t));
          cells.push(
            `<rect x="${px(left + (i * ramp) / steps)}" y="${px(y)}" width="${px(ramp / steps + 0.4)}" height="10" fill="${scale.fill(Math.abs(t) < 1 / steps ? 0 : g)}"/>`,
          );
        }
        return (
          cells.join('') +
          `<rect x="${px(left)}" y="${px(y)}" width="${ramp}" height="10" fill="none" stroke="${colours.border}" stroke-width="0.5"/>` +
          text(left - 4, y + 9, `−${lo}`, 'end', ` font-family="${MONO}"`) +
          text(left + ramp + 4, y + 9, `+${lo}`, 'start', ` font-family="${MONO}"`) +
          text(left + ramp / 2, y + 23, '0', 'middle') +
          text(x, y + 36, caption)
        );
      },
    });
  }
  const swatch = (label: string, box: (x: number, y: number) => string): void => {
    items.push({ width: 28 + sansWidth(label, 10.5), draw: (x, y) => box(x, y) + text(x + 24, y + 9, label) });
  };
  swatch(
    'grad not computed yet',
    (x, y) =>
      `<rect x="${px(x)}" y="${px(y - 1)}" width="18" height="12" rx="2" fill="url(#${NOT_COMPUTED_PATTERN})" stroke="${colours.border}" stroke-width="0.5"/>`,
  );
  const kindSwatch = (fill: string) => (x: number, y: number) =>
    `<rect x="${px(x)}" y="${px(y - 1)}" width="18" height="12" rx="2" fill="${fill}" stroke="${colours.border}" stroke-width="0.5"/>`;
  if (input.kinds.has('parameter')) swatch('parameter', kindSwatch(colours.parameterFill));
  if (input.kinds.has('leaf')) swatch('input (leaf)', kindSwatch(colours.leafFill));
  if (input.edgeText) {
    items.push({ width: sansWidth(input.edgeText, 10.5), draw: (x, y) => text(x, y + 9, input.edgeText!) });
  }
  // In the table's order, whatever order the nodes were drawn in.
  for (const kind of (Object.keys(HIGHLIGHT_TEXT) as Highlight[]).filter((k) => input.highlights.has(k))) {
    const c = colours.highlight[kind];
    const dash = RING_DASH[kind] ? ` stroke-dasharray="${RING_DASH[kind]}"` : '';
    swatch(
      HIGHLIGHT_TEXT[kind],
      (x, y) =>
        `<rect x="${px(x)}" y="${px(y - 1)}" width="18" height="12" rx="3" fill="none" stroke="${c}" stroke-width="2.5"${dash}/>`,
    );
  }

  const parts: string[] = [];
  let x = x0;
  let y = y0;
  let rowHeight = 0;
  let widest = 0;
  for (const item of items) {
    const h = item.width > 0 && item === items[0] && input.gradsShown && scale.maxAbs > 0 ? 40 : 14;
    if (x > x0 && x + item.width > x0 + maxWidth) {
      x = x0;
      y += rowHeight + 10;
      rowHeight = 0;
    }
    parts.push(item.draw(x, y));
    x += item.width + 26;
    widest = Math.max(widest, x - x0 - 26);
    rowHeight = Math.max(rowHeight, h);
  }
  return { markup: parts.join(''), height: y - y0 + rowHeight, width: widest };
}
