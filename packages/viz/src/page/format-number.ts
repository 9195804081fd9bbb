/**
 * Numbers as the explorer page shows them: up to 6 significant digits without trailing zeros
 * (2.1, not 2.1000000000000005), and NaN / +Inf / -Inf spelled out.
 */

/** `x` rounded to 6 significant digits, or 'NaN', '+Inf', '-Inf'. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (Object.is(x, -0)) return '0';
  return String(Number(x.toPrecision(6)));
}
