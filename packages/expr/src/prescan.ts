/**
 * The guard that runs before mathjs sees a string: it enforces the size and nesting limits, rejects
 * the syntax chainrule does not support (strings, matrices, ranges, property access, comparisons...)
 * with an exact position, and lists every name in source order so later errors can point at it.
 */
import { ExpressionError } from './expression-error';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './limits';

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
      `expected a string, got ${typeof source}`,
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
      i = skipNumber(source, i);
      unaryRun = 0;
      continue;
    }
    if (NAME_START.test(c)) {
      const start = i;
      while (i < source.length && NAME_PART.test(source[i])) i++;
      const name = source.slice(start, i);
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
