/**
 * Two interleaving half circles ("moons"), the toy data set of micrograd's demo: `makeMoons` in the
 * style of scikit-learn for users, and `specMoons`, the exact generator of the benchmark spec (W2).
 * Labels are -1 (outer/upper moon) and +1 (inner/lower moon), ready for the hinge loss.
 */
import { describe } from '@chainrule/core';
import { checkFinite, checkInteger, checkOptions, nnError } from './errors';
import { Rng } from './rng';

/** A labelled 2-D data set: `X[i]` is a point, `y[i]` its label (-1 or +1). */
export interface Dataset {
  X: number[][];
  y: number[];
}

/** Options of {@link makeMoons}. */
export interface MoonsOptions {
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0.1. */
  noise?: number;
  /** Seed of the generator. Default 42. */
  seed?: number;
  /** Shuffle the points (otherwise the outer moon comes first). Default true. */
  shuffle?: boolean;
}

/**
 * `n` points on two moons, as scikit-learn's `make_moons`: the outer moon `(cos t, sin t)` and the
 * inner moon `(1 - cos t, 0.5 - sin t)`, `t` evenly spaced over [0, π], plus Gaussian noise.
 * @param n - number of points (the outer moon gets `floor(n / 2)`).
 * @example
 * const { X, y } = makeMoons(100, { noise: 0.1, seed: 1 });
 * X.length; // 100
 */
export function makeMoons(n: number, options: MoonsOptions = {}): Dataset {
  checkInteger('makeMoons', 'n', n, 1);
  checkOptions('makeMoons', options, ['noise', 'seed', 'shuffle']);
  const { noise = 0.1, seed = 42, shuffle = true } = options;
  checkFinite('makeMoons', 'options.noise', noise);
  if (noise < 0) throw nnError('makeMoons', `options.noise must be >= 0, got ${noise}. Pass 0 for no noise.`);
  if (typeof shuffle !== 'boolean')
    throw nnError('makeMoons', `options.shuffle must be a boolean, got ${describe(shuffle)}.`);
  const r = new Rng(seed);
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const X: number[][] = [];
  const y: number[] = [];
  const spacing = (count: number, i: number): number => (count > 1 ? (Math.PI * i) / (count - 1) : 0);
  for (let i = 0; i < nOuter; i++) {
    const t = spacing(nOuter, i);
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(-1);
  }
  for (let i = 0; i < nInner; i++) {
    const t = spacing(nInner, i);
    X.push([1 - Math.cos(t), 0.5 - Math.sin(t)]);
    y.push(1);
  }
  if (noise > 0) {
    for (const point of X) {
      point[0] += noise * r.normal();
      point[1] += noise * r.normal();
    }
  }
  if (shuffle) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [X[i], X[j]] = [X[j], X[i]];
      [y[i], y[j]] = [y[j], y[i]];
    }
  }
  return { X, y };
}

/**
 * The benchmark spec's `moons(n, seed)` (W2 data), bit-identical in every language: for each point
 * draw `s = uniform(-1, 1)`, `nx, ny = uniform(-0.1, 0.1)`; the moon point is built from
 * `c = (1 - s²)/(1 + s²)`, `d = 2s/(1 + s²)` (cos and sin of 2·atan s) with only `+ - * /`.
 * The first half is the outer moon (label -1), the second half the inner one (label +1).
 * @param n - number of points. Default 100.
 * @param seed - generator seed. Default 42 (the spec's DATA_SEED).
 * @example
 * const { X, y } = specMoons(); // W2's 100 points
 */
export function specMoons(n = 100, seed = 42): Dataset {
  checkInteger('specMoons', 'n', n, 1);
  const r = new Rng(seed);
  const X: number[][] = [];
  const y: number[] = [];
  const half = n / 2;
  for (let i = 0; i < n; i++) {
    const s = r.uniform(-1, 1);
    const nx = r.uniform(-0.1, 0.1);
    const ny = r.uniform(-0.1, 0.1);
    const s2 = s * s;
    const q = 1 + s2;
    const c = (1 - s2) / q;
    const d = (2 * s) / q;
    if (i < half) {
      X.push([d + nx, c + ny]);
      y.push(-1);
    } else {
      X.push([1 - d + nx, 0.5 - c + ny]);
      y.push(1);
    }
  }
  return { X, y };
}
