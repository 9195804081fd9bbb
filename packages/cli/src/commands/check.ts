/**
 * `chainrule check "<expr>" --at ... --manual "w=<formula>"`: hand-derived derivatives against
 * autograd, central differences and the symbolic derivative, at the given point and optionally
 * at seeded random points; a table (or JSON), a highlighted picture with -o, exit 1 on a mismatch.
 */
import type { Value } from '@chainrule/core';
import { evaluateFormula, numericGradient, parseExpression } from '@chainrule/expr';
import { parseAt } from '../at-values';
import { CliError, EXIT } from '../cli-error';
import { table, tidy } from '../format';
import { formatOf } from '../output-format';
import { checkWritable, writeAtomic } from '../write-atomic';
import { symbolicOrNull } from './grad';

export interface CheckOptions {
  at?: string[];
  manual?: string[];
  tol?: string;
  points?: string;
  seed?: string;
  out?: string;
  json?: boolean;
}

/** One derivative compared at one point. */
export interface CheckRow {
  name: string;
  manual: number;
  autograd: number;
  numeric: number;
  symbolic: number | null;
  /** manual agrees with autograd, and autograd with numeric, within the tolerance. */
  ok: boolean;
}

/** All derivatives at one point. */
export interface CheckPoint {
  at: Record<string, number>;
  rows: CheckRow[];
}

function parseManual(flags: readonly string[]): Map<string, string> {
  const manual = new Map<string, string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = flag.slice(0, eq).trim();
    const formula = flag.slice(eq + 1).trim();
    if (eq < 0 || name === '' || formula === '') {
      throw new CliError(`chainrule check: --manual expects name=formula, e.g. --manual "w=2*(i*w - y)*i"; got "${flag}".`);
    }
    if (manual.has(name)) throw new CliError(`chainrule check: --manual gives "${name}" twice. Give one formula per variable.`);
    manual.set(name, formula);
  }
  return manual;
}

function positiveNumber(flag: string, text: string | undefined, fallback: number, integer: boolean): number {
  const value = text === undefined ? fallback : Number(text);
  const valid = Number.isFinite(value) && value >= 0 && (!integer || Number.isInteger(value));
  if (!valid) throw new CliError(`chainrule check: ${flag} must be a ${integer ? 'whole number' : 'number'} >= 0; got "${text}".`);
  return value;
}

function agrees(a: number, b: number, tol: number): boolean {
  return a === b || Math.abs(a - b) <= tol + tol * Math.abs(b);
}

/** Compares every manual derivative at one point. */
export function comparePoint(src: string, at: Record<string, number>, manual: Map<string, string>, tol: number): CheckPoint {
  const { output, variables } = parseExpression(src, at);
  output.backward();
  const numeric = numericGradient(src, at);
  const rows: CheckRow[] = [];
  for (const [name, formula] of manual) {
    const autograd = variables[name].grad;
    const manualValue = evaluateFormula(formula, at);
    const symbolicFormula = symbolicOrNull(src, name);
    const symbolic = symbolicFormula === null ? null : evaluateFormula(symbolicFormula, at);
    const ok = agrees(manualValue, autograd, tol) && agrees(numeric[name], autograd, Math.max(tol, 1e-5));
    rows.push({ name, manual: manualValue, autograd, numeric: numeric[name], symbolic, ok });
  }
  return { at, rows };
}

/** A seeded generator of points near `at` (each coordinate moved by up to ±1·max(1, |x|)). */
function randomPoints(at: Record<string, number>, count: number, seed: number): Record<string, number>[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const point: Record<string, number> = {};
    for (const name of Object.keys(at)) point[name] = at[name] + (2 * next() - 1) * Math.max(1, Math.abs(at[name]));
    return point;
  });
}

function describePoint(at: Record<string, number>): string {
  return Object.keys(at).map((name) => `${name}=${tidy(Number(at[name].toPrecision(6)))}`).join(', ');
}

function formatPoint(point: CheckPoint, manual: Map<string, string>): string {
  const rows = [['', 'manual', 'autograd', 'numeric', 'symbolic', '']];
  for (const row of point.rows) {
    const symbolic = row.symbolic === null ? '-' : tidy(row.symbolic);
    rows.push([`d/d${row.name}`, tidy(row.manual), tidy(row.autograd), tidy(Number(row.numeric.toPrecision(8))), symbolic, row.ok ? 'ok' : `MISMATCH  (manual: ${manual.get(row.name)})`]);
  }
  return `at ${describePoint(point.at)}\n${table(rows)}`;
}

/** Writes the graph at the main point with the mismatching variables highlighted. */
function writePicture(file: string, src: string, point: CheckPoint): void {
  const format = formatOf(file, ['.svg', '.html']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when drawing
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const { output, variables } = parseExpression(src, point.at);
  output.backward();
  const bad = point.rows.filter((row) => !row.ok);
  const note = (row: CheckRow) => `manual ${tidy(row.manual)} ≠ autograd ${tidy(row.autograd)}`;
  let content: string;
  if (format === '.html') {
    const highlights = bad.map((row) => ({ value: variables[row.name] as Value, highlight: 'mismatch' as const, note: note(row) }));
    content = viz.renderHtml(output, { highlights, start: 'end' });
  } else {
    const graph = viz.toGraph(output);
    for (const row of bad) {
      const key = viz.valueKey(variables[row.name].id);
      graph.mergeNodeAttributes(key, { highlight: 'mismatch', note: note(row) });
    }
    content = viz.renderSvg(graph);
  }
  writeAtomic(file, content);
}

/** Runs the command; returns the exit code (1 when any derivative disagrees). */
export function runCheck(src: string, options: CheckOptions, print: (text: string) => void): number {
  const manual = parseManual(options.manual ?? []);
  if (manual.size === 0) {
    throw new CliError('chainrule check: nothing to check. Give at least one --manual "name=formula", e.g. --manual "w=2*(i*w - y)*i".');
  }
  const tol = positiveNumber('--tol', options.tol, 1e-6, false);
  const count = positiveNumber('--points', options.points, 0, true);
  const seed = positiveNumber('--seed', options.seed, 1, true);
  if (options.out !== undefined) {
    formatOf(options.out, ['.svg', '.html']);
    checkWritable(options.out);
  }
  const at = parseAt(options.at ?? []);
  const { variables } = parseExpression(src, at);
  for (const name of manual.keys()) {
    if (!(name in variables)) {
      throw new CliError(`chainrule check: --manual "${name}=...": the expression has no variable "${name}". Its variables are: ${Object.keys(variables).join(', ')}.`);
    }
  }

  const main = comparePoint(src, at, manual, tol);
  // Random points can leave a function's domain (log of a negative number): those are skipped.
  const finite = (point: CheckPoint) => point.rows.every((row) => Number.isFinite(row.autograd) && Number.isFinite(row.numeric));
  const sampled = randomPoints(at, count, seed).map((point) => comparePoint(src, point, manual, tol));
  const extra = sampled.filter(finite);
  const skipped = sampled.length - extra.length;
  const points = [main, ...extra];
  const ok = points.every((point) => point.rows.every((row) => row.ok));
  if (options.out !== undefined) writePicture(options.out, src, main);

  if (options.json) {
    print(JSON.stringify({ ok, tol, skipped, points }));
  } else {
    const failedPoints = extra.filter((point) => point.rows.some((row) => !row.ok));
    const lines = [formatPoint(main, manual)];
    if (count > 0) {
      const skippedNote = skipped > 0 ? `; ${skipped} skipped, outside the domain` : '';
      lines.push(`\n${extra.length - failedPoints.length} of ${extra.length} random points agree (seed ${seed}${skippedNote}).`);
    }
    for (const point of failedPoints.slice(0, 3)) lines.push('\n' + formatPoint(point, manual));
    if (options.out !== undefined) lines.push(`\nwrote ${options.out}`);
    lines.push(ok ? '\nall derivatives agree' : '\nMISMATCH: a hand-derived derivative disagrees with autograd');
    print(lines.join('\n'));
  }
  return ok ? EXIT.ok : EXIT.checkFailed;
}
