/**
 * `chainrule check "<expr>" --at ... --manual "w=<formula>"`: hand-derived derivatives against
 * autograd and central differences (core's compareDerivatives and formatComparison), plus the
 * symbolic derivative, at the given point and optionally at seeded random points; a table (or
 * JSON), a highlighted picture with -o, exit 1 on any disagreement.
 */
import { compareDerivatives, formatComparison } from '@chainrule/core';
import type { Comparison, Value } from '@chainrule/core';
import { evaluateFormula, parseExpression } from '@chainrule/expr';
import { parseAt, parseWithAt } from '../at-values';
import { CliError, EXIT } from '../cli-error';
import { tidy } from '../format';
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

/** A comparison at one point, with the symbolic derivatives evaluated there. */
export interface CheckPoint extends Comparison {
  /** The point by name. */
  values: Record<string, number>;
  /** The symbolic derivative's value per checked variable (null when too large to simplify). */
  symbolic: Record<string, number | null>;
}

function parseManual(flags: readonly string[]): Map<string, string> {
  const manual = new Map<string, string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = flag.slice(0, eq).trim();
    const formula = flag.slice(eq + 1).trim();
    if (eq < 0 || name === '' || formula === '') {
      throw new CliError(
        `chainrule check: --manual expects name=formula, e.g. --manual "w=2*(i*w - y)*i"; got "${flag}".`,
      );
    }
    if (manual.has(name))
      throw new CliError(`chainrule check: --manual gives "${name}" twice. Give one formula per variable.`);
    manual.set(name, formula);
  }
  return manual;
}

/** The most random points --points checks: each one parses and differentiates the formula again. */
const MAX_POINTS = 10_000;
/** --seed is a 32-bit generator state. */
const MAX_SEED = 2 ** 32 - 1;

function nonNegative(
  flag: string,
  text: string | undefined,
  fallback: number,
  integer: boolean,
  max = Infinity,
): number {
  const value = text === undefined ? fallback : Number(text);
  const valid = Number.isFinite(value) && value >= 0 && value <= max && (!integer || Number.isInteger(value));
  if (!valid) {
    const range = max === Infinity ? '>= 0' : `from 0 to ${max}`;
    throw new CliError(
      `chainrule check: ${flag} must be a ${integer ? 'whole number' : 'number'} ${range}; got "${text}".`,
    );
  }
  return value;
}

/** What stays the same at every point: the formula, its inputs, the manual and symbolic formulas. */
interface Problem {
  src: string;
  names: string[];
  manual: Map<string, string>;
  symbolic: Map<string, string | null>;
  tol: number;
}

/** Compares at one point (numbers in the order of `problem.names`). */
function comparePoint(problem: Problem, at: number[]): CheckPoint {
  const { src, names, manual, tol } = problem;
  const byName = (xs: readonly number[]) => Object.fromEntries(names.map((name, i) => [name, xs[i]]));
  const f = (...xs: Value[]) => parseExpression(src, Object.fromEntries(names.map((name, i) => [name, xs[i]]))).output;
  const manualFns = names.map((name) => {
    const formula = manual.get(name);
    return formula === undefined ? null : (...xs: number[]) => evaluateFormula(formula, byName(xs));
  });
  const comparison = compareDerivatives(f, at, manualFns, { names, atol: tol, rtol: tol });
  const values = byName(at);
  const symbolic: Record<string, number | null> = Object.create(null);
  for (const name of manual.keys()) {
    const formula = problem.symbolic.get(name);
    symbolic[name] = formula == null ? null : evaluateFormula(formula, values);
  }
  return { ...comparison, values, symbolic };
}

/** Seeded points near `at`: each coordinate moved by up to ±max(1, |x|). */
function randomPoints(at: readonly number[], count: number, seed: number): number[][] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => at.map((x) => x + (2 * next() - 1) * Math.max(1, Math.abs(x))));
}

function describePoint(values: Record<string, number>): string {
  return Object.keys(values)
    .map((name) => `${name}=${tidy(Number(values[name].toPrecision(6)))}`)
    .join(', ');
}

function formatPoint(point: CheckPoint, problem: Problem): string {
  const lines = [`at ${describePoint(point.values)}`, formatComparison(point)];
  for (const name of problem.manual.keys()) {
    const formula = problem.symbolic.get(name);
    if (formula == null) continue;
    lines.push(`symbolic d/d${name} = ${formula} = ${tidy(point.symbolic[name]!)}`);
  }
  return lines.join('\n');
}

/** Writes the graph at `point` with the disagreeing variables highlighted. */
function writePicture(file: string, problem: Problem, point: CheckPoint): void {
  const format = formatOf(file, ['.svg', '.html']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when drawing
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const { output, variables } = parseExpression(problem.src, point.values);
  output.backward();
  const bad = point.rows.filter((row) => !row.ok);
  const note = (row: Comparison['rows'][number]) =>
    row.manual === null
      ? `autograd ${tidy(row.autograd)} ≠ numeric ${tidy(row.numeric)}`
      : `manual ${tidy(row.manual)} ≠ autograd ${tidy(row.autograd)}`;
  let content: string;
  if (format === '.html') {
    const highlights = bad.map((row) => ({
      value: variables[row.name],
      highlight: 'mismatch' as const,
      note: note(row),
    }));
    content = viz.renderHtml(output, { highlights, start: 'end' });
  } else {
    const graph = viz.toGraph(output);
    for (const row of bad)
      graph.mergeNodeAttributes(viz.valueKey(variables[row.name].id), { highlight: 'mismatch', note: note(row) });
    content = viz.renderSvg(graph);
  }
  writeAtomic(file, content);
}

/** Runs the command; returns the exit code (1 when any derivative disagrees). */
export function runCheck(
  src: string,
  options: CheckOptions,
  print: (text: string) => void,
  warn: (text: string) => void = () => undefined,
): number {
  const manual = parseManual(options.manual ?? []);
  if (manual.size === 0) {
    throw new CliError(
      'chainrule check: nothing to check. Give at least one --manual "name=formula", e.g. --manual "w=2*(i*w - y)*i".',
    );
  }
  const tol = nonNegative('--tol', options.tol, 1e-6, false);
  const count = nonNegative('--points', options.points, 0, true, MAX_POINTS);
  const seed = nonNegative('--seed', options.seed, 1, true, MAX_SEED);
  if (options.out !== undefined) {
    formatOf(options.out, ['.svg', '.html']);
    checkWritable(options.out);
  }
  const at = parseAt(options.at ?? []);
  const { variables } = parseWithAt(src, at, warn);
  const names = Object.keys(variables).filter((name) => name in at);
  for (const name of manual.keys()) {
    if (!names.includes(name)) {
      const why =
        name in variables
          ? 'is assigned a number in the expression; give it with --at instead'
          : 'is not a variable of the expression';
      throw new CliError(
        `chainrule check: --manual "${name}=...": "${name}" ${why}. Its variables are: ${names.join(', ')}.`,
      );
    }
    evaluateFormula(manual.get(name)!, at); // a bad formula is a usage error, reported with its caret
  }
  const symbolic = new Map([...manual.keys()].map((name) => [name, symbolicOrNull(src, name)]));
  const problem: Problem = { src, names, manual, symbolic, tol };

  const main = comparePoint(
    problem,
    names.map((name) => at[name]),
  );
  // Random points can leave a function's domain (log of a negative number): those are skipped.
  const finite = (point: CheckPoint) =>
    point.rows.every((row) => Number.isFinite(row.autograd) && Number.isFinite(row.numeric));
  const sampled = randomPoints(main.at, count, seed).map((point) => comparePoint(problem, point));
  const extra = sampled.filter(finite);
  const skipped = sampled.length - extra.length;
  const points = [main, ...extra];
  const ok = points.every((point) => point.ok);
  if (options.out !== undefined) writePicture(options.out, problem, main);

  if (options.json) {
    print(JSON.stringify({ ok, tol, skipped, points }));
    return ok ? EXIT.ok : EXIT.checkFailed;
  }
  const failed = extra.filter((point) => !point.ok);
  const lines = [formatPoint(main, problem)];
  if (count > 0) {
    const skippedNote = skipped > 0 ? `; ${skipped} skipped, outside the domain` : '';
    lines.push(
      `\n${extra.length - failed.length} of ${extra.length} random points agree (seed ${seed}${skippedNote}).`,
    );
    for (const point of failed.slice(0, 3)) lines.push('\n' + formatPoint(point, problem));
  }
  if (options.out !== undefined) lines.push(`\nwrote ${options.out}`);
  print(lines.join('\n'));
  return ok ? EXIT.ok : EXIT.checkFailed;
}
