/**
 * `chainrule check "<expr>" --at ... --manual "w=<formula>"`: hand-derived gradients of inputs or
 * named intermediates (`a=2*(a - y)`; formulas may use the intermediates' values) against autograd
 * and central differences (core's compareGradients and formatComparison, with the first wrong step
 * of the derivation), plus the symbolic derivative, at the point and at seeded random points; a
 * table (or JSON), a picture with -o, exit 1 on any disagreement.
 */
import { compareGradients, DEFAULT_TOLERANCES, formatComparison } from '@chainrule/core';
import type { GradientComparison, GradientRow, Tolerances, Value } from '@chainrule/core';
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
  atol?: string;
  rtol?: string;
  eps?: string;
  points?: string;
  seed?: string;
  out?: string;
  json?: boolean;
}

/** A comparison at one point, with the symbolic derivatives evaluated there. */
export interface CheckPoint extends GradientComparison {
  /** The graph compared. */
  root: Value;
  /** The point: every variable and named node by name. */
  at: Record<string, number>;
  /** The symbolic derivative's value per checked name (null when too large to simplify). */
  symbolic: Record<string, number | null>;
}

/** How many failing random points are printed in full, the worst first. */
const WORST_SHOWN = 3;

function parseManual(flags: readonly string[]): Map<string, string> {
  const manual = new Map<string, string>();
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const name = flag.slice(0, eq).trim();
    const formula = flag.slice(eq + 1).trim();
    if (eq < 0 || name === '' || formula === '') {
      throw new CliError(
        `chainrule check: --manual expects name=formula, e.g. --manual "w=2*(a - y)*i"; got "${flag}".`,
      );
    }
    if (manual.has(name))
      throw new CliError(`chainrule check: --manual gives "${name}" twice. Give one formula per name.`);
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

/** --eps, --atol, --rtol (and --tol, which sets both tolerances), defaulting to core's one set. */
function tolerancesOf(options: CheckOptions): Required<Tolerances> {
  const tol = options.tol === undefined ? undefined : nonNegative('--tol', options.tol, 0, false);
  const eps = nonNegative('--eps', options.eps, DEFAULT_TOLERANCES.eps, false);
  if (eps === 0) throw new CliError(`chainrule check: --eps must be a number > 0; got "${options.eps}".`);
  return {
    eps,
    atol: nonNegative('--atol', options.atol, tol ?? DEFAULT_TOLERANCES.atol, false),
    rtol: nonNegative('--rtol', options.rtol, tol ?? DEFAULT_TOLERANCES.rtol, false),
  };
}

/** What stays the same at every point: the formula, its inputs, the manual and symbolic formulas. */
interface Problem {
  src: string;
  /** The --at names, in the order random points vary them. */
  inputs: string[];
  /** Every variable (the --at names and the names assigned a number), as a point is printed. */
  variables: string[];
  manual: Map<string, string>;
  symbolic: Map<string, string | null>;
  tolerances: Required<Tolerances>;
}

/** The graph at `at`, and every variable and named node's value by name. */
function build(src: string, at: Record<string, number>) {
  const parsed = parseExpression(src, at);
  const nodes: Record<string, Value> = { ...parsed.variables, ...parsed.named };
  const values = Object.fromEntries(Object.entries(nodes).map(([name, v]) => [name, v.data]));
  return { ...parsed, nodes, values };
}

/** Compares at one point. */
function comparePoint(problem: Problem, at: Record<string, number>): CheckPoint {
  const { output, nodes, values } = build(problem.src, at);
  const manual = new Map<Value, number>();
  for (const [name, formula] of problem.manual) manual.set(nodes[name], evaluateFormula(formula, values));
  const comparison = compareGradients(output, manual, problem.tolerances);
  const symbolic: Record<string, number | null> = Object.create(null); // __proto__ is a name like any other
  for (const name of problem.manual.keys()) {
    const formula = problem.symbolic.get(name);
    symbolic[name] = formula == null ? null : evaluateFormula(formula, values);
  }
  return { ...comparison, root: output, at: values, symbolic };
}

/** Seeded points near `at`: each coordinate moved by up to ±max(1, |x|). */
function randomPoints(at: Record<string, number>, names: readonly string[], count: number, seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () =>
    Object.fromEntries(names.map((name) => [name, at[name] + (2 * next() - 1) * Math.max(1, Math.abs(at[name]))])),
  );
}

function describePoint(values: Record<string, number>, names: readonly string[]): string {
  return names.map((name) => `${name}=${tidy(Number(values[name].toPrecision(6)))}`).join(', ');
}

function formatPoint(point: CheckPoint, problem: Problem): string {
  const lines = [`at ${describePoint(point.at, problem.variables)}`, formatComparison(point)];
  for (const name of problem.manual.keys()) {
    const formula = problem.symbolic.get(name);
    if (formula == null) continue;
    const value = tidy(point.symbolic[name]!);
    lines.push(`symbolic d/d${name} = ${formula}${formula === value ? '' : ` = ${value}`}`);
  }
  return lines.join('\n');
}

/** How far a point's worst manual gradient is from autograd, in units of the tolerance. */
function badness(point: CheckPoint): number {
  const { atol, rtol } = point.tolerances;
  let worst = 0;
  for (const r of point.rows) {
    if (r.manual === null) continue;
    const excess = Math.abs(r.manual - r.autograd) / (atol + rtol * Math.abs(r.autograd));
    worst = Math.max(worst, Number.isNaN(excess) ? Infinity : excess);
  }
  return worst;
}

/** The JSON of a point: the rows without their Values. */
function pointJson(point: CheckPoint) {
  const rows = point.rows.map(({ node: _node, consumers, ...row }) => ({
    ...row,
    consumers: consumers.map((c) => point.rows.find((r) => r.node === c)!.name),
  }));
  return {
    ok: point.ok,
    value: point.value,
    at: point.at,
    rows,
    firstWrong: point.firstWrong?.name ?? null,
    kinks: point.kinks.map((k) => k.text),
    symbolic: point.symbolic,
  };
}

/** Writes the graph at `point` with the first wrong step ringed and the other disagreeing nodes highlighted. */
function writePicture(file: string, point: CheckPoint): void {
  const format = formatOf(file, ['.svg', '.html']);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when drawing
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const root = point.root;
  root.backward();
  const note = (row: GradientRow) =>
    row.manual === null
      ? `autograd ${tidy(row.autograd)} ≠ numeric ${tidy(row.numeric)}`
      : `manual ${tidy(row.manual)} ≠ autograd ${tidy(row.autograd)}`;
  const first = point.firstWrong;
  const mistake = first
    ? { node: first.node, downstream: point.downstream, note: `first wrong step: ${note(first)}` }
    : undefined;
  // Wrong rows under the first wrong step are ringed as downstream of it; other wrong rows as mismatches.
  const under = new Set(point.downstream);
  const bad = point.rows.filter((row) => !row.ok && row !== first && !(row.step === 'carried' && under.has(row.node)));
  let content: string;
  if (format === '.html') {
    const highlights = bad.map((row) => ({ value: row.node, highlight: 'mismatch' as const, note: note(row) }));
    content = viz.renderHtml(root, { highlights, mistake, start: 'end' });
  } else {
    const graph = viz.toGraph(root);
    for (const row of bad)
      graph.mergeNodeAttributes(viz.valueKey(row.node.id), { highlight: 'mismatch', note: note(row) });
    content = viz.renderSvg(graph, { mistake });
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
      'chainrule check: nothing to check. Give at least one --manual "name=formula", e.g. --manual "w=2*(a - y)*i".',
    );
  }
  const tolerances = tolerancesOf(options);
  const count = nonNegative('--points', options.points, 0, true, MAX_POINTS);
  const seed = nonNegative('--seed', options.seed, 1, true, MAX_SEED);
  if (options.out !== undefined) {
    formatOf(options.out, ['.svg', '.html']);
    checkWritable(options.out);
  }
  const at = parseAt(options.at ?? []);
  parseWithAt(src, at, warn); // a warning for --at values the formula does not use
  const { nodes, values, variables } = build(src, at);
  for (const name of manual.keys()) {
    if (!Object.prototype.hasOwnProperty.call(nodes, name)) {
      const named = Object.keys(nodes).filter((n) => !(n in variables));
      throw new CliError(
        `chainrule check: --manual "${name}=...": "${name}" is not a variable or a named node of the expression. ` +
          `Its variables are: ${Object.keys(variables).join(', ') || '(none)'}${named.length > 0 ? `; its named nodes: ${named.join(', ')}` : ''}.`,
      );
    }
    evaluateFormula(manual.get(name)!, values); // a bad formula is a usage error, reported with its caret
  }
  const names = [...manual.keys()];
  names.forEach((name, k) => {
    const same = names.slice(0, k).find((other) => nodes[other] === nodes[name]);
    if (same !== undefined) {
      throw new CliError(
        `chainrule check: --manual "${same}=..." and --manual "${name}=..." name the same node (one is assigned the other). Give one of them.`,
      );
    }
  });
  const symbolic = new Map([...manual.keys()].map((name) => [name, symbolicOrNull(src, name)]));
  const inputs = Object.keys(variables).filter((name) => name in at);
  const problem: Problem = { src, inputs, variables: Object.keys(variables), manual, symbolic, tolerances };

  const main = comparePoint(problem, at);
  // Random points can leave a function's domain (log of a negative number): those are skipped.
  const finite = (point: CheckPoint) =>
    point.rows.every((row) => Number.isFinite(row.autograd) && Number.isFinite(row.numeric));
  const sampled = randomPoints(at, inputs, count, seed).map((point) => comparePoint(problem, point));
  const extra = sampled.filter(finite);
  const skipped = sampled.length - extra.length;
  const ok = main.ok && extra.every((point) => point.ok);
  if (options.out !== undefined) writePicture(options.out, main);

  if (options.json) {
    const points = [main, ...extra].map(pointJson);
    print(JSON.stringify({ ok, tolerances, seed, skipped, points }));
    return ok ? EXIT.ok : EXIT.checkFailed;
  }
  const lines = [formatPoint(main, problem)];
  if (count > 0) {
    const failed = extra.filter((point) => !point.ok).sort((p, q) => badness(q) - badness(p));
    const skippedNote = skipped > 0 ? `; ${skipped} skipped, outside the domain` : '';
    const verdict =
      failed.length === 0
        ? `all ${extra.length} random points agree`
        : `${failed.length} of ${extra.length} random points disagree`;
    const worst = failed.length > WORST_SHOWN ? `; the worst ${WORST_SHOWN}:` : failed.length > 0 ? ':' : '.';
    lines.push(`\n${verdict} (seed ${seed}${skippedNote})${worst}`);
    for (const point of failed.slice(0, WORST_SHOWN)) lines.push('\n' + formatPoint(point, problem));
  }
  if (options.out !== undefined) lines.push(`\nwrote ${options.out}`);
  print(lines.join('\n'));
  return ok ? EXIT.ok : EXIT.checkFailed;
}
