// Hostile strings: each must end in a clean ExpressionError, quickly, without running anything; and
// hostile names, numbers and options: names are names, literals are finite, options are checked.
import { evaluateFormula } from './evaluate-formula';
import { ExpressionError } from './expression-error';
import { numericGradient } from './numeric-gradient';
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

/** Every key of Object.prototype, and the names mathjs itself treats specially. */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), 'prototype', 'then', 'length', 'name'];

describe('names are names: prototype keys are ordinary variables everywhere', () => {
  it.each(PROTOTYPE_NAMES)('%s', (name) => {
    const values = Object.fromEntries([[name, 3]]);
    const { output, variables } = parseExpression(`${name}^2 + 1`, values);
    output.backward();
    expect(output.data).toBe(10);
    expect(Object.keys(variables)).toEqual([name]);
    expect(variables[name].grad).toBe(6);
    expect(symbolicDerivative(`${name}^2 + 1`, name)).toBe(`2 * ${name}`);
    expect(evaluateFormula(`2 * ${name}`, values)).toBe(6);
    const numeric = numericGradient(`${name}^2 + 1`, values);
    expect(Object.keys(numeric)).toEqual([name]);
    expect(numeric[name]).toBeCloseTo(6, 6);
  });

  it('a name missing from the values is missing, whatever the prototype holds', () => {
    expect(() => parseExpression('constructor + hasOwnProperty', {})).toThrow(/no value for "constructor"/);
    expect(() => evaluateFormula('__proto__ * 2', {})).toThrow(/no value for "__proto__"/);
  });
});

describe('helper functions and user variables never collide', () => {
  it.each(['step', 'sech'])('a variable named %s is a variable; %s(...) is still the helper', (name) => {
    expect(parseExpression(`${name} * 2`, { [name]: 4 }).output.data).toBe(8);
    expect(evaluateFormula(`${name} * 2`, { [name]: 4 })).toBe(8);
    expect(evaluateFormula(`${name}(${name}) * 2`, { [name]: 0 })).toBe(name === 'step' ? 0 : 2);
    expect(symbolicDerivative(`${name} * x`, name)).toBe('x');
  });

  it('a variable named step under relu: the derivative reads back to autograd', () => {
    const src = 'relu(step * x)';
    const at = { step: 2, x: 3 };
    const { output, variables } = parseExpression(src, at);
    output.backward();
    expect(evaluateFormula(symbolicDerivative(src, 'step'), at)).toBe(variables.step.grad);
  });
});

/** [case, source, message]: look-alike letters and other-language operators get a hint. */
const hints: [string, string, RegExp][] = [
  [
    'a Cyrillic х beside a Latin x',
    'х + x',
    /"х" \(U\+0445 CYRILLIC SMALL LETTER HA, which looks like the Latin "x"\) cannot be part of a name/,
  ],
  ['a Cyrillic а', 'а*2', /U\+0430 .*looks like the Latin "a"/],
  ['a Cyrillic capital Р', 'Р^2', /U\+0420 .*looks like the Latin "P"/],
  [
    'a Cyrillic letter inside a Latin name',
    'wеight',
    /"е" \(U\+0435 CYRILLIC SMALL LETTER IE, which looks like the Latin "e"\)/,
  ],
  ['an unreadable letter with no look-alike', 'ж + 1', /"ж" \(U\+0436\) cannot be part of a name/],
  [
    'a Greek capital omicron given a value as Latin O',
    'Ο * 2',
    /no value for "Ο" \(U\+039F .*looks like the Latin "O"/,
  ],
  ['** for a power', 'x**2', /"\*\*" is not the power operator here.*Use \^ for powers: x\^2/],
  ['** with spaces', 'x * * 2', /Value expected/],
];

describe('hints', () => {
  it.each(hints)('%s', (_name, src, message) => {
    expect(() => parseExpression(src, { x: 1, O: 1 }, { extraValues: 'accept' })).toThrow(message);
  });
});

/** [case, source, value or message]: a literal is read as JavaScript reads it, and must be finite. */
const literals: [string, string, number | RegExp][] = [
  ['1e400 (beyond the largest double)', '1e400', /the number 1e400 is not finite as a double \(it reads as Infinity\)/],
  ['-1e400', '-1e400*x', /the number 1e400 is not finite/],
  ['1e309', '1e309 + x', /the number 1e309 is not finite/],
  ['a hexadecimal fraction', '0x1.8p3', /"0x1\.8p3" is not a number JavaScript reads/],
  ['a hexadecimal exponent', '0x1p3', /"0x1p3" is not a number JavaScript reads/],
  ['a word-size suffix', '0xffi8', /"0xffi8" is not a number JavaScript reads/],
  ['a numeric separator', '1_000', /"1_000" is not a number JavaScript reads/],
  ['1e-400 underflows to 0, as in JavaScript', '1e-400', 0],
  ['1.7976931348623157e308, the largest double', '1.7976931348623157e308', Number.MAX_VALUE],
  ['0x10', '0x10', 16],
  ['0b11', '0b11', 3],
  ['0o17', '0o17', 15],
  ['0xffffffff, not a 32-bit -1', '0xffffffff', 4294967295],
  ['.5', '.5', 0.5],
  ['5.', '5.', 5],
  ['2.5e-3', '2.5e-3', 0.0025],
];

describe('number literals: finite, read as JavaScript reads them, or refused with the rule', () => {
  it.each(literals)('%s', (_name, src, expected) => {
    if (typeof expected === 'number') {
      expect(parseExpression(src).output.data).toBe(expected);
      expect(evaluateFormula(src)).toBe(expected);
    } else {
      expect(() => parseExpression(src, { x: 1 })).toThrow(expected);
      expect(() => parseExpression(src, { x: 1 })).toThrow(/Number literals must be finite/);
    }
  });

  it('an overflow computed from finite literals (10^400, x/0) follows IEEE, and its derivative reads back', () => {
    for (const src of ['10^400 * x', 'x / 0']) {
      const { output, variables } = parseExpression(src, { x: 1 });
      output.backward();
      expect(output.data).toBe(Infinity);
      const formula = symbolicDerivative(src, 'x');
      expect(formula).not.toMatch(/Infinity|NaN/);
      expect(evaluateFormula(formula, { x: 1 })).toBe(variables.x.grad);
    }
  });
});

describe('extra values: accepted by default, refused on request', () => {
  it('one set of values serves several expressions', () => {
    const values = { x: 2, y: 3, z: 5 };
    expect(parseExpression('x*y', values).output.data).toBe(6);
    expect(parseExpression('z', values).output.data).toBe(5);
    expect(Object.keys(parseExpression('x*y', values).variables)).toEqual(['x', 'y']);
    expect(numericGradient('x', values)).toEqual({ x: expect.closeTo(1, 6) });
  });

  it("{ extraValues: 'refuse' } names the extra value (the command line's typo check)", () => {
    expect(() => parseExpression('x*y', { x: 1, y: 2, z: 3 }, { extraValues: 'refuse' })).toThrow(
      /a value is given for "z", which the expression does not use\. Its variables are: x, y/,
    );
  });

  it('the list of variables in that message stays short', () => {
    const src = Array.from({ length: 500 }, (_, i) => `v${i}`).join(' + ');
    const values = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`v${i}`, 1]));
    expect(() => parseExpression(src, { ...values, z: 1 }, { extraValues: 'refuse' })).toThrow(
      /Its variables are: v0, v1, .*v19 and 480 more\.$/,
    );
  });

  it.each([
    [
      'an unknown option value',
      { extraValues: 'ignore' },
      /options\.extraValues must be 'accept' or 'refuse', got the string "ignore"/,
    ],
    ['an option typo', { extraValue: 'refuse' }, /unknown option "extraValue"; the options are: extraValues/],
    ['options not an object', 5, /options must be an object/],
  ])('%s is refused', (_name, options, message) => {
    expect(() => parseExpression('x', { x: 1 }, options as never)).toThrow(message);
  });
});

describe('numericGradient options', () => {
  it.each([
    ['eps: 0', { eps: 0 }, /options\.eps must be a positive finite number, got the number 0/],
    ['eps: -1e-6', { eps: -1e-6 }, /options\.eps must be a positive finite number/],
    ['eps: NaN', { eps: NaN }, /options\.eps must be a positive finite number, got the number NaN/],
    ['eps as a string', { eps: '1e-6' }, /got the string "1e-6"/],
    ['a typo', { esp: 1e-3 }, /unknown option "esp"; the options are: eps/],
  ])('%s is refused', (_name, options, message) => {
    expect(() => numericGradient('x^2', { x: 1 }, options as never)).toThrow(message);
  });
});

describe('what was passed is named plainly', () => {
  it.each([
    ['a number', 5, /expected a string, got the number 5/],
    ['an object', {}, /expected a string, got an object/],
    ['null', null, /expected a string, got null/],
  ])('parseExpression of %s', (_name, src, message) => {
    expect(() => parseExpression(src as never)).toThrow(message);
    expect(() => parseExpression(src as never)).not.toThrow(/got a object/);
  });

  it('values that are not an object', () => {
    expect(() => parseExpression('x', [1] as never)).toThrow(/values must be an object .*got an array of length 1/);
  });
});
