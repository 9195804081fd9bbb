/**
 * `chainrule grad "<expr>" --at x=3,y=2`: the value, each gradient by autograd, the symbolic
 * derivative and a central-difference estimate; `--json` prints
 * {"value", "gradients", "symbolic"} only.
 */
import { ExpressionError, numericGradient, symbolicDerivative } from '@chainrule/expr';
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
  const numeric = new Map(Object.entries(numericGradient(src, at)));
  const point = Object.keys(at)
    .map((name) => `${name} = ${tidy(at[name])}`)
    .join(', ');
  const rows = [['', 'autograd', 'numeric', 'symbolic']];
  for (const name of names) {
    const estimate = numeric.has(name) ? tidy(Number(numeric.get(name)!.toPrecision(8))) : '-';
    rows.push([`d/d${name}`, tidy(gradients[name]), estimate, symbolic[name] ?? '(too large to simplify)']);
  }
  const gradientTable = names.length > 0 ? table(rows) : '(no variables to differentiate)';
  print(`${src.trim()}${point ? `  at ${point}` : ''}\nvalue  ${tidy(output.data)}\n\n${gradientTable}`);
  return EXIT.ok;
}
