import { rng, Rng } from './rng';

// Oracle: the same recurrence in exact BigInt arithmetic.
function lcgReference(seed: number, count: number): number[] {
  let state = BigInt(seed);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    state = (1664525n * state + 1013904223n) % 2n ** 32n;
    out.push(Number(state) / 2 ** 32);
  }
  return out;
}

describe('rng', () => {
  test('next() follows the 32-bit LCG, first draw one step after the seed', () => {
    for (const seed of [0, 42, 1337, 7, 0xffffffff]) {
      const r = rng(seed);
      const expected = lcgReference(seed, 1000);
      const got = expected.map(() => r.next());
      expect(got).toEqual(expected);
    }
  });

  test('uniform(a, b) is a + (b - a) * next() in that order', () => {
    const r = rng(42);
    const draws = lcgReference(42, 3);
    expect(r.uniform(-1, 1)).toBe(-1 + 2 * draws[0]);
    expect(r.uniform(-0.1, 0.1)).toBe(-0.1 + (0.1 - -0.1) * draws[1]);
    expect(r.uniform(3, 5)).toBe(3 + 2 * draws[2]);
  });

  test('same seed, same sequence; draws lie in [0, 1)', () => {
    const a = rng(5);
    const b = new Rng(5);
    for (let i = 0; i < 100; i++) {
      const x = a.next();
      expect(b.next()).toBe(x);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test('normal() has mean about 0 and variance about 1', () => {
    const r = rng(3);
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(xs.every(Number.isFinite)).toBe(true);
  });

  test('rejects a seed that is not a uint32', () => {
    expect(() => rng(-1)).toThrow(
      /@chainrule\/nn\/rng: seed must be an integer from 0 to 4294967295, got the number -1/,
    );
    expect(() => rng(1.5)).toThrow(/seed/);
    expect(() => rng('42' as unknown as number)).toThrow(/the string "42"/);
  });
});
