/**
 * formatComparison: a compareDerivatives or compareGradients result as an aligned text table, a
 * true sentence for every row that is not agreed by all three derivatives, the kinks at the point,
 * the first wrong step of a manual backprop, and a closing verdict with the tolerances used.
 */
import type { Tolerances } from './check-options';
import type { AgreementFlags } from './check-verdict';
import type { Comparison } from './compare-derivatives';
import type { GradientComparison } from './compare-gradients';

/** Rounds float noise away for display: 2.0999999999999996 -> "2.1"; 10 significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

/**
 * The tolerances as printed beside every verdict.
 * @example
 * ```ts
 * console.log(formatTolerances({ eps: 1e-6, atol: 1e-5, rtol: 1e-3 })); // eps 1e-6, atol 1e-5, rtol 1e-3
 * ```
 */
export function formatTolerances(t: Required<Tolerances>): string {
  const short = (x: number) =>
    x === 0
      ? '0'
      : x
          .toExponential()
          .replace('e+', 'e')
          .replace(/\.?0+e/, 'e');
  return `eps ${short(t.eps)}, atol ${short(t.atol)}, rtol ${short(t.rtol)}`;
}

/** What agreementSentence reads of a row. */
export interface AgreementRow extends AgreementFlags {
  name: string;
  manual: number | null;
  numericDoubt: string | null;
}

/** A row as the formatter reads it, from either result. */
interface Row extends AgreementRow {
  autograd: number;
  backward: number;
  numeric: number;
  ok: boolean;
}

const mark = (flag: boolean | null, given: boolean): string => (flag === null ? (given ? '?' : '–') : flag ? '✓' : '✗');

/**
 * The comparison as a table: input (or node), manual, autograd, numeric, and agreement marks
 * (✓ agree, ✗ disagree, – no manual derivative given, ? the numeric derivative cannot be trusted
 * here), then a sentence per row not agreed by all three, the kinks and singularities, the first
 * wrong step (for compareGradients) and the verdict with the tolerances.
 * @example
 * console.log(formatComparison(compareDerivatives((x) => x.square(), [3], [(x) => 2 * x], { names: ['x'] })));
 * // input  manual  autograd      numeric  manual=auto  manual=num  auto=num
 * // x           6         6  6.000000001            ✓           ✓         ✓
 * // all derivatives agree (eps 1e-6, atol 1e-5, rtol 1e-3)
 */
export function formatComparison(result: Comparison | GradientComparison): string {
  const gradientsResult = 'firstWrong' in result ? result : null;
  const rows: readonly Row[] = result.rows;
  // Steps of a derivation need at least two hand-derived gradients to be told apart.
  const derived = rows.filter((r) => r.manual !== null).length;
  const showStep = gradientsResult !== null && gradientsResult.firstWrong !== null && derived > 1;
  const header = [
    gradientsResult ? 'node' : 'input',
    'manual',
    'autograd',
    'numeric',
    'manual=auto',
    'manual=num',
    'auto=num',
  ];
  if (showStep) header.push('step');
  const body = rows.map((r, k) => {
    const given = r.manual !== null;
    const cells = [
      r.name,
      given ? formatNumber(r.manual!) : '–',
      formatNumber(r.autograd),
      formatNumber(r.numeric),
      mark(r.manualVsAutograd, false),
      mark(r.manualVsNumeric, given && r.numericDoubt !== null),
      mark(r.autogradVsNumeric, r.numericDoubt !== null),
    ];
    if (showStep) cells.push(stepText(gradientsResult!.rows[k].step));
    return cells;
  });
  // A loop, not Math.max(...): a spread of one argument per row overflows on large results.
  const widths = header.map((h, c) => body.reduce((w, row) => Math.max(w, row[c].length), h.length));
  const text = (c: number) => c === 0 || header[c] === 'step'; // left-aligned; numbers and marks go right
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (text(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  const failing: string[] = [];
  for (const r of rows) {
    const s = agreementSentence(r);
    if (s === null) continue;
    if (r.ok) lines.push(s);
    else failing.push(s);
  }
  for (const r of rows) {
    if (!Object.is(r.backward, r.autograd)) {
      lines.push(
        `${r.name}: .backward() gives ${formatNumber(r.backward)} where gradients() gives ${formatNumber(r.autograd)}`,
      );
    }
  }
  for (const hit of result.kinks) lines.push(hit.text);
  if (showStep) for (const line of stepLines(gradientsResult!)) lines.push(line);
  const tolerances = formatTolerances(result.tolerances);
  // Rows whose numeric derivative could not be trusted were compared with autograd only.
  const unchecked = rows.some(
    (r) => r.numericDoubt !== null && (r.autogradVsNumeric === null || r.manualVsNumeric === null),
  );
  if (!result.ok) lines.push(`DISAGREEMENT — ${failing.join('; ')} (${tolerances})`);
  else lines.push(`all derivatives ${unchecked ? 'that can be compared ' : ''}agree (${tolerances})`);
  return lines.join('\n');
}

function stepText(step: GradientComparison['rows'][number]['step']): string {
  return step === 'wrong step' ? 'WRONG STEP' : step === 'unchecked' ? '' : step;
}

/**
 * A true sentence for a row's agreement flags (each of the 8 combinations has its own), or null
 * when everything that can be compared agrees.
 * @example
 * ```ts
 * const row = { name: 'x', manual: 1, manualVsAutograd: false, manualVsNumeric: false, autogradVsNumeric: true, numericDoubt: null };
 * console.log(agreementSentence(row)); // x: manual disagrees with autograd and numeric
 * ```
 */
export function agreementSentence(r: AgreementRow): string | null {
  const { name, manualVsAutograd: ma, manualVsNumeric: mn, autogradVsNumeric: an, numericDoubt: doubt } = r;
  if (r.manual === null) {
    if (an === true) return null;
    if (an === false) return `${name}: autograd disagrees with numeric`;
    return `${name}: autograd not compared with numeric, which is unreliable here: ${doubt}`;
  }
  if (mn === null || an === null) {
    const parts = [ma ? 'manual agrees with autograd' : 'manual disagrees with autograd'];
    if (mn === true) parts.push('manual agrees with numeric');
    if (an === true) parts.push('autograd agrees with numeric');
    return `${name}: ${parts.join(', ')}; not compared with numeric, which is unreliable here: ${doubt}`;
  }
  const key = `${ma ? 'T' : 'F'}${mn ? 'T' : 'F'}${an ? 'T' : 'F'}`;
  const sentences: Record<string, string | null> = {
    TTT: null,
    TTF: 'manual is within tolerance of autograd and of numeric, but autograd and numeric differ: a borderline case (all three are close)',
    TFT: 'manual agrees with autograd and autograd with numeric, but manual and numeric differ: a borderline case (all three are close)',
    FTT: 'manual agrees with numeric and numeric with autograd, but manual and autograd differ: a borderline case (all three are close)',
    TFF: 'manual and autograd agree; numeric disagrees with both',
    FTF: 'autograd disagrees with manual and numeric',
    FFT: 'manual disagrees with autograd and numeric',
    FFF: 'all three differ',
  };
  const s = sentences[key];
  return s === null ? null : `${name}: ${s}`;
}

function stepLines(result: GradientComparison): string[] {
  const lines: string[] = [];
  const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name).join(', ');
  const [first, ...others] = result.wrongSteps;
  if (first === undefined) return lines;
  const reference =
    first.autogradVsNumeric === false
      ? `numeric ${formatNumber(first.numeric)}`
      : `autograd ${formatNumber(first.autograd)}`;
  const above =
    first.consumers.length === 0
      ? 'no hand-derived gradient above it'
      : `the gradient${first.consumers.length > 1 ? 's' : ''} it is computed from (${first.consumers.map((c) => result.rows.find((r) => r.node === c)!.name).join(', ')}) ${first.consumers.length > 1 ? 'are' : 'is'} right`;
  lines.push(
    `first wrong step: ${first.name} (manual ${formatNumber(first.manual!)}, ${reference}); ${above}, so the derivation goes wrong here`,
  );
  if (others.length > 0) lines.push(`also wrong steps (independent mistakes): ${names(others)}`);
  const carried = result.rows.filter((r) => r.step === 'carried');
  if (carried.length > 0) lines.push(`carried from a wrong step above: ${names(carried)}`);
  return lines;
}
