import { makeMoons, specMoons } from './moons';
import { rng } from './rng';

describe('specMoons', () => {
  test('100 points, first half outer moon (-1), second half inner (+1)', () => {
    const { X, y } = specMoons(100, 42);
    expect(X).toHaveLength(100);
    expect(y.slice(0, 50).every((v) => v === -1)).toBe(true);
    expect(y.slice(50).every((v) => v === 1)).toBe(true);
  });

  test('points are (sin, cos) of 2·atan(s) plus the drawn noise, draws taken in spec order', () => {
    const { X } = specMoons(100, 42);
    const r = rng(42);
    for (let i = 0; i < 100; i++) {
      const s = r.uniform(-1, 1);
      const nx = r.uniform(-0.1, 0.1);
      const ny = r.uniform(-0.1, 0.1);
      const t = 2 * Math.atan(s); // independent trigonometric oracle
      const expected = i < 50 ? [Math.sin(t) + nx, Math.cos(t) + ny] : [1 - Math.sin(t) + nx, 0.5 - Math.cos(t) + ny];
      expect(X[i][0]).toBeCloseTo(expected[0], 14);
      expect(X[i][1]).toBeCloseTo(expected[1], 14);
    }
  });

  test('is deterministic and depends on the seed', () => {
    expect(specMoons(100, 42)).toEqual(specMoons(100, 42));
    expect(specMoons(100, 43).X[0]).not.toEqual(specMoons(100, 42).X[0]);
  });
});

describe('makeMoons', () => {
  test('without noise the points lie on the two unit half circles', () => {
    const { X, y } = makeMoons(101, { noise: 0, shuffle: false });
    expect(X).toHaveLength(101);
    expect(y.filter((v) => v === -1)).toHaveLength(50);
    X.forEach(([a, b], i) => {
      const [cx, cy] = y[i] === -1 ? [0, 0] : [1, 0.5];
      expect(Math.hypot(a - cx, b - cy)).toBeCloseTo(1, 12);
      expect(y[i] === -1 ? b >= -1e-12 : b <= 0.5 + 1e-12).toBe(true);
    });
  });

  test('noise has about the requested standard deviation', () => {
    const clean = makeMoons(2000, { noise: 0, shuffle: false });
    const noisy = makeMoons(2000, { noise: 0.2, shuffle: false, seed: 9 });
    const d = noisy.X.flatMap((p, i) => [p[0] - clean.X[i][0], p[1] - clean.X[i][1]]);
    const sd = Math.sqrt(d.reduce((s, x) => s + x * x, 0) / d.length);
    expect(sd).toBeGreaterThan(0.19);
    expect(sd).toBeLessThan(0.21);
  });

  test('shuffling keeps each point with its label; same seed, same data', () => {
    const plain = makeMoons(50, { seed: 4, shuffle: false });
    const mixed = makeMoons(50, { seed: 4 });
    expect(mixed).toEqual(makeMoons(50, { seed: 4 }));
    expect(mixed.y).not.toEqual(plain.y);
    const key = (p: number[], l: number) => `${p[0]},${p[1]},${l}`;
    // The noise is drawn before shuffling, so the same (point, label) pairs appear in both.
    expect(new Set(mixed.X.map((p, i) => key(p, mixed.y[i])))).toEqual(
      new Set(plain.X.map((p, i) => key(p, plain.y[i]))),
    );
  });

  test('rejects bad arguments with the field name', () => {
    expect(() => makeMoons(0)).toThrow(/@chainrule\/nn\/makeMoons: n must be an integer/);
    expect(() => makeMoons(10, { noise: -1 })).toThrow(/options\.noise must be >= 0/);
    expect(() => makeMoons(10, { seed: 0.5 })).toThrow(/seed/);
  });
});
