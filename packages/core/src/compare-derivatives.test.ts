/**
 * compareDerivatives and formatComparison on the article's perceptron: all three agree, a wrong
 * manual derivative is flagged as the one that is off, a missing one is skipped.
 */
import { compareDerivatives } from './compare-derivatives';
import { formatComparison } from './format-comparison';
import { WRONG_MUL } from './test-support/wrong-rows';
import { applyOp, type Value } from './value';

const C = (i: Value, w: Value, y: Value) => i.mul(w).sub(y).pow(2);
const at = [1.5, 0.8, 0.5];
const names = ['i', 'w', 'y'];

test('the article: manual, autograd and numeric agree; dC/dw = 2.1', () => {
  const result = compareDerivatives(
    C,
    at,
    [(i, w, y) => 2 * (i * w - y) * w, (i, w, y) => 2 * (i * w - y) * i, (i, w, y) => -2 * (i * w - y)],
    { names },
  );
  expect(result.ok).toBe(true);
  expect(result.value).toBeCloseTo(0.49, 14);
  expect(result.rows[1]).toMatchObject({
    name: 'w',
    manualVsAutograd: true,
    manualVsNumeric: true,
    autogradVsNumeric: true,
    ok: true,
  });
  expect(result.rows[1].autograd).toBeCloseTo(2.1, 14);
  expect(formatComparison(result)).toBe(
    [
      'input  manual  autograd  numeric  manual=auto  manual=num  auto=num',
      'i        1.12      1.12     1.12            ✓           ✓         ✓',
      'w         2.1       2.1      2.1            ✓           ✓         ✓',
      'y        -1.4      -1.4     -1.4            ✓           ✓         ✓',
      'all derivatives agree (atol 0.00001, rtol 0.001)',
    ].join('\n'),
  );
});

test('a wrong manual derivative is flagged; a missing one is skipped', () => {
  const result = compareDerivatives(C, at, [null, (i, w, y) => (i * w - y) * i], { names });
  expect(result.ok).toBe(false);
  expect(result.rows[0]).toMatchObject({ manual: null, manualVsAutograd: null, ok: true });
  expect(result.rows[1].manual).toBeCloseTo(1.05, 14);
  expect(result.rows[1]).toMatchObject({
    manualVsAutograd: false,
    manualVsNumeric: false,
    autogradVsNumeric: true,
    ok: false,
  });
  expect(result.rows[2].manual).toBeNull();
  const table = formatComparison(result);
  expect(table).toContain('w        1.05       2.1      2.1            ✗           ✗         ✓');
  expect(table).toContain('DISAGREEMENT — w: manual disagrees with autograd and numeric');
});

test('a wrong op row shows up as autograd disagreeing with manual and numeric', () => {
  const f = (x: Value, y: Value) => applyOp(WRONG_MUL, [x, y]);
  const result = compareDerivatives(f, [2, 3], [(_x, y) => y, (x) => x]);
  expect(result.rows[0]).toMatchObject({ name: 'x0', manualVsNumeric: true, autogradVsNumeric: false });
  expect(formatComparison(result)).toContain('x0: autograd disagrees with manual and numeric');
});

test('bad input names what was passed', () => {
  expect(() => compareDerivatives(C, at, 'nope' as never)).toThrow(
    '@chainrule/core/compareDerivatives: manual must be an array of functions',
  );
  expect(() => compareDerivatives(C, at, [1 as never])).toThrow(
    'manual[0] must be a function of the 3 input numbers or null, got the number 1',
  );
  expect(() => compareDerivatives(C, at, [], { names: ['i'] })).toThrow('names must be 3 strings, one per input');
  expect(() => compareDerivatives(C, at, [() => 'x' as never])).toThrow(
    'manual[0] returned the string "x"; it must return a number',
  );
});
