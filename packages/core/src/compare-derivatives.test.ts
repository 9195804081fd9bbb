/**
 * compareDerivatives and formatComparison on the article's perceptron: all three agree, a wrong
 * manual derivative is flagged as the one that is off, a missing one is skipped; a true sentence
 * for every combination of the three flags; kinks and unreliable numeric derivatives said so.
 */
import { compareDerivatives } from './compare-derivatives';
import { formatComparison } from './format-comparison';
import { WRONG_MUL } from './test-support/wrong-rows';
import { OPS } from './ops';
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
      'all derivatives agree (eps 1e-6, atol 1e-5, rtol 1e-3)',
    ].join('\n'),
  );
});

test('a wrong manual derivative is flagged; a missing one is skipped', () => {
  const result = compareDerivatives(C, at, [null, (i, w, y) => (i * w - y) * i, undefined], { names });
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
  expect(result.rows[0].backward).toBe(result.rows[0].autograd);
  expect(formatComparison(result)).toContain('x0: autograd disagrees with manual and numeric');
});

test('bad input names what was passed', () => {
  expect(() => compareDerivatives(C, at, 'nope' as never)).toThrow(
    '@chainrule/core/compareDerivatives: manual must be an array of functions',
  );
  expect(() => compareDerivatives(C, at, [1 as never, null, null])).toThrow(
    'manual[0] must be a function of the 3 input numbers or null, got the number 1',
  );
  expect(() => compareDerivatives(C, at, [null, null, null], { names: ['i'] })).toThrow(
    'names must be 3 strings, one per input',
  );
  expect(() => compareDerivatives(C, at, [() => 'x' as never, null, null])).toThrow(
    'manual[0] returned the string "x"; it must return a number',
  );
});

test('a manual list of the wrong length is an error, shorter or longer', () => {
  for (const manual of [[null], [null, null, null, null]]) {
    expect(() => compareDerivatives(C, at, manual)).toThrow(
      `@chainrule/core/compareDerivatives: manual has ${manual.length} entries but f has 3 inputs; give one per input, null for those not to check.`,
    );
  }
});

test('what .backward() leaves in the leaves is reported beside gradients()', () => {
  const result = compareDerivatives(C, at, [null, null, null], { names });
  expect(result.rows.map((r) => r.backward)).toEqual(result.rows.map((r) => r.autograd));
  expect(result.rows[1].backward).toBeCloseTo(2.1, 14);
  expect(formatComparison(result)).not.toContain('.backward()');
  // Were the two ever to differ (an engine bug), the table says so.
  const split = { ...result, rows: result.rows.map((r, k) => (k === 1 ? { ...r, backward: 2 } : r)) };
  expect(formatComparison(split)).toContain('w: .backward() gives 2 where gradients() gives 2.1');
});

describe('every combination of the three flags has a true sentence', () => {
  // f(x) = x, so autograd is exactly 1; a custom row whose forward is x·(1 + d) moves the numeric
  // derivative to 1 + d. With atol 0 and rtol 0.01 (of the second argument), manual m and the
  // numeric value n are placed so that each pair is (or is not) within tolerance.
  const scaled = (d: number) => (x: Value) =>
    applyOp(
      {
        ...OPS.neg,
        name: 'scaled',
        forward: (a: number) => a * (1 + d),
        derivative: () => 1,
        derivativeValue: () => 1,
      },
      [x],
    );
  const cases: [string, number, number, string][] = [
    ['TTT', 1, 0, 'all derivatives agree'],
    [
      'TTF',
      1.0099,
      0.0199,
      'x: manual is within tolerance of autograd and of numeric, but autograd and numeric differ: a borderline case',
    ],
    [
      'TFT',
      1.0099,
      -0.009,
      'x: manual agrees with autograd and autograd with numeric, but manual and numeric differ: a borderline case',
    ],
    [
      'FTT',
      0.985,
      -0.007,
      'x: manual agrees with numeric and numeric with autograd, but manual and autograd differ: a borderline case',
    ],
    ['TFF', 1, 0.5, 'x: manual and autograd agree; numeric disagrees with both'],
    ['FTF', 1.5, 0.5, 'x: autograd disagrees with manual and numeric'],
    ['FFT', 2, 0, 'x: manual disagrees with autograd and numeric'],
    ['FFF', 3, 1, 'x: all three differ'],
  ];
  it.each(cases)('%s', (key, manual, d, text) => {
    const result = compareDerivatives(scaled(d), [0.5], [() => manual], { names: ['x'], atol: 0, rtol: 0.01 });
    const row = result.rows[0];
    const flags = [row.manualVsAutograd, row.manualVsNumeric, row.autogradVsNumeric]
      .map((f) => (f ? 'T' : 'F'))
      .join('');
    expect(flags).toBe(key);
    expect(row.ok).toBe(key === 'TTT');
    expect(formatComparison(result)).toContain(text);
  });
});

test('relu at its kink: the point is named, the numeric 0.5 is not called wrong, manual = autograd = 0 passes', () => {
  const result = compareDerivatives((x) => x.relu(), [0], [() => 0], { names: ['x'] });
  const row = result.rows[0];
  expect(row).toMatchObject({
    autograd: 0,
    manualVsAutograd: true,
    manualVsNumeric: null,
    autogradVsNumeric: null,
    ok: true,
  });
  expect(row.numeric).toBeCloseTo(0.5, 12);
  expect(row.numericDoubt).toBe("the numeric step crosses relu's kink at x = 0");
  expect(result.kinks.map((k) => k.text)).toEqual([
    "x = 0 is on relu's kink: one-sided derivatives 0 and 1; central differences give their mean 0.5; autograd uses 0, as PyTorch does",
  ]);
  const table = formatComparison(result);
  expect(table).toMatch(/^x +0 +0 +0\.5 +✓ +\? +\?$/m);
  expect(table).toContain(
    "x: manual agrees with autograd; not compared with numeric, which is unreliable here: the numeric step crosses relu's kink at x = 0",
  );
  expect(table).not.toContain('all three differ');
  expect(table).toContain('all derivatives that can be compared agree (eps 1e-6, atol 1e-5, rtol 1e-3)');
});

test('a step across a kink near (not on) the point is said so', () => {
  const result = compareDerivatives((x) => x.sub(1).abs(), [1 + 4e-7], [null], { names: ['x'] });
  expect(result.kinks).toEqual([]);
  expect(result.rows[0].numericDoubt).toContain("the numeric step crosses abs's kink at x − 1 = 0");
  expect(result.rows[0].ok).toBe(true);
});

test('values over 1e8 make the step unreliable: a nudged input, or the output', () => {
  // 3·((x + 1e9) − 1e9) at x = 2e8: the step 1e-6 is lost in the rounding of 1.2e9 (numeric 2.86, not 3).
  const big = compareDerivatives((x) => x.add(1e9).sub(1e9).mul(3), [2e8], [() => 2.5], { names: ['x'] });
  expect(big.rows[0].numericDoubt).toBe('the value 200000000 is over 1e8: a step of 1e-6 is lost in its rounding');
  expect(big.rows[0]).toMatchObject({ manualVsAutograd: false, manualVsNumeric: null, ok: false });
  const tall = compareDerivatives((x) => x.add(1e9), [0.5], [null], { names: ['x'] });
  expect(tall.rows[0].numericDoubt).toBe(
    'the output 1000000001 is over 1e8: its differences over a step of 1e-6 are mostly rounding',
  );
  expect(tall.rows[0]).toMatchObject({ autogradVsNumeric: null, ok: true });
});

test('a numeric derivative over 1e8 near a singularity is unreliable, not a ✗', () => {
  const result = compareDerivatives((x, y) => x.div(y), [1, 0], [null, null], { names: ['x', 'y'] });
  expect(result.kinks[0].text).toBe(
    'y = 0 is on a singularity of div: the derivative is infinite or undefined there; autograd gives ±Infinity or NaN',
  );
  const dy = result.rows[1];
  expect(dy.autogradVsNumeric).toBeNull();
  expect(formatComparison(result)).toContain('y: autograd not compared with numeric, which is unreliable here:');
  const steep = compareDerivatives((x) => x.pow(-1), [1e-5], [(x) => -1 / (x * x)], { names: ['x'] });
  expect(steep.rows[0].numericDoubt).toContain('is over 1e8');
  expect(steep.rows[0]).toMatchObject({ manualVsAutograd: true, ok: true });
});
