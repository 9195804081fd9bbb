/**
 * Letters from other scripts that look like Latin ones (Cyrillic х and x, Greek Ο and O): a name
 * holding one is almost always a copy-paste or keyboard-layout slip, so errors about it say which
 * letter it is and what it looks like.
 */

/** Look-alike letter → [its Unicode name, the Latin letter it looks like]. */
const LOOK_ALIKES: ReadonlyMap<string, [string, string]> = new Map([
  ['а', ['CYRILLIC SMALL LETTER A', 'a']],
  ['в', ['CYRILLIC SMALL LETTER VE', 'B']],
  ['е', ['CYRILLIC SMALL LETTER IE', 'e']],
  ['і', ['CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I', 'i']],
  ['ј', ['CYRILLIC SMALL LETTER JE', 'j']],
  ['о', ['CYRILLIC SMALL LETTER O', 'o']],
  ['р', ['CYRILLIC SMALL LETTER ER', 'p']],
  ['с', ['CYRILLIC SMALL LETTER ES', 'c']],
  ['ѕ', ['CYRILLIC SMALL LETTER DZE', 's']],
  ['у', ['CYRILLIC SMALL LETTER U', 'y']],
  ['х', ['CYRILLIC SMALL LETTER HA', 'x']],
  ['А', ['CYRILLIC CAPITAL LETTER A', 'A']],
  ['В', ['CYRILLIC CAPITAL LETTER VE', 'B']],
  ['Е', ['CYRILLIC CAPITAL LETTER IE', 'E']],
  ['К', ['CYRILLIC CAPITAL LETTER KA', 'K']],
  ['М', ['CYRILLIC CAPITAL LETTER EM', 'M']],
  ['Н', ['CYRILLIC CAPITAL LETTER EN', 'H']],
  ['О', ['CYRILLIC CAPITAL LETTER O', 'O']],
  ['Р', ['CYRILLIC CAPITAL LETTER ER', 'P']],
  ['С', ['CYRILLIC CAPITAL LETTER ES', 'C']],
  ['Т', ['CYRILLIC CAPITAL LETTER TE', 'T']],
  ['Х', ['CYRILLIC CAPITAL LETTER HA', 'X']],
  ['Α', ['GREEK CAPITAL LETTER ALPHA', 'A']],
  ['Β', ['GREEK CAPITAL LETTER BETA', 'B']],
  ['Ε', ['GREEK CAPITAL LETTER EPSILON', 'E']],
  ['Ζ', ['GREEK CAPITAL LETTER ZETA', 'Z']],
  ['Η', ['GREEK CAPITAL LETTER ETA', 'H']],
  ['Ι', ['GREEK CAPITAL LETTER IOTA', 'I']],
  ['Κ', ['GREEK CAPITAL LETTER KAPPA', 'K']],
  ['Μ', ['GREEK CAPITAL LETTER MU', 'M']],
  ['Ν', ['GREEK CAPITAL LETTER NU', 'N']],
  ['Ο', ['GREEK CAPITAL LETTER OMICRON', 'O']],
  ['Ρ', ['GREEK CAPITAL LETTER RHO', 'P']],
  ['Τ', ['GREEK CAPITAL LETTER TAU', 'T']],
  ['Υ', ['GREEK CAPITAL LETTER UPSILON', 'Y']],
  ['Χ', ['GREEK CAPITAL LETTER CHI', 'X']],
  ['ο', ['GREEK SMALL LETTER OMICRON', 'o']],
]);

/** `U+0445` for one character. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A note on the first look-alike letter in `name`: ` (U+039F GREEK CAPITAL LETTER OMICRON, which
 * looks like the Latin "O")` for a one-letter name, ` (its "х" is U+0445 ..., which looks like the
 * Latin "x")` for a longer one, or '' when there is none.
 */
export function lookAlikeNote(name: string): string {
  for (const c of name) {
    const entry = LOOK_ALIKES.get(c);
    if (!entry) continue;
    const which = c === name ? '' : `its "${c}" is `;
    return ` (${which}${codePoint(c)} ${entry[0]}, which looks like the Latin "${entry[1]}")`;
  }
  return '';
}
