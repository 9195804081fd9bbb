/**
 * parseAt: the `--at x=3,y=2` flag (repeatable) to a record of numbers, with clear messages for
 * anything that is not `name=number`; parseWithAt: the formula with those values, where a value the
 * formula does not use is a warning (most likely a typo), not an error.
 */
import { ExpressionError, parseExpression } from '@chainrule/expr';
import type { ParsedExpression } from '@chainrule/expr';
import { CliError } from './cli-error';

const NAME = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

/** Collects repeated `--at` flags for commander. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Parses `["x=3,y=2", "z=-1e-3"]` to `{ x: 3, y: 2, z: -0.001 }`.
 * @example parseAt(['x=3,y=2']) // { x: 3, y: 2 }
 */
export function parseAt(flags: readonly string[]): Record<string, number> {
  const values: Record<string, number> = Object.create(null);
  for (const flag of flags) {
    for (const part of flag.split(',')) {
      const item = part.trim();
      if (item === '') continue;
      const eq = item.indexOf('=');
      const name = eq < 0 ? item : item.slice(0, eq).trim();
      const text = eq < 0 ? '' : item.slice(eq + 1).trim();
      if (eq < 0 || !NAME.test(name)) {
        throw new CliError(`chainrule: --at expects name=number pairs such as x=3,y=2; got "${item}".`);
      }
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) {
        throw new CliError(
          `chainrule: --at ${name}=${text}: "${text}" is not a finite number. Write e.g. ${name}=0.5.`,
        );
      }
      if (Object.prototype.hasOwnProperty.call(values, name)) {
        throw new CliError(`chainrule: --at gives "${name}" twice. Give each variable one value.`);
      }
      values[name] = value;
    }
  }
  return values;
}

/**
 * parseExpression with the --at values. Values the formula does not use are refused by
 * parseExpression's typo check, reported through `warn` and left out.
 */
export function parseWithAt(
  src: string,
  at: Readonly<Record<string, number>>,
  warn: (text: string) => void,
): ParsedExpression {
  try {
    return parseExpression(src, at, { extraValues: 'refuse' });
  } catch (error) {
    if (!(error instanceof ExpressionError) || error.kind !== 'unknown-variable') throw error;
  }
  const parsed = parseExpression(src, at);
  const unused = Object.keys(at).filter((name) => !Object.prototype.hasOwnProperty.call(parsed.variables, name));
  const used = Object.keys(parsed.variables);
  const shown = unused.slice(0, 10).map((name) => `"${name}"`);
  const list = shown.join(', ') + (unused.length > shown.length ? ` and ${unused.length - shown.length} more` : '');
  warn(
    `chainrule: warning: --at gives ${list}, which the expression does not use (ignored). ` +
      (used.length > 0 ? `Its variables are: ${used.join(', ')}.` : 'It has no variables.'),
  );
  return parsed;
}
