/**
 * The benchmark spec's 32-bit LCG (Numerical Recipes constants), for tests: seeded, reproducible
 * random points and the W4 data. (@chainrule/nn has the public generator; core cannot depend on it.)
 */
export function lcg(seed: number): { next(): number; uniform(a: number, b: number): number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  return { next, uniform: (a, b) => a + (b - a) * next() };
}
