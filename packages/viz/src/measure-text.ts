/**
 * Text width without a browser: a per-character estimate for the sans-serif and monospace fonts the
 * SVG asks for. Slightly generous on purpose, so boxes never clip their text.
 */

const NARROW = new Set([..."iljtfrI.,:;!|'`()[]{} "]);
const WIDE = new Set([...'mwMW@%']);
const CAPITAL = /[A-Z]/;

/** Approximate width in pixels of `text` in a sans-serif font of `size` px (bold if asked). */
export function sansWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (NARROW.has(ch)) em += 0.32;
    else if (WIDE.has(ch)) em += 0.86;
    else if (CAPITAL.test(ch)) em += 0.68;
    else if (ch.charCodeAt(0) > 0x2000)
      em += 0.75; // symbols such as ∂ Σ × − √ and CJK-ish glyphs
    else em += 0.6;
  }
  return em * size * (bold ? 1.07 : 1);
}

/** Width in pixels of `text` in a monospace font of `size` px (every glyph is 0.6 em). */
export function monoWidth(text: string, size: number): number {
  let n = 0;
  for (const _ of text) n++;
  return n * size * 0.6;
}
