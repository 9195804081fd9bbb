/**
 * The guard that runs before mathjs sees a string: it enforces the size and nesting limits, rejects
 * the syntax chainrule does not support (strings, matrices, ranges, property access, comparisons...)
 * with an exact position, and lists every name in source order so later errors can point at it.
 */
import { describe } from '@chainrule/core';
import { ExpressionError } from './expression-error';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './limits';
import { codePoint, lookAlikeNote } from './look-alikes';
import { math } from './math';

/** A name as written in the source, with its 0-based start. */
export interface NameToken {
  name: string;
  start: number;
}

/** Characters that start syntax we do not support, with what that syntax is and how to do without it. */
const UNSUPPORTED_CHARS: Readonly<Record<string, [string, string]>> = {
  '"': ['strings are not supported', 'Use numbers and variable names only.'],
  "'": ['strings and transposes are not supported', 'Use numbers and variable names only.'],
  '`': ['strings are not supported', 'Use numbers and variable names only.'],
  '[': ['matrices and indexing are not supported', 'chainrule works on scalars: write one variable per entry.'],
  ']': ['matrices and indexing are not supported', 'chainrule works on scalars: write one variable per entry.'],
  '{': ['objects are not supported', 'Use plain variables.'],
  '}': ['objects are not supported', 'Use plain variables.'],
  ':': ['ranges are not supported', 'Write the values out as separate variables.'],
  '?': ['conditionals are not supported', 'Use relu, abs or sigmoid for piecewise behaviour.'],
  '!': ['factorials and comparisons are not supported', 'Use + - * / ^ and the supported functions.'],
  '<': ['comparisons are not supported', 'Use + - * / ^ and the supported functions.'],
  '>': ['comparisons are not supported', 'Use + - * / ^ and the supported functions.'],
  '&': ['logical and bitwise operators are not supported', 'Use + - * / ^ and the supported functions.'],
  '|': ['logical and bitwise operators are not supported', 'Use + - * / ^ and the supported functions.'],
  '~': ['logical and bitwise operators are not supported', 'Use + - * / ^ and the supported functions.'],
  '%': ['the modulo operator is not supported', 'Use + - * / ^ and the supported functions.'],
  '@': ['"@" is not part of the expression language', 'Use + - * / ^ and the supported functions.'],
  '\\': ['"\\" is not part of the expression language', 'Use + - * / ^ and the supported functions.'],
};

/** Words mathjs reads as operators or literals that chainrule does not support. */
const UNSUPPORTED_WORDS: Readonly<Record<string, string>> = {
  mod: 'the "mod" operator is not supported',
  to: 'unit conversion ("to") is not supported',
  in: 'unit conversion ("in") is not supported',
  and: 'the logical operator "and" is not supported',
  or: 'the logical operator "or" is not supported',
  xor: 'the logical operator "xor" is not supported',
  not: 'the logical operator "not" is not supported',
  true: 'booleans are not supported',
  false: 'booleans are not supported',
  null: '"null" is not supported',
  undefined: '"undefined" is not supported',
  NaN: 'NaN is not accepted as a literal',
  Infinity: 'Infinity is not accepted as a literal',
};

const NAME_START = /[\p{L}_$]/u;
const NAME_PART = /[\p{L}\p{N}_$]/u;

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/**
 * Checks `source` against the limits and the supported syntax, and returns its names in order.
 * Throws an ExpressionError at the first problem.
 */
export function prescan(source: string): NameToken[] {
  if (typeof source !== 'string') {
    throw new ExpressionError(
      'syntax',
      `expected a string, got ${describe(source)}`,
      'Pass the formula as a string.',
      '',
      -1,
    );
  }
  if (source.length > MAX_SOURCE_LENGTH) {
    throw new ExpressionError(
      'too-large',
      `the expression is ${source.length} characters long, over the limit of ${MAX_SOURCE_LENGTH}`,
      'Split it into smaller expressions, or build the graph in code with @chainrule/core.',
      source,
      -1,
    );
  }
  const names: NameToken[] = [];
  let depth = 0;
  let unaryRun = 0;
  let powerRun = 0;
  let sawContent = false;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';') {
      if (c === '\n' || c === ';') powerRun = 0;
      i++;
      continue;
    }
    sawContent = true;
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      i = readNumber(source, i);
      unaryRun = 0;
      continue;
    }
    if (NAME_START.test(c)) {
      const start = i;
      while (i < source.length && NAME_PART.test(source[i])) i++;
      const name = source.slice(start, i);
      checkNameLetters(name, source, start);
      if (Object.prototype.hasOwnProperty.call(UNSUPPORTED_WORDS, name)) {
        throw new ExpressionError(
          'unsupported',
          UNSUPPORTED_WORDS[name],
          'Use + - * / ^ and the supported functions.',
          source,
          start,
        );
      }
      names.push({ name, start });
      unaryRun = 0;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(UNSUPPORTED_CHARS, c)) {
      const [problem, fix] = UNSUPPORTED_CHARS[c];
      throw new ExpressionError('unsupported', problem, fix, source, i);
    }
    if (c === '.') {
      throw new ExpressionError(
        'unsupported',
        'property access and element-wise operators are not supported',
        'Use plain variable names and + - * / ^.',
        source,
        i,
      );
    }
    if (c === '*' && source[i + 1] === '*') {
      throw new ExpressionError(
        'unsupported',
        '"**" is not the power operator here',
        'Use ^ for powers: x^2.',
        source,
        i,
      );
    }
    if (c === '=' && source[i + 1] === '=') {
      throw new ExpressionError(
        'unsupported',
        'comparisons are not supported',
        'Use "=" only to name a node, as in "a = i*w".',
        source,
        i,
      );
    }
    if (c === '(') {
      depth++;
      if (depth > MAX_NESTING_DEPTH) {
        throw new ExpressionError(
          'too-deep',
          `parentheses are nested more than ${MAX_NESTING_DEPTH} deep`,
          'Name intermediate results with assignments ("a = ...; b = ...") instead of nesting.',
          source,
          i,
        );
      }
    } else if (c === ')') {
      depth = Math.max(0, depth - 1);
    }
    if (c === '^') {
      powerRun++;
      if (powerRun > MAX_NESTING_DEPTH) {
        throw new ExpressionError(
          'too-deep',
          `more than ${MAX_NESTING_DEPTH} powers chained in one term`,
          'Name intermediate results with assignments ("a = ...; b = ...") instead of chaining.',
          source,
          i,
        );
      }
    } else if (c === '+' || c === '*' || c === '/' || c === '=' || c === ',') {
      powerRun = 0;
    }
    if (c === '-' || c === '+') {
      unaryRun++;
      if (unaryRun > MAX_NESTING_DEPTH) {
        throw new ExpressionError(
          'too-deep',
          `more than ${MAX_NESTING_DEPTH} signs in a row`,
          'Remove the repeated signs.',
          source,
          i,
        );
      }
    } else {
      unaryRun = 0;
    }
    i++;
  }
  if (!sawContent) {
    throw new ExpressionError(
      'empty',
      'the expression is empty',
      'Write a formula, for example "x^2 + 3*x".',
      source,
      -1,
    );
  }
  return names;
}

const LITERAL_RULE =
  'Number literals must be finite and written as JavaScript reads them (1.5, 2e-3, 0x1F, 0b101); the largest is about 1.8e308.';

/**
 * The index just past the number literal starting at `i`, after checking it: decimal (with a
 * fraction and an exponent) or a 0x/0b/0o integer, read as JavaScript's Number() reads it, finite.
 */
function readNumber(source: string, start: number): number {
  const end = skipNumber(source, start);
  let tokenEnd = end;
  // A fraction, exponent or separator glued to the literal belongs to it (0x1.8p3, 1_000).
  while (tokenEnd < source.length && /[0-9A-Za-z_.]/.test(source[tokenEnd]) && gluedToNumber(source, start, end)) {
    tokenEnd++;
  }
  const text = source.slice(start, tokenEnd);
  const value = Number(text);
  if (Number.isNaN(value)) {
    throw new ExpressionError('syntax', `"${text}" is not a number JavaScript reads`, LITERAL_RULE, source, start);
  }
  if (!Number.isFinite(value)) {
    throw new ExpressionError(
      'syntax',
      `the number ${text} is not finite as a double (it reads as Infinity)`,
      LITERAL_RULE,
      source,
      start,
    );
  }
  return end;
}

/** Whether what follows the literal [start, end) continues it rather than starting a name (2x is 2*x). */
function gluedToNumber(source: string, start: number, end: number): boolean {
  const next = source[end];
  const radix = source[start] === '0' && /[xbo]/i.test(source[start + 1] ?? '');
  return next === '_' || (radix && (next === '.' || /[0-9A-Za-z]/.test(next ?? '')));
}

/** The index just past the number literal starting at `i` (decimal, exponent, or 0x/0b/0o forms). */
function skipNumber(source: string, i: number): number {
  if (source[i] === '0' && /[xbo]/i.test(source[i + 1] ?? '') && /[0-9a-f]/i.test(source[i + 2] ?? '')) {
    i += 2;
    while (i < source.length && /[0-9a-z]/i.test(source[i])) i++;
    return i;
  }
  while (isDigit(source[i])) i++;
  if (source[i] === '.') {
    i++;
    while (isDigit(source[i])) i++;
  }
  if (source[i] === 'e' || source[i] === 'E') {
    const sign = source[i + 1] === '+' || source[i + 1] === '-' ? 1 : 0;
    if (isDigit(source[i + 1 + sign])) {
      i += 1 + sign;
      while (isDigit(source[i])) i++;
    }
  }
  return i;
}

/** Refuses a letter mathjs cannot read in a name, saying which letter it is and what it looks like. */
function checkNameLetters(name: string, source: string, start: number): void {
  const { isAlpha, isDigit: isNameDigit } = math().parse as unknown as {
    isAlpha: (c: string, prev: string, next: string) => boolean;
    isDigit: (c: string) => boolean;
  };
  for (let k = 0; k < name.length; k++) {
    const c = name[k];
    if (isAlpha(c, name[k - 1] ?? '', name[k + 1] ?? '') || (k > 0 && isNameDigit(c))) continue;
    const letter = String.fromCodePoint(name.codePointAt(k)!);
    const note = lookAlikeNote(letter);
    throw new ExpressionError(
      'syntax',
      note
        ? `"${letter}"${note} cannot be part of a name`
        : `"${letter}" (${codePoint(letter)}) cannot be part of a name`,
      note ? 'Retype it with the Latin letter.' : 'Names use Latin or Greek letters, digits, _ and $.',
      source,
      start + k,
    );
  }
}
