/**
 * tidyFormula: a linear-time clean-up of what mathjs's derivative leaves behind: `+ 0`, `* 1`,
 * `* 0`, `^ 1`, `--x`, `(x)`, and arithmetic on two numbers. mathjs's simplifyCore does this too
 * but takes exponential time on long sums (20 terms: seconds; 24 terms: a minute), so this pass
 * runs first and the full rule set only on small results. Iterative, bottom-up.
 */
import type { MathNode } from 'mathjs';
import { math } from './math';
import type { ExprNode } from './program';

const FOLD: Readonly<Record<string, (a: number, b: number) => number>> = {
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  pow: (a, b) => a ** b,
};

function numberOf(node: ExprNode): number | null {
  return node.type === 'ConstantNode' && typeof node.value === 'number' ? node.value : null;
}

/** The tidied formula (a new tree; the input is not changed). */
export function tidyFormula(root: MathNode): MathNode {
  const M = math();
  const constant = (x: number): ExprNode => new M.ConstantNode(x) as unknown as ExprNode;
  const operator = (op: string, fn: string, args: ExprNode[]): ExprNode =>
    new M.OperatorNode(op as never, fn as never, args as unknown as MathNode[]) as unknown as ExprNode;
  const negate = (x: ExprNode): ExprNode => {
    const c = numberOf(x);
    if (c !== null) return constant(-c);
    if (x.type === 'OperatorNode' && x.fn === 'unaryMinus') return x.args![0];
    return operator('-', 'unaryMinus', [x]);
  };

  const rebuild = (node: ExprNode, args: ExprNode[]): ExprNode => {
    if (node.type === 'ParenthesisNode') return args[0];
    if (node.type === 'FunctionNode')
      return new M.FunctionNode(node.fn as never, args as unknown as MathNode[]) as unknown as ExprNode;
    if (node.type !== 'OperatorNode') return node;
    const fn = node.fn as string;
    if (fn === 'unaryPlus') return args[0];
    if (fn === 'unaryMinus') return negate(args[0]);
    const [a, b] = args;
    const ca = numberOf(a);
    const cb = numberOf(b);
    // Constants fold unless that overflows or divides by zero: Infinity is no literal a formula may hold.
    if (ca !== null && cb !== null && FOLD[fn] && Number.isFinite(FOLD[fn](ca, cb))) return constant(FOLD[fn](ca, cb));
    switch (fn) {
      case 'add':
        if (ca === 0) return b;
        if (cb === 0) return a;
        if (b.type === 'OperatorNode' && b.fn === 'unaryMinus') return operator('-', 'subtract', [a, b.args![0]]);
        break;
      case 'subtract':
        if (cb === 0) return a;
        if (ca === 0) return negate(b);
        if (b.type === 'OperatorNode' && b.fn === 'unaryMinus') return operator('+', 'add', [a, b.args![0]]);
        break;
      case 'multiply':
        if (ca === 0 || cb === 0) return constant(0);
        if (ca === 1) return b;
        if (cb === 1) return a;
        if (ca === -1) return negate(b);
        if (cb === -1) return negate(a);
        if (a.type === 'OperatorNode' && a.fn === 'unaryMinus')
          return negate(operator('*', 'multiply', [a.args![0], b]));
        if (b.type === 'OperatorNode' && b.fn === 'unaryMinus')
          return negate(operator('*', 'multiply', [a, b.args![0]]));
        if (cb !== null) return operator('*', 'multiply', [b, a]); // numbers first: 2 * x
        break;
      case 'divide':
        if (ca === 0) return constant(0);
        if (cb === 1) return a;
        break;
      case 'pow':
        if (cb === 0) return constant(1);
        if (cb === 1) return a;
        break;
    }
    return operator(node.op!, fn, [a, b]);
  };

  // Post-order with an explicit stack: a node is rebuilt once its children are.
  const results: ExprNode[] = [];
  const stack: { node: ExprNode; expanded: boolean }[] = [{ node: root as unknown as ExprNode, expanded: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const children = frame.node.type === 'ParenthesisNode' ? [frame.node.content!] : (frame.node.args ?? []);
    if (!frame.expanded && children.length > 0) {
      frame.expanded = true;
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], expanded: false });
      continue;
    }
    stack.pop();
    const args = results.splice(results.length - children.length, children.length);
    results.push(rebuild(frame.node, args));
  }
  return results[0] as unknown as MathNode;
}
