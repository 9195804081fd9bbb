/**
 * Central differences: the numeric derivative every checking tool compares autograd against,
 * (f(x + eps) - f(x - eps)) / 2eps, error O(eps²) for smooth f.
 */

/** ∂f/∂xs[index] at `xs` by central differences. */
export function centralDifference(
  f: (xs: number[]) => number,
  xs: readonly number[],
  index: number,
  eps: number,
): number {
  const plus = xs.slice();
  const minus = xs.slice();
  plus[index] += eps;
  minus[index] -= eps;
  return (f(plus) - f(minus)) / (2 * eps);
}

/** True when `a` and `b` agree as PyTorch's gradcheck judges it: |a - b| <= atol + rtol·|b|. */
export function agrees(a: number, b: number, atol: number, rtol: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= atol + rtol * Math.abs(b);
}

/** |a - b| / |b|, or |a - b| when b is 0. */
export function relativeError(a: number, b: number): number {
  const abs = Math.abs(a - b);
  return b === 0 ? abs : abs / Math.abs(b);
}
