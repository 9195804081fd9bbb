/**
 * Number formatting for drawings: a fixed number of significant digits without trailing zeros, so
 * the article's 2.1000000000000005 reads 2.1, and NaN / ±Infinity spelled so they stand out.
 */
import { VizError } from './viz-error';

/**
 * A formatter writing `x` with `precision` significant digits (default 4): 2.1, 0.411, -1.2e-7.
 * @example
 * significant(4)(0.410975); // '0.411'
 */
export function significant(precision = 4): (x: number) => string {
  if (!Number.isInteger(precision) || precision < 1 || precision > 21) {
    throw new VizError(
      `@chainrule/viz/renderSvg: precision must be an integer from 1 to 21, got ${precision}. Pass e.g. { precision: 4 }.`,
    );
  }
  return (x: number): string => {
    if (Number.isNaN(x)) return 'NaN';
    if (x === Infinity) return '∞';
    if (x === -Infinity) return '−∞';
    if (x === 0) return '0';
    return String(Number(x.toPrecision(precision))).replace('-', '−');
  };
}
