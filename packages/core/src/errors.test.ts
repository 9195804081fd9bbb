// describe: what was passed, as error messages print it, for every kind of JavaScript value.
import { describe as describeInput } from './errors';
import { Value } from './value';

class Ellipse {}

const rows: [string, unknown, string][] = [
  ['null', null, 'null'],
  ['undefined', undefined, 'undefined'],
  ['a number', 1.5, 'the number 1.5'],
  ['NaN', NaN, 'the number NaN'],
  ['a short string', 'w', 'the string "w"'],
  ['a long string, clipped', 'x'.repeat(50), `the string "${'x'.repeat(40)}…"`],
  ['a boolean', false, 'the boolean false'],
  ['a bigint', 5n, 'the bigint 5n'],
  ['a symbol', Symbol('s'), 'a symbol'],
  ['a function', () => 1, 'a function'],
  ['an array', [1, 2, 3], 'an array of length 3'],
  ['a plain object', {}, 'an object'],
  ['a null-prototype object', Object.create(null), 'an object'],
  ['a class instance', new Value(1), 'a Value'],
  ['a class whose name starts with a vowel', new Ellipse(), 'an Ellipse'],
  ['a Map', new Map(), 'a Map'],
  [
    'a proxy whose traps throw',
    new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    ),
    'an object',
  ],
];

test.each(rows)('%s', (_name, x, expected) => {
  expect(describeInput(x)).toBe(expected);
});
