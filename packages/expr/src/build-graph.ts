/**
 * buildGraph: a checked program to a chainrule Value graph. Variables become labelled leaves,
 * `name = ...` labels the node it names, and the last statement is the output. The walk is
 * iterative (post-order with an explicit stack), so long chains do not grow the call stack.
 */
import { constant, Value } from '@chainrule/core';
import { ExpressionError } from './expression-error';
import { lookAlikeNote } from './look-alikes';
import type { ExprNode, Program } from './program';
import { applyFunction, CONSTANTS, isFunctionName } from './vocabulary';

/** What buildGraph returns: the output node, the input leaves and the named intermediate nodes. */
export interface BuiltGraph {
  output: Value;
  /** Leaves by name: the inputs given values, and names assigned a plain number (`w = 0.8`). */
  variables: Record<string, Value>;
  /** Every assigned name and the node it refers to. */
  named: Record<string, Value>;
}

/** Extra functions evaluated on the numbers only (their result is a constant node). */
export type NumericFunctions = Readonly<Record<string, (x: number) => number>>;

/** Builds the Value graph of `program` with `values` for its inputs. */
export function buildGraph(
  program: Program,
  values: Readonly<Record<string, number | Value>>,
  numericFunctions: NumericFunctions = {},
): BuiltGraph {
  const env = new Map<string, Value>();
  const variables: Record<string, Value> = Object.create(null);
  const named: Record<string, Value> = Object.create(null);

  for (const [name, position] of program.inputs) {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new ExpressionError(
        'missing-value',
        `no value for "${name}"${lookAlikeNote(name)}`,
        `Give it one, e.g. { ${JSON.stringify(name)}: 1 } (on the command line: --at ${name}=1).`,
        program.source,
        position,
      );
    }
    const given = values[name];
    const leaf = given instanceof Value ? given : new Value(given, name);
    env.set(name, leaf);
    variables[name] = leaf;
  }

  let output: Value | null = null;
  for (const statement of program.statements) {
    let result: Value;
    if (statement.name !== null && statement.literal !== null) {
      result = new Value(statement.literal, statement.name);
      variables[statement.name] = result;
    } else {
      result = buildTree(statement.expr, env, program, numericFunctions);
      if (statement.name !== null && !result.isLeaf) result.label = statement.name;
    }
    if (statement.name !== null) {
      env.set(statement.name, result);
      named[statement.name] = result;
    }
    output = result;
  }
  return { output: output!, variables, named };
}

const BINARY: Readonly<Record<string, (a: Value, b: Value) => Value>> = {
  add: (a, b) => a.add(b),
  subtract: (a, b) => a.sub(b),
  multiply: (a, b) => a.mul(b),
  divide: (a, b) => a.div(b),
  pow: (a, b) => a.pow(b),
};

/** Post-order, iterative: a node is built once all its children are on the results stack. */
function buildTree(
  tree: ExprNode,
  env: Map<string, Value>,
  program: Program,
  numericFunctions: NumericFunctions,
): Value {
  const results: Value[] = [];
  const stack: { node: ExprNode; expanded: boolean }[] = [{ node: tree, expanded: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const node = frame.node;
    if (!frame.expanded) {
      frame.expanded = true;
      const children = childrenOf(node);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], expanded: false });
      if (children.length > 0) continue;
    }
    stack.pop();
    results.push(buildNode(node, results, env, program, numericFunctions));
  }
  return results[0];
}

function childrenOf(node: ExprNode): ExprNode[] {
  if (node.type === 'ParenthesisNode') return [node.content!];
  if (node.type === 'OperatorNode' || node.type === 'FunctionNode') return node.args!;
  return [];
}

function buildNode(
  node: ExprNode,
  results: Value[],
  env: Map<string, Value>,
  program: Program,
  numericFunctions: NumericFunctions,
): Value {
  switch (node.type) {
    case 'ConstantNode':
      return constant(node.value as number);
    case 'SymbolNode': {
      const name = node.name!;
      const bound = env.get(name);
      if (bound) return bound;
      const c = constant(CONSTANTS[name]);
      c.label = name;
      return c;
    }
    case 'ParenthesisNode':
      return results.pop()!;
    case 'OperatorNode': {
      const fn = node.fn as string;
      if (fn === 'unaryPlus') return results.pop()!;
      if (fn === 'unaryMinus') {
        const x = results.pop()!;
        return x.isConstant ? constant(-x.data) : x.neg();
      }
      const b = results.pop()!;
      const a = results.pop()!;
      return BINARY[fn](a, b);
    }
    case 'FunctionNode': {
      const name = (node.fn as ExprNode).name!;
      const x = results.pop()!;
      if (isFunctionName(name)) return applyFunction(name, x);
      return constant(numericFunctions[name](x.data));
    }
    default:
      throw new ExpressionError(
        'unsupported',
        `${node.type} is not supported`,
        'Simplify the formula.',
        program.source,
        -1,
      );
  }
}
