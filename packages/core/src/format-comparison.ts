/**
 * formatComparison: a compareDerivatives result as an aligned text table, one row per input, with
 * a closing line saying whether everything agrees and, if not, which derivative is off.
 */
import type { Comparison } from './compare-derivatives';

/** Rounds float noise away for display: 2.0999999999999996 -> "2.1"; 10 significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

const mark = (flag: boolean | null): string => (flag === null ? '–' : flag ? '✓' : '✗');

/**
 * The comparison as a table: input, manual, autograd, numeric, and agreement marks
 * (✓ agree, ✗ disagree, – no manual derivative given).
 * @example
 * console.log(formatComparison(compareDerivatives((x) => x.square(), [3], [(x) => 2 * x], { names: ['x'] })));
 * // input  manual  autograd      numeric  manual=auto  manual=num  auto=num
 * // x           6         6  6.000000001            ✓           ✓         ✓
 * // all derivatives agree (atol 0.00001, rtol 0.001)
 */
export function formatComparison(result: Comparison): string {
  const header = ['input', 'manual', 'autograd', 'numeric', 'manual=auto', 'manual=num', 'auto=num'];
  const body = result.rows.map((r) => [
    r.name,
    r.manual === null ? '–' : formatNumber(r.manual),
    formatNumber(r.autograd),
    formatNumber(r.numeric),
    mark(r.manualVsAutograd),
    mark(r.manualVsNumeric),
    mark(r.autogradVsNumeric),
  ]);
  // eslint-disable-next-line no-restricted-syntax -- one row per input of f, at most MAX_ARGUMENTS
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((row) => row[c].length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  const { atol, rtol } = result.tolerances;
  const lines = [line(header), ...body.map(line)];
  lines.push(result.ok ? `all derivatives agree (atol ${atol}, rtol ${rtol})` : verdict(result));
  return lines.join('\n');
}

function verdict(result: Comparison): string {
  const notes = result.rows
    .filter((r) => !r.ok)
    .map((r) => {
      if (!r.autogradVsNumeric && r.manualVsNumeric) return `${r.name}: autograd disagrees with manual and numeric`;
      if (!r.autogradVsNumeric && r.manual === null) return `${r.name}: autograd disagrees with numeric`;
      if (r.autogradVsNumeric) return `${r.name}: manual disagrees with autograd and numeric`;
      return `${r.name}: all three differ`;
    });
  return `DISAGREEMENT — ${notes.join('; ')} (atol ${result.tolerances.atol}, rtol ${result.tolerances.rtol})`;
}
