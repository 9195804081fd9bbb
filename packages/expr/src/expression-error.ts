/**
 * ExpressionError: what @chainrule/expr throws for input it cannot accept. It carries the kind of
 * problem, the 0-based position in the source, and a message ending with the offending line and a
 * caret under the position.
 */

/** The kinds of problem an ExpressionError reports. */
export type ExpressionErrorKind =
  | 'empty'
  | 'too-large'
  | 'too-deep'
  | 'syntax'
  | 'unsupported'
  | 'unknown-function'
  | 'unknown-variable'
  | 'missing-value'
  | 'invalid-value'
  | 'reserved-name';

/** Characters of context shown on each side of the caret (long lines are cut around it). */
const CONTEXT = 40;

/**
 * An error in a math string, with its position and a caret line pointing at it.
 *
 * @example
 * ```ts
 * try {
 *   parseExpression('x + y', { x: 1 });
 * } catch (e) {
 *   const error = e as ExpressionError;
 *   console.log(error.kind, error.line, error.column); // missing-value 1 5
 * }
 * ```
 */
export class ExpressionError extends Error {
  /** What went wrong, as a stable identifier. */
  readonly kind: ExpressionErrorKind;
  /** 0-based character index in the source, or -1 when the problem has no place in it. */
  readonly position: number;
  /** 1-based line and column of `position` (0 when position is -1). */
  readonly line: number;
  readonly column: number;
  /** The offending line (cut to a window around the position) and a caret under it; '' when none. */
  readonly caret: string;

  constructor(kind: ExpressionErrorKind, problem: string, fix: string, source: string, position: number) {
    const where = locate(source, position);
    const at = position >= 0 ? ` (line ${where.line}, column ${where.column})` : '';
    const caret = position >= 0 ? caretLines(source, position, where.column) : '';
    super(`@chainrule/expr: ${problem}${at}. ${fix}${caret ? '\n' + caret : ''}`);
    this.name = 'ExpressionError';
    this.kind = kind;
    this.position = position;
    this.line = where.line;
    this.column = where.column;
    this.caret = caret;
  }
}

function locate(source: string, position: number): { line: number; column: number } {
  if (position < 0) return { line: 0, column: 0 };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < source.length; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** The line holding `position`, cut to CONTEXT characters each side, and a caret beneath it. */
function caretLines(source: string, position: number, column: number): string {
  const lineStart = position - (column - 1);
  let lineEnd = source.indexOf('\n', lineStart);
  if (lineEnd < 0) lineEnd = source.length;
  const from = Math.max(lineStart, position - CONTEXT);
  const to = Math.min(lineEnd, position + CONTEXT);
  const prefix = from > lineStart ? '…' : '';
  const suffix = to < lineEnd ? '…' : '';
  const text = source.slice(from, to).replace(/\t/g, ' ').replace(/\r/g, '');
  return `  ${prefix}${text}${suffix}\n  ${' '.repeat(prefix.length + position - from)}^`;
}
