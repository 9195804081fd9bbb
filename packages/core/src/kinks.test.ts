/**
 * Kinks and singularities come from the op table: every row that declares one is put on it and
 * must be found, its one-sided derivatives checked against the row itself; a custom row that
 * declares a kink is found the same way.
 */
import { compareDerivatives } from './compare-derivatives';
import { kinksAt } from './kinks';
import type { Kink, OpRow } from './op-row';
import { OPS } from './ops';
import { rowDerivative, rowForward } from './row-call';
import { applyOp, Value } from './value';

/** Inputs on the kink: each argument at the middle of its domain, then the kink's argument moved onto it. */
function pointOn(row: OpRow, kink: Kink): number[] {
  const xs = row.domain.map(([lo, hi]) => (lo + hi) / 2 + 0.123);
  xs[kink.argument] = 0;
  xs[kink.argument] -= kink.offset(xs);
  return xs;
}

const declared = Object.values(OPS as Record<string, OpRow>).flatMap((row) =>
  (row.kinks ?? []).map((kink): [string, OpRow, Kink] => [
    `${row.name} (${kink.kind}, argument ${kink.argument})`,
    row,
    kink,
  ]),
);

test('the table declares the kinks and singularities of relu, abs, max, min, sqrt, log, div and pow', () => {
  expect(declared.map(([name]) => name).sort()).toEqual([
    'abs (kink, argument 0)',
    'div (singularity, argument 1)',
    'log (singularity, argument 0)',
    'max (kink, argument 0)',
    'min (kink, argument 0)',
    'pow (singularity, argument 0)',
    'relu (kink, argument 0)',
    'sqrt (singularity, argument 0)',
  ]);
});

describe.each(declared)('%s', (_name, row, kink) => {
  const xs = pointOn(row, kink);
  const inputs = xs.map((x, k) => new Value(x, `x${k}`));
  const node = applyOp(row, inputs);

  it('is found at the point, naming the argument', () => {
    const hits = kinksAt(node);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ node, input: inputs[kink.argument], kink, where: 'on' });
    expect(hits[0].text).toMatch(new RegExp(`^x${kink.argument} = ${xs[kink.argument]} is on `));
  });

  it('is not found a little away from it', () => {
    const away = xs.slice();
    away[kink.argument] += 0.25;
    expect(kinksAt(applyOp(row, away))).toEqual([]);
  });

  it('says what the row really does there', () => {
    const side = (h: number) => {
      const p = xs.slice();
      p[kink.argument] += h;
      return rowDerivative(row, kink.argument, p, rowForward(row, p));
    };
    const at = rowDerivative(row, kink.argument, xs, rowForward(row, xs));
    if (kink.kind === 'kink') {
      expect([side(-1e-3), side(1e-3)]).toEqual(kink.sides);
      expect(kink.convention).toBe(`autograd uses ${at}, as PyTorch does`);
    } else {
      // A singularity: the derivative is not finite there, or the op is undefined on one side.
      const below = xs.slice();
      below[kink.argument] -= 1e-3;
      expect(!Number.isFinite(at) || Number.isNaN(rowForward(row, below))).toBe(true);
    }
  });

  it('makes compareDerivatives report it instead of calling the numeric derivative wrong', () => {
    const f = (...vs: Value[]) => applyOp(row, vs);
    const result = compareDerivatives(
      f,
      xs,
      xs.map(() => null),
    );
    expect(result.kinks).toHaveLength(1);
    const r = result.rows[kink.argument];
    expect(r.autogradVsNumeric === true || r.numericDoubt !== null).toBe(true);
    expect(r.autogradVsNumeric).not.toBe(false);
  });
});

test('a custom row that declares a kink is detected too', () => {
  const clip: OpRow = {
    ...OPS.relu,
    name: 'clip1',
    forward: (a: number) => Math.min(a, 1),
    derivative: (a: number) => (a < 1 ? 1 : 0),
    derivativeValue: (a: Value) => (a.data < 1 ? 1 : 0),
    kinks: [{ kind: 'kink', argument: 0, offset: (xs) => xs[0] - 1, sides: [1, 0], convention: 'autograd uses 0' }],
  };
  const x = new Value(1, 'x');
  const hits = kinksAt(applyOp(clip, [x]).mul(2));
  expect(hits.map((h) => h.text)).toEqual([
    "x = 1 is on clip1's kink: one-sided derivatives 1 and 0; central differences give their mean 0.5; autograd uses 0",
  ]);
});

test('pow at base 0 is singular only for exponents that are not whole numbers >= 0', () => {
  expect(kinksAt(new Value(0, 'x').pow(2))).toEqual([]);
  expect(kinksAt(new Value(0, 'x').pow(0.5))[0].text).toBe(
    'x = 0 is on a singularity of pow: the derivative is infinite or undefined there; autograd gives ±Infinity, NaN or 0, as PyTorch does',
  );
});
