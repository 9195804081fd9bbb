/**
 * `chainrule grad "<expr>" --at x=3,y=2`: the value, each gradient by autograd, the symbolic
 * derivative and a central-difference estimate; `--json` prints
 * {"value", "gradients", "symbolic"} only.
 */
import { ExpressionError, numericGradient, parseExpression, symbolicDerivative } from '@chainrule/expr';
import { parseAt } from '../at-values';
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
export function runGrad(src: string, options: GradOptions, print: (text: string) => void): number {
  const at = parseAt(options.at ?? []);
  const { output, variables } = parseExpression(src, at);
  output.backward();
  const names = Object.keys(variables);
  const gradients: Record<string, number> = {};
  const symbolic: Record<string, string | null> = {};
  for (const name of names) {
    gradients[name] = variables[name].grad;
    symbolic[name] = symbolicOrNull(src, name);
  }
  if (options.json) {
    print(JSON.stringify({ value: output.data, gradients, symbolic }));
    return EXIT.ok;
  }
  const numeric = numericGradient(src, at);
  const point = Object.keys(at)
    .map((name) => `${name} = ${tidy(at[name])}`)
    .join(', ');
  const rows = [['', 'autograd', 'numeric', 'symbolic']];
  for (const name of names) {
    const estimate = name in numeric ? tidy(Number(numeric[name].toPrecision(8))) : '-';
    rows.push([`d/d${name}`, tidy(gradients[name]), estimate, symbolic[name] ?? '(too large to simplify)']);
  }
  const gradientTable = names.length > 0 ? table(rows) : '(no variables to differentiate)';
  print(`${src.trim()}${point ? `  at ${point}` : ''}\nvalue  ${tidy(output.data)}\n\n${gradientTable}`);
  return EXIT.ok;
}
