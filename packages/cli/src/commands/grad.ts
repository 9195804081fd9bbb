/**
 * `chainrule grad "<expr>" --at x=3,y=2`: the value, each gradient by autograd, a central-difference
 * estimate and whether the two agree (core's compareGradients with its default tolerances, kinks
 * and singularities said so), and the symbolic derivative; `--json` prints
 * {"value", "gradients", "symbolic"} only.
 */
import {
  agreementSentence,
  COMPARE_GRADIENTS_LIMIT,
  compareGradients,
  formatTolerances,
  kinksAt,
  topoSort,
} from '@chainrule/core';
import type { Value } from '@chainrule/core';
import { ExpressionError, symbolicDerivative } from '@chainrule/expr';
import { parseAt, parseWithAt } from '../at-values';
import { EXIT } from '../cli-error';
import { table, tidy } from '../format';

export interface GradOptions {
  at?: string[];
  json?: boolean;
}

/** The symbolic derivative, or null when the formula is too large or deep to simplify. */
export function symbolicOrNull(src: string, name: string): string | null {
  try {
    return symbolicDerivative(src, name);
  } catch (error) {
    if (error instanceof ExpressionError && (error.kind === 'too-large' || error.kind === 'too-deep')) return null;
    throw error;
  }
}

/** Runs the command; returns the exit code. */
export function runGrad(
  src: string,
  options: GradOptions,
  print: (text: string) => void,
  warn: (text: string) => void = () => undefined,
): number {
  const at = parseAt(options.at ?? []);
  const { output, variables } = parseWithAt(src, at, warn);
  output.backward();
  const names = Object.keys(variables);
  // Built from entries, so a variable called __proto__ is a key like any other.
  const gradients: Record<string, number> = Object.fromEntries(names.map((name) => [name, variables[name].grad]));
  const symbolic: Record<string, string | null> = Object.fromEntries(
    names.map((name) => [name, symbolicOrNull(src, name)]),
  );
  if (options.json) {
    print(JSON.stringify({ value: output.data, gradients, symbolic }));
    return EXIT.ok;
  }
  // Each variable's numeric estimate re-runs the graph: past core's bound on that work, none is made.
  const size = topoSort(output).length;
  const check =
    names.length * size <= COMPARE_GRADIENTS_LIMIT
      ? compareGradients(output, new Map<Value, null>(names.map((name) => [variables[name], null])))
      : null;
  const byNode = new Map((check?.rows ?? []).map((row) => [row.node, row]));
  const point = Object.keys(at)
    .map((name) => `${name} = ${tidy(at[name])}`)
    .join(', ');
  const rows = [['', 'autograd', 'numeric', 'agree', 'symbolic']];
  const notes: string[] = [];
  for (const name of names) {
    const row = byNode.get(variables[name]);
    const agree = row === undefined ? '–' : row.autogradVsNumeric === null ? '?' : row.autogradVsNumeric ? '✓' : '✗';
    const estimate = row === undefined ? '–' : tidy(Number(row.numeric.toPrecision(8)));
    rows.push([`d/d${name}`, tidy(gradients[name]), estimate, agree, symbolic[name] ?? '(too large to simplify)']);
    const remark = row === undefined ? null : agreementSentence({ ...row, name: `d/d${name}` });
    if (remark !== null) notes.push(remark);
  }
  for (const kink of check?.kinks ?? kinksAt(output)) notes.push(kink.text);
  if (check !== null && names.length > 0)
    notes.push(`agree: autograd against central differences (${formatTolerances(check.tolerances)})`);
  if (check === null) {
    notes.push(
      `numeric: not estimated, ${names.length} variables × ${size} nodes is over the ${COMPARE_GRADIENTS_LIMIT} node evaluations a check may take`,
    );
  }
  const gradientTable = names.length > 0 ? table(rows) : '(no variables to differentiate)';
  const text = [
    `${src.trim()}${point ? `  at ${point}` : ''}`,
    `value  ${tidy(output.data)}`,
    '',
    gradientTable,
    ...notes,
  ];
  print(text.join('\n'));
  return EXIT.ok;
}
