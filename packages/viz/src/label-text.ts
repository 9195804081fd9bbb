/**
 * Labels as text: a Value's label is checked once where the graph model reads it (a string, at most
 * MAX_LABEL_LENGTH characters, what fromJSON accepts) and any bidirectional controls in it are
 * isolated, so a right-to-left override cannot reorder the numbers drawn next to the label.
 */
import { describe } from '@chainrule/core';
import { DEFAULT_DOCUMENT_LIMITS } from './graph-document';
import { vizError } from './viz-error';

/** The longest label any drawing or export accepts: fromJSON's default maxLabelLength, 10,000. */
export const MAX_LABEL_LENGTH = DEFAULT_DOCUMENT_LIMITS.maxLabelLength;

/** Bidi embeddings, overrides, isolates and marks (UAX #9). */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ISOLATE_OPEN = new Set(['\u2066', '\u2067', '\u2068']);
const ISOLATE_CLOSE = '\u2069';

/**
 * `label` wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when it holds bidi controls;
 * a stray POP DIRECTIONAL ISOLATE inside, which would end the isolate early, is dropped. Labels
 * without controls come back unchanged.
 *
 * @example
 * ```ts
 * console.log(JSON.stringify(isolateBidi('w\u202e1')), isolateBidi('w')); // "\u2068w\u202e1\u2069" w
 * ```
 */
export function isolateBidi(label: string): string {
  if (!BIDI_CONTROL.test(label)) return label;
  let open = 0;
  let text = '';
  for (const c of label) {
    if (ISOLATE_OPEN.has(c)) open++;
    else if (c === ISOLATE_CLOSE) {
      if (open === 0) continue;
      open--;
    }
    text += c;
  }
  return `\u2068${text}\u2069`;
}

/**
 * The label of the Value with `id`, checked: a string of at most MAX_LABEL_LENGTH characters;
 * anything else is a VizError saying what was found and how to fix it. (Characters XML cannot hold
 * are dropped by the XML writers, as xmlSafe documents.)
 */
export function checkLabel(where: string, label: unknown, id: number): string {
  if (typeof label !== 'string') {
    throw vizError(
      where,
      `Value #${id} has a label that is not a string: ${describe(label)}.`,
      `set it to text, e.g. v.label = String(${typeof label === 'number' ? label : 'x'}), or to '' for none`,
    );
  }
  if (label.length > MAX_LABEL_LENGTH) {
    throw vizError(
      where,
      `Value #${id} has a label of ${label.length} characters, over the limit of ${MAX_LABEL_LENGTH}.`,
      'shorten it (a label names a node; long text belongs in a note)',
    );
  }
  return label;
}
