// Hostile strings: each must end in a clean ExpressionError, quickly, without running anything.
import { ExpressionError } from './expression-error';
import { parseExpression } from './parse-expression';
import { symbolicDerivative } from './symbolic-derivative';

const corpus: [string, string][] = [
  ['constructor', 'constructor'],
  ['__proto__', '__proto__'],
  ['prototype access', 'x.constructor'],
  ['toString', 'toString(x)'],
  ['import', 'import(x)'],
  ['import of a string', 'import("fs")'],
  ['evaluate', 'evaluate(x)'],
  ['createUnit', 'createUnit(x)'],
  ['function definition calling itself', 'f(x) = f(x); f(1)'],
  ['process', 'process.exit(1)'],
  ['nested parentheses (mathjs overflows near 5000)', '('.repeat(6000) + 'x' + ')'.repeat(6000)],
  ['nested calls', 'exp('.repeat(6000) + 'x' + ')'.repeat(6000)],
  ['power tower', 'x^'.repeat(30000) + 'x'],
  ['sign run', '-'.repeat(60000) + 'x'],
  ['1 MB of input', 'x+'.repeat(500000)],
  ['NUL bytes', 'x\u0000y'],
  ['matrix bomb', 'zeros(1e9, 1e9)'],
  ['ternary', 'x ? x : x'],
];

describe('hostile input', () => {
  // The timeout is a hang guard, not a performance target (those live in npm run bench).
  it.each(corpus)(
    '%s errors cleanly',
    (_name, src) => {
      expect(() => parseExpression(src, {})).toThrow(ExpressionError);
      expect(() => symbolicDerivative(src, 'x')).toThrow(ExpressionError);
    },
    5000,
  );

  it('never reads names from the prototype of values', () => {
    expect(() => parseExpression('constructor + hasOwnProperty', {})).toThrow(/no value for "constructor"/);
  });
});
