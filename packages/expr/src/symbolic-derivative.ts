/**
 * symbolicDerivative: the derivative of a math string as a simplified formula, what one would
 * derive by hand, printed next to autograd. mathjs's derivative and simplify do the algebra;
 * relu, sigmoid and tanh stand in as symbols during it and their rules are applied by the chain
 * rule here, so the result reads `sigmoid(x) * (1 - sigmoid(x))` rather than an exp tower.
 */
import type { MathNode } from 'mathjs';
import { ExpressionError } from './expression-error';
import { MAX_SYMBOLIC_NODES } from './limits';
import { math } from './math';
import { parseProgram } from './program';
import { tidyFormula } from './tidy-formula';
import type { ExprNode, Program } from './program';

/** Functions whose derivative is applied here: each becomes a placeholder symbol during the algebra. */
type Stand = 'relu' | 'sigmoid' | 'tanh' | 'step';

interface Placeholder {
  kind: Stand;
  /** The function's argument, already rewritten. */
  inner: ExprNode;
}

/**
 * The derivative of `src` with respect to `name`, simplified, as a formula string.
 *
 * Assignments are inlined first (`a = i*w; C = (a - y)^2` is differentiated as `(i*w - y)^2`),
 * except the one `name` assigns: differentiating by an intermediate treats it as a variable of the
 * formula downstream of it, so `symbolicDerivative('a = i*w; C = (a - y)^2', 'a')` is
 * `2 * (a - y)`, the gradient backward leaves on the node `a` (evaluate it with a's value).
 * relu'(u) is written `step(u)` (1 for u > 0, else 0, the value autograd uses), sigmoid'(u) as
 * `sigmoid(u) * (1 - sigmoid(u))`, tanh'(u) as `1 - tanh(u) ^ 2`; evaluateFormula reads them all.
 *
 * @param src - the formula, as for parseExpression; at most MAX_SYMBOLIC_NODES nodes once inlined.
 * @param name - the variable to differentiate by: an input of the formula, a name assigned a
 *   number, or an intermediate (a name assigned a formula).
 * @throws ExpressionError for anything parseExpression rejects, for an unknown `name`, and for
 *   formulas too large to simplify.
 * @example
 * symbolicDerivative('a = i*w; C = (a - y)^2', 'w'); // '2 * i * (i * w - y)'
 */
export function symbolicDerivative(src: string, name: string): string {
  const program = parseProgram(src);
  checkTarget(program, name);
  checkSize(program);
  const M = math();
  const placeholders = new Map<string, Placeholder>();
  const taken = new Set<string>([...program.inputs.keys(), ...program.statements.map((s) => s.name ?? '')]);
  let counter = 0;
  const fresh = (kind: Stand, inner: ExprNode): ExprNode => {
    let id: string;
    do id = `${kind}_${++counter}_`;
    while (taken.has(id));
    placeholders.set(id, { kind, inner });
    return new M.SymbolNode(id) as unknown as ExprNode;
  };

  const rewrite = (node: ExprNode): ExprNode => {
    const mapped = (node as unknown as MathNode).map(
      (child) => rewrite(child as unknown as ExprNode) as unknown as MathNode,
    ) as unknown as ExprNode;
    if (mapped.type !== 'FunctionNode') return mapped;
    const fname = (mapped.fn as ExprNode).name!;
    const arg = mapped.args![0];
    if (fname === 'square') {
      return new M.OperatorNode('^', 'pow', [
        new M.ParenthesisNode(arg as unknown as MathNode),
        new M.ConstantNode(2),
      ]) as unknown as ExprNode;
    }
    if (fname === 'relu' || fname === 'sigmoid' || fname === 'tanh') return fresh(fname, arg);
    return mapped;
  };

  const output = rewrite(inlineAssignments(program, name));
  const memo = new Map<string, MathNode>();
  const total = (expr: ExprNode): MathNode => {
    const terms: MathNode[] = [M.derivative(expr as unknown as MathNode, name, { simplify: false })];
    for (const id of placeholdersIn(expr, placeholders)) {
      let innerDerivative = memo.get(id);
      if (!innerDerivative) {
        innerDerivative = tidyFormula(total(placeholders.get(id)!.inner));
        memo.set(id, innerDerivative);
      }
      // A function of other variables only: nothing flows through it (and skipping it keeps
      // sums of many activations linear).
      if (innerDerivative.type === 'ConstantNode' && (innerDerivative as unknown as ExprNode).value === 0) continue;
      const outer = M.derivative(expr as unknown as MathNode, id, { simplify: false });
      terms.push(product([outer, localDerivative(id), innerDerivative]));
    }
    return terms.reduce((a, b) => new M.OperatorNode('+', 'add', [a, b]));
  };
  const product = (factors: MathNode[]): MathNode =>
    factors
      .map((f) => new M.ParenthesisNode(f) as MathNode)
      .reduce((a, b) => new M.OperatorNode('*', 'multiply', [a, b]));
  const localDerivative = (id: string): MathNode => {
    const { kind, inner } = placeholders.get(id)!;
    if (kind === 'relu') return fresh('step', inner) as unknown as MathNode;
    if (kind === 'sigmoid') return M.parse(`${id} * (1 - ${id})`);
    return M.parse(`1 - ${id} ^ 2`);
  };

  try {
    const tidy = tidyFormula(total(output));
    const simplified = (countNodes(tidy) <= MAX_RULE_NODES
      ? M.simplify(tidy, simplifyRules(), new Map(), { exactFractions: false })
      : tidy) as unknown as ExprNode;
    // Folding can overflow (10^400) or divide by zero (x/0) into Infinity or NaN, which no formula
    // may contain as a literal: the unfolded form computes the same number from finite literals.
    const printable = hasNonFinite(simplified) ? (tidy as unknown as ExprNode) : simplified;
    return restore(printable, placeholders).toString({ parenthesis: 'auto', implicit: 'show' });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ExpressionError(
        'too-deep',
        'the formula is nested too deeply to differentiate symbolically',
        'Use autograd (parseExpression and backward) instead.',
        src,
        -1,
      );
    }
    throw error;
  }
}

/**
 * Largest tidied derivative given to mathjs's rule-based simplify: its matching grows exponentially
 * with the length of sums, so larger results are printed as tidied only.
 */
const MAX_RULE_NODES = 24;

function countNodes(root: MathNode): number {
  let count = 0;
  root.traverse(() => count++);
  return count;
}

/**
 * A short rule list instead of simplify's default one: it clears what derivative leaves behind
 * (`* 1`, `+ 0`, `^ (2 - 1)`, double negations, `x * (1 / y)`), folds constants and collects like terms, without
 * expanding products, so results read as derived by hand (`2 * i * (i * w - y)`), and it runs in
 * milliseconds where the default rules take a few hundred.
 */
function simplifyRules(): (string | ((node: MathNode) => MathNode))[] {
  const M = math();
  return [
    M.simplifyCore,
    'n1 * -n2 -> -(n1 * n2)',
    '-n1 * n2 -> -(n1 * n2)',
    '-(-n) -> n',
    '-(-n1 / n2) -> n1 / n2',
    'n + n -> 2 * n',
    'n * n -> n ^ 2',
    'c1 * n + n -> (c1 + 1) * n',
    'n + c1 * n -> (c1 + 1) * n',
    'c1 * n + c2 * n -> (c1 + c2) * n',
    M.simplifyConstant,
    M.simplifyCore,
    'n1 * (1 / n2) -> n1 / n2',
    '-(n1 / n2) -> -n1 / n2',
  ];
}

function checkTarget(program: Program, name: string): void {
  const literals = program.statements.filter((s) => s.literal !== null).map((s) => s.name!);
  const intermediates = program.statements.filter((s) => s.literal === null && s.name !== null).map((s) => s.name!);
  if (program.inputs.has(name) || literals.includes(name) || intermediates.includes(name)) return;
  const variables = [...program.inputs.keys(), ...literals];
  const known = variables.length > 0 ? `Its variables are: ${variables.join(', ')}` : 'The expression has no variables';
  throw new ExpressionError(
    'unknown-variable',
    `cannot differentiate by "${name}": the expression has no such variable`,
    intermediates.length > 0 ? `${known}; its named nodes: ${intermediates.join(', ')}.` : `${known}.`,
    program.source,
    -1,
  );
}

/** Rejects formulas whose inlined tree would exceed MAX_SYMBOLIC_NODES (counted without building it). */
function checkSize(program: Program): void {
  const sizes = new Map<string, number>();
  for (const statement of program.statements) {
    let size = 0;
    const stack: ExprNode[] = [statement.expr];
    while (stack.length > 0) {
      const node = stack.pop()!;
      size += node.type === 'SymbolNode' && sizes.has(node.name!) ? sizes.get(node.name!)! : 1;
      if (node.content) stack.push(node.content);
      if (node.args) for (const arg of node.args) stack.push(arg);
    }
    if (size > MAX_SYMBOLIC_NODES) {
      throw new ExpressionError(
        'too-large',
        `the formula has ${size} nodes once assignments are inlined, over the symbolic limit of ${MAX_SYMBOLIC_NODES}`,
        'Use autograd (parseExpression and backward) for large formulas.',
        program.source,
        statement.position,
      );
    }
    if (statement.name !== null && statement.literal === null) sizes.set(statement.name, size);
  }
}

/**
 * The output statement with every assigned name replaced by its formula, except number-valued
 * names and `keep` (the intermediate differentiated by), which stay symbols.
 */
function inlineAssignments(program: Program, keep: string): ExprNode {
  const M = math();
  const env = new Map<string, ExprNode>();
  let output: ExprNode | null = null;
  for (const statement of program.statements) {
    let expr: ExprNode;
    if (statement.literal !== null || statement.name === keep) {
      expr = new M.SymbolNode(statement.name!) as unknown as ExprNode;
    } else {
      expr = (statement.expr as unknown as MathNode).transform((node) =>
        node.type === 'SymbolNode' && env.has((node as unknown as ExprNode).name!)
          ? new M.ParenthesisNode(env.get((node as unknown as ExprNode).name!) as unknown as MathNode)
          : node,
      ) as unknown as ExprNode;
      if (statement.name !== null) env.set(statement.name, expr);
    }
    output = expr;
  }
  return output!;
}

function placeholdersIn(expr: ExprNode, placeholders: Map<string, Placeholder>): string[] {
  const found = new Set<string>();
  (expr as unknown as MathNode).traverse((node) => {
    const id = (node as unknown as ExprNode).name;
    if (node.type === 'SymbolNode' && id !== undefined && placeholders.has(id)) found.add(id);
  });
  return [...found];
}

/** Whether `root` holds an infinite or NaN constant. */
function hasNonFinite(root: ExprNode): boolean {
  const found = (root as unknown as MathNode).filter(
    (node) => node.type === 'ConstantNode' && !Number.isFinite((node as unknown as ExprNode).value as number),
  );
  return found.length > 0;
}

/** Puts the functions back where their placeholders stand. */
function restore(node: ExprNode, placeholders: Map<string, Placeholder>): ExprNode {
  const M = math();
  return (node as unknown as MathNode).transform((child) => {
    const id = (child as unknown as ExprNode).name;
    const placeholder = child.type === 'SymbolNode' && id !== undefined ? placeholders.get(id) : undefined;
    if (!placeholder) return child;
    const inner = restore(placeholder.inner, placeholders) as unknown as MathNode;
    return new M.FunctionNode(new M.SymbolNode(placeholder.kind), [inner]);
  }) as unknown as ExprNode;
}
