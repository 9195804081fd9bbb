/**
 * parseExpression: a math string to a chainrule Value graph, ready for backward() or drawing.
 * The string is parsed by mathjs (never evaluated) and checked against the supported syntax first.
 */
import { describe, Value } from '@chainrule/core';
import { buildGraph } from './build-graph';
import { ExpressionError } from './expression-error';
import { checkOptions } from './options';
import { parseProgram } from './program';
import { isConstantName, isFunctionName } from './vocabulary';

/** Options of {@link parseExpression}. */
export interface ParseOptions {
  /**
   * What to do with a value for a name the formula does not use: `'accept'` (the default, so one
   * set of values serves several formulas) or `'refuse'` (an ExpressionError of kind
   * `'unknown-variable'` naming it, to catch typos).
   */
  extraValues?: 'accept' | 'refuse';
}

/** What parseExpression returns. */
export interface ParsedExpression {
  /** The node of the last statement. */
  output: Value;
  /** Input leaves by name (from `values`, and names assigned a plain number such as `w = 0.8`). */
  variables: Record<string, Value>;
  /** Every name assigned in the expression and the node it refers to. */
  named: Record<string, Value>;
}

/**
 * Builds the Value graph of a math string.
 *
 * Accepts numbers, variables, `+ - * / ^` (`^` is right-associative, `-x^2` is `-(x^2)`), unary
 * minus, parentheses, the functions exp log tanh sigmoid relu sin cos sqrt abs square, the
 * constants pi and e, and statements separated by `;` or newlines: `a = i*w; C = (a - y)^2` labels
 * the nodes `a` and `C`, and the last statement is the output. A name assigned a plain number
 * (`w = 0.8`) is an input leaf like those given in `values`.
 *
 * @param src - the formula (at most MAX_SOURCE_LENGTH characters, parentheses nested at most
 *   MAX_NESTING_DEPTH deep).
 * @param values - a number for every free variable (default `{}`); each becomes a leaf labelled
 *   with its name. A Value may be given instead, and is used as that variable's node (to build a
 *   formula on top of an existing graph). Names the formula does not use are ignored unless
 *   `options.extraValues` is `'refuse'`.
 * @param options - `{ extraValues: 'accept' | 'refuse' }`, default `'accept'`.
 * @throws ExpressionError with the position and a caret line, for syntax errors, unsupported
 *   syntax, unknown functions, missing or unknown values, empty or oversized input.
 * @example
 * const { output, variables } = parseExpression('a = i*w; C = (a - y)^2', { i: 1.5, w: 0.8, y: 0.5 });
 * output.backward();
 * variables.w.grad; // 2.1000000000000005
 */
export function parseExpression(
  src: string,
  values: Readonly<Record<string, number | Value>> = {},
  options: ParseOptions = {},
): ParsedExpression {
  const extra = checkOptions(options, ['extraValues'], "{ extraValues: 'refuse' }").extraValues ?? 'accept';
  if (extra !== 'accept' && extra !== 'refuse') {
    throw new ExpressionError(
      'invalid-value',
      `options.extraValues must be 'accept' or 'refuse', got ${describe(extra)}`,
      'Leave it out to accept values the formula does not use.',
      '',
      -1,
    );
  }
  const program = parseProgram(src);
  const assigned = new Set(program.statements.map((s) => s.name).filter((n) => n !== null));
  checkValues(values, src, program.inputs, assigned, extra === 'refuse');
  return buildGraph(program, values);
}

/**
 * Rejects values that are not finite numbers, that name a built-in or an assigned name, or (with
 * `refuseExtra`) that name nothing the formula reads.
 */
export function checkValues(
  values: Readonly<Record<string, number | Value>>,
  src: string,
  inputs: ReadonlyMap<string, number>,
  assigned: ReadonlySet<string>,
  refuseExtra = false,
): void {
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new ExpressionError(
      'invalid-value',
      `values must be an object of numbers, got ${describe(values)}`,
      'Pass e.g. { x: 3, y: 2 }.',
      src,
      -1,
    );
  }
  for (const name of Object.keys(values)) {
    const value = values[name];
    const valid = value instanceof Value || (typeof value === 'number' && Number.isFinite(value));
    if (!valid) {
      throw new ExpressionError(
        'invalid-value',
        `the value of "${name}" is ${describe(value)}, not a finite number or a Value`,
        'Give every variable a finite number (or a Value).',
        src,
        -1,
      );
    }
    if (isConstantName(name) || isFunctionName(name)) {
      throw new ExpressionError(
        'reserved-name',
        `"${name}" is built in and cannot be given a value`,
        'Remove it from the values.',
        src,
        -1,
      );
    }
    if (assigned.has(name)) {
      throw new ExpressionError(
        'reserved-name',
        `"${name}" is assigned in the expression and also given a value`,
        'Remove one of the two.',
        src,
        -1,
      );
    }
    if (refuseExtra && !inputs.has(name)) {
      const known = [...inputs.keys()];
      throw new ExpressionError(
        'unknown-variable',
        `a value is given for "${name}", which the expression does not use`,
        known.length > 0 ? `Its variables are: ${listed(known)}.` : 'The expression has no variables.',
        src,
        -1,
      );
    }
  }
}

/** Up to 20 names, then how many more: a formula may have thousands of variables. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 20).join(', ');
  return names.length > 20 ? `${shown} and ${names.length - 20} more` : shown;
}
