// Every error kind with its position and caret line.
import { ExpressionError } from './expression-error';
import { MAX_NESTING_DEPTH, MAX_SOURCE_LENGTH } from './limits';
import { parseExpression } from './parse-expression';

function errorOf(src: string, values: Record<string, number> = {}, options = {}): ExpressionError {
  try {
    parseExpression(src, values, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`expected ${JSON.stringify(src)} to be rejected`);
}

describe('ExpressionError', () => {
  const cases: [string, Record<string, number>, string, number][] = [
    ['x + foo(x)', { x: 1 }, 'unknown-function', 4],
    ['x + y', { x: 1 }, 'missing-value', 4],
    ['x +* 2', { x: 1 }, 'syntax', 3],
    ['x + sin', { x: 1 }, 'syntax', 4],
    ['log(x, 2)', { x: 1 }, 'syntax', 0],
    ['x; y', { x: 1, y: 1 }, 'syntax', 0],
    ['b = a; a = x; b', { x: 1 }, 'syntax', 4],
    ['x + [1, 2]', { x: 1 }, 'unsupported', 4],
    ['f(x) = x^2', {}, 'unsupported', 0],
    ['x + 1:3', { x: 1 }, 'unsupported', 5],
    ['x + "s"', { x: 1 }, 'unsupported', 4],
    ['x.y', {}, 'unsupported', 1],
    ['x == 1', { x: 1 }, 'unsupported', 2],
    ['x mod 2', { x: 1 }, 'unsupported', 2],
    ['true + x', { x: 1 }, 'unsupported', 0],
    ['x = 1; x = 2', {}, 'reserved-name', 7],
    ['pi = 3', {}, 'reserved-name', 0],
    ['   \n; # nothing', {}, 'empty', -1],
  ];
  it.each(cases)('%j', (src, values, kind, position) => {
    const error = errorOf(src, values);
    expect(error.kind).toBe(kind);
    expect(error.position).toBe(position);
    expect(error.message.startsWith('@chainrule/expr: ')).toBe(true);
  });

  it('draws a caret under the position, on the right line', () => {
    const error = errorOf('a = i*w\nC = (a - q)^2', { i: 1, w: 1 });
    expect(error.kind).toBe('missing-value');
    expect([error.line, error.column]).toEqual([2, 10]);
    expect(error.caret).toBe('  C = (a - q)^2\n           ^');
    expect(error.message).toContain('--at q=1');
  });

  it('rejects values that are not finite, built in, or (on request) unused', () => {
    expect(errorOf('x', { x: NaN }).kind).toBe('invalid-value');
    expect(errorOf('x', { x: 1, z: 2 }, { extraValues: 'refuse' }).kind).toBe('unknown-variable');
    expect(errorOf('x', { x: 1, pi: 2 }).kind).toBe('reserved-name');
    expect(errorOf('a = x*2; a', { x: 1, a: 2 }).kind).toBe('reserved-name');
  });

  it('enforces the documented limits before parsing', () => {
    expect(errorOf('x+'.repeat(MAX_SOURCE_LENGTH / 2) + 'x', { x: 1 }).kind).toBe('too-large');
    const nested = '('.repeat(MAX_NESTING_DEPTH + 1) + 'x' + ')'.repeat(MAX_NESTING_DEPTH + 1);
    const error = errorOf(nested, { x: 1 });
    expect(error.kind).toBe('too-deep');
    expect(error.position).toBe(MAX_NESTING_DEPTH);
    expect(
      parseExpression('('.repeat(MAX_NESTING_DEPTH) + 'x' + ')'.repeat(MAX_NESTING_DEPTH), { x: 2 }).output.data,
    ).toBe(2);
  });

  it('cuts long lines around the caret', () => {
    const error = errorOf('x+'.repeat(1000) + 'q', { x: 1 });
    expect(error.caret.split('\n')[0].length).toBeLessThan(100);
    expect(error.caret.split('\n')[1].endsWith('^')).toBe(true);
  });
});
