/**
 * Boxes of the full drawing: a Value as a record `label | data | grad` (gradient cell coloured by
 * sign and magnitude, striped when not computed yet), a constant as a small dashed pill, an op as a
 * circle (or pill for long symbols) with its symbol; captions below for fan-out sums and notes.
 */
import { max } from 'd3';
import { escapeXml } from './xml-escape';
import { monoWidth, sansWidth } from './measure-text';
import { px, type SceneBox } from './svg-scene';
import { MONO, type SvgColours } from './svg-theme';
import type { GradientColourScale } from './gradient-colour';
import type { Highlight, OpNodeAttributes, ValueNodeAttributes } from './to-graph';

export type RecordField = 'label' | 'data' | 'grad';

export interface NodeStyle {
  colours: SvgColours;
  scale: GradientColourScale;
  format: (x: number) => string;
  fields: ReadonlySet<RecordField>;
}

const ROW = 26;
const CAPTION = 14;
/** How far a highlight ring stands off its box. */
const RING_PAD = 4;
const FONT = 12;
const KEY_FONT = 9.5;
const CELL_PAD = 8;
const MIN_NUMBER_CELL = 62;
export const NOT_COMPUTED_PATTERN = 'cr-not-computed';

interface Cell {
  width: number;
  fill: string;
  markup: (x: number, y: number) => string;
}

/** A Value as a record with optional caption lines (fan-out sum, note) under it. */
export function valueBox(key: string, v: ValueNodeAttributes, captions: string[], style: NodeStyle): SceneBox {
  if (v.kind === 'constant') return constantBox(key, v, style);
  const { colours, fields } = style;
  const cells: Cell[] = [];
  if (fields.has('label') && v.label !== '') cells.push(labelCell(v, style));
  else if (v.kind === 'parameter' || v.kind === 'leaf') cells.push(kindBand(v, style)); // unlabelled leaves still show their kind
  if (fields.has('data'))
    cells.push(numberCell('data', style.format(v.data), colours.nodeFill, colours.text, colours, 'text'));
  if (fields.has('grad')) cells.push(gradCell(v.grad, style));
  if (cells.length === 0) cells.push(labelCell({ ...v, label: v.label || `#${v.id}` }, style));
  const recordWidth = cells.reduce((s, c) => s + c.width, 0);
  const captionWidth = max(captions, (c) => sansWidth(c, 10.5) + 8) ?? 0;
  const width = Math.max(recordWidth, captionWidth);
  const height = ROW + 2 * captions.length * CAPTION;
  const tooltip = `${v.label || 'value'} (${v.kind}${v.op && v.op !== 'const' ? `, op ${v.op}` : ''}): data ${v.data}, grad ${v.grad ?? 'not computed'}${v.note ? ` — ${v.note}` : ''}`;

  const draw = (cx: number, cy: number): string => {
    const left = cx - recordWidth / 2;
    const top = cy - ROW / 2;
    const parts: string[] = [`<g><title>${escapeXml(tooltip)}</title>`];
    if (v.highlight) parts.push(highlightRing(cx, cy, recordWidth, ROW, v.highlight, colours));
    parts.push(
      `<rect x="${px(left)}" y="${px(top)}" width="${px(recordWidth)}" height="${ROW}" rx="5" fill="${colours.nodeFill}"/>`,
    );
    let x = left;
    cells.forEach((cell, i) => {
      const r = i === 0 ? 'left' : i === cells.length - 1 ? 'right' : 'none';
      parts.push(
        cellBackground(
          x,
          top,
          cell.width,
          cell.fill,
          r === 'none' && cells.length === 1 ? 'both' : cells.length === 1 ? 'both' : r,
        ),
      );
      parts.push(cell.markup(x + cell.width / 2, cy));
      if (i > 0)
        parts.push(
          `<line x1="${px(x)}" y1="${px(top)}" x2="${px(x)}" y2="${px(top + ROW)}" stroke="${colours.border}" stroke-width="1"/>`,
        );
      x += cell.width;
    });
    const border =
      v.kind === 'output' ? `stroke="${colours.text}" stroke-width="2"` : `stroke="${colours.border}" stroke-width="1"`;
    parts.push(
      `<rect x="${px(left)}" y="${px(top)}" width="${px(recordWidth)}" height="${ROW}" rx="5" fill="none" ${border}/>`,
    );
    // Under a highlight ring, captions start below the ring (the box keeps room for them below).
    const below = v.highlight ? top + ROW + RING_PAD + 2 : top + ROW;
    captions.forEach((caption, i) => {
      const colour =
        i === captions.length - 1 && v.note && v.highlight ? colours.highlight[v.highlight] : colours.muted;
      parts.push(
        `<text x="${px(cx)}" y="${px(below + CAPTION * (i + 1) - 2)}" font-size="10.5" text-anchor="middle" fill="${colour}">${escapeXml(caption)}</text>`,
      );
    });
    parts.push('</g>');
    return parts.join('');
  };
  return { key, width, height, anchorWidth: recordWidth, draw };
}

/** Rounded corners on the left, right, both or no side of a cell background. */
function cellBackground(
  x: number,
  y: number,
  w: number,
  fill: string,
  round: 'left' | 'right' | 'both' | 'none',
): string {
  const r = 5;
  const rl = round === 'left' || round === 'both' ? r : 0;
  const rr = round === 'right' || round === 'both' ? r : 0;
  const d =
    `M${px(x + rl)},${px(y)}H${px(x + w - rr)}` +
    (rr ? `A${r},${r} 0 0 1 ${px(x + w)},${px(y + rr)}` : '') +
    `V${px(y + ROW - rr)}` +
    (rr ? `A${r},${r} 0 0 1 ${px(x + w - rr)},${px(y + ROW)}` : '') +
    `H${px(x + rl)}` +
    (rl ? `A${r},${r} 0 0 1 ${px(x)},${px(y + ROW - rl)}` : '') +
    `V${px(y + rl)}` +
    (rl ? `A${r},${r} 0 0 1 ${px(x + rl)},${px(y)}` : '') +
    'Z';
  return `<path d="${d}" fill="${fill}"/>`;
}

function labelCell(v: ValueNodeAttributes, style: NodeStyle): Cell {
  const { colours } = style;
  const fill = v.kind === 'parameter' ? colours.parameterFill : v.kind === 'leaf' ? colours.leafFill : colours.nodeFill;
  const width = Math.max(28, sansWidth(v.label, 12.5, true) + 2 * CELL_PAD);
  return {
    width,
    fill,
    markup: (x, y) =>
      `<text x="${px(x)}" y="${px(y + 4.5)}" font-size="12.5" font-weight="700" text-anchor="middle" fill="${colours.text}">${escapeXml(v.label)}</text>`,
  };
}

function kindBand(v: ValueNodeAttributes, style: NodeStyle): Cell {
  const fill = v.kind === 'parameter' ? style.colours.parameterFill : style.colours.leafFill;
  return { width: 9, fill, markup: () => '' };
}

function numberCell(
  key: string,
  value: string,
  fill: string,
  textColour: string,
  colours: SvgColours,
  keyColour: 'muted' | 'text',
): Cell {
  const keyWidth = sansWidth(key, KEY_FONT) + 6;
  const width = Math.max(MIN_NUMBER_CELL, keyWidth + monoWidth(value, FONT) + 2 * CELL_PAD);
  return {
    width,
    fill,
    markup: (cx, cy) => {
      const start = cx - (keyWidth + monoWidth(value, FONT)) / 2;
      const keyFill = keyColour === 'muted' ? colours.muted : textColour;
      return (
        `<text x="${px(start)}" y="${px(cy + 4)}" font-size="${KEY_FONT}" fill="${keyFill}" fill-opacity="0.85">${key}</text>` +
        `<text x="${px(start + keyWidth)}" y="${px(cy + 4.2)}" font-family="${MONO}" font-size="${FONT}" fill="${textColour}">${escapeXml(value)}</text>`
      );
    },
  };
}

function gradCell(grad: number | null, style: NodeStyle): Cell {
  const { colours, scale } = style;
  if (grad === null) {
    const cell = numberCell('grad', '—', `url(#${NOT_COMPUTED_PATTERN})`, colours.muted, colours, 'muted');
    return cell;
  }
  const text = scale.text(grad);
  return numberCell(
    'grad',
    style.format(grad),
    scale.fill(grad),
    text,
    colours,
    text === colours.text ? 'muted' : 'text',
  );
}

function constantBox(key: string, v: ValueNodeAttributes, style: NodeStyle): SceneBox {
  const { colours } = style;
  const text = style.format(v.data);
  const width = Math.max(26, monoWidth(text, 11) + 14);
  const height = 20;
  return {
    key,
    width,
    height,
    draw: (cx, cy) =>
      `<g><title>constant ${escapeXml(String(v.data))} (receives no gradient)</title>` +
      `<rect x="${px(cx - width / 2)}" y="${px(cy - height / 2)}" width="${px(width)}" height="${height}" rx="10" fill="${colours.background}" stroke="${colours.border}" stroke-dasharray="3 2"/>` +
      `<text x="${px(cx)}" y="${px(cy + 3.8)}" font-family="${MONO}" font-size="11" text-anchor="middle" fill="${colours.muted}">${escapeXml(text)}</text></g>`,
  };
}

/** An op as a circle (short symbols) or a pill (tanh, ReLU, exp...) with its symbol. */
export function opBox(key: string, op: OpNodeAttributes, colours: SvgColours): SceneBox {
  const symbolWidth = sansWidth(op.symbol, 13);
  const height = 26;
  const width = Math.max(height, symbolWidth + 14);
  return {
    key,
    width,
    height,
    draw: (cx, cy) => {
      const ring = op.highlight ? highlightRing(cx, cy, width, height, op.highlight, colours, height / 2 + 4) : '';
      return (
        `<g><title>${escapeXml(`op ${op.op}${op.note ? ` — ${op.note}` : ''}`)}</title>${ring}` +
        `<rect x="${px(cx - width / 2)}" y="${px(cy - height / 2)}" width="${px(width)}" height="${height}" rx="${height / 2}" fill="${colours.leafFill}" stroke="${colours.border}"/>` +
        `<text x="${px(cx)}" y="${px(cy + 4.6)}" font-size="13" font-weight="600" text-anchor="middle" fill="${colours.text}">${escapeXml(op.symbol)}</text></g>`
      );
    },
  };
}

/** The dash pattern of each highlight's ring ('' for a solid ring). */
export const RING_DASH: Readonly<Record<Highlight, string>> = {
  step: '',
  active: '',
  mismatch: '6 3',
  anomaly: '6 3',
  'wrong-step': '',
  carried: '2 3',
};

/** A coloured ring around a highlighted box (a path, so the box's own rects stay the same across frames). */
export function highlightRing(
  cx: number,
  cy: number,
  w: number,
  h: number,
  kind: Highlight,
  colours: SvgColours,
  radius = 8,
): string {
  const pad = RING_PAD;
  const dash = RING_DASH[kind] ? ` stroke-dasharray="${RING_DASH[kind]}"` : '';
  const x = cx - w / 2 - pad;
  const y = cy - h / 2 - pad;
  const width = w + 2 * pad;
  const height = h + 2 * pad;
  const r = Math.min(radius, height / 2, width / 2);
  const d =
    `M${px(x + r)},${px(y)}H${px(x + width - r)}A${px(r)},${px(r)} 0 0 1 ${px(x + width)},${px(y + r)}` +
    `V${px(y + height - r)}A${px(r)},${px(r)} 0 0 1 ${px(x + width - r)},${px(y + height)}` +
    `H${px(x + r)}A${px(r)},${px(r)} 0 0 1 ${px(x)},${px(y + height - r)}V${px(y + r)}A${px(r)},${px(r)} 0 0 1 ${px(x + r)},${px(y)}Z`;
  return `<path d="${d}" fill="none" stroke="${colours.highlight[kind]}" stroke-width="3"${dash}/>`;
}
