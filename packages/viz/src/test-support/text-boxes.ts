/**
 * Test helper: the box each <text> of an SVG covers, estimated as the renderers lay text out
 * (measure-text's widths, the font size inherited down the tree, text-anchor, dy, and the translate
 * and ±90° rotations of enclosing groups), for checks that no two texts overlap and none is clipped.
 */
import { monoWidth, sansWidth } from '../measure-text';
import { parseXmlStrict } from './parse-xml';

export interface TextBox {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Context {
  dx: number;
  dy: number;
  rotate: number;
  fontSize: number;
  mono: boolean;
}

function transformed(ctx: Context, transform: string | null): Context {
  if (!transform) return ctx;
  const next = { ...ctx };
  const translate = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(transform);
  if (translate) {
    next.dx += Number(translate[1]);
    next.dy += Number(translate[2]);
  }
  const rotate = /rotate\(\s*([-\d.e]+)\s*\)/.exec(transform);
  if (rotate) next.rotate = Number(rotate[1]);
  return next;
}

/** The texts of `svg` with their boxes, and the document's size. */
export function textBoxes(svg: string): { width: number; height: number; boxes: TextBox[] } {
  const doc = parseXmlStrict(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const boxes: TextBox[] = [];
  const visit = (el: Element, ctx: Context): void => {
    const size = el.getAttribute('font-size');
    const family = el.getAttribute('font-family');
    let here = transformed(
      {
        ...ctx,
        fontSize: size ? Number(size) : ctx.fontSize,
        mono: family
          ? /mono/i.test(family) && !/sans-serif$/.test(family) && family.startsWith("'DejaVu Sans Mono'")
          : ctx.mono,
      },
      el.getAttribute('transform'),
    );
    if (el.tagName === 'text') {
      const text = el.textContent ?? '';
      if (text.trim() === '') return;
      const width = here.mono
        ? monoWidth(text, here.fontSize)
        : sansWidth(text, here.fontSize, /[67]00|bold/.test(el.getAttribute('font-weight') ?? ''));
      const x = Number(el.getAttribute('x') ?? 0);
      const dy = el.getAttribute('dy');
      const y =
        Number(el.getAttribute('y') ?? 0) + (dy?.endsWith('em') ? parseFloat(dy) * here.fontSize : Number(dy ?? 0));
      const anchor = el.getAttribute('text-anchor') ?? 'start';
      const start = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      // Along the baseline: [start, start + width]; across it: ascent 0.78 em above, descent 0.22 below.
      const [a0, a1, c0, c1] = [start, start + width, y - 0.78 * here.fontSize, y + 0.22 * here.fontSize];
      const r = ((here.rotate % 360) + 360) % 360;
      const box =
        r === 270
          ? { left: c0, right: c1, top: -a1, bottom: -a0 }
          : r === 90
            ? { left: -c1, right: -c0, top: a0, bottom: a1 }
            : { left: a0, right: a1, top: c0, bottom: c1 };
      boxes.push({
        text,
        left: box.left + here.dx,
        right: box.right + here.dx,
        top: box.top + here.dy,
        bottom: box.bottom + here.dy,
      });
      return;
    }
    here = { ...here };
    for (const child of Array.from(el.childNodes)) if (child.nodeType === 1) visit(child as Element, here);
  };
  const fontSize = Number(root.getAttribute('font-size') ?? 12);
  visit(root, { dx: 0, dy: 0, rotate: 0, fontSize, mono: false });
  return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), boxes };
}

/** Pairs of texts whose boxes overlap by more than `slack` px, and texts reaching outside the picture. */
export function textCollisions(svg: string, slack = 0.5): string[] {
  const { width, height, boxes } = textBoxes(svg);
  const found: string[] = [];
  for (const b of boxes) {
    if (b.left < -slack || b.top < -slack || b.right > width + slack || b.bottom > height + slack)
      found.push(`"${b.text}" is clipped`);
  }
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > slack && overlapY > slack) found.push(`"${a.text}" overlaps "${b.text}"`);
    }
  return found;
}
