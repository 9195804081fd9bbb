/**
 * parseProgram: a math string to checked mathjs statements. It runs the prescan guard, parses with
 * mathjs (parse only), then walks every tree once, iteratively, rejecting what chainrule does not
 * support and recording where each name sits in the source so later errors can point at it.
 */
import { ExpressionError } from './expression-error';
import { math } from './math';
import { prescan } from './prescan';
import type { NameToken } from './prescan';
import { CONSTANTS, FUNCTIONS, isConstantName, isFunctionName } from './vocabulary';

/** The parts of a mathjs node this package reads. */
export interface ExprNode {
  type: string;
  name?: string;
  value?: unknown;
  fn?: ExprNode | string;
  op?: string;
  args?: ExprNode[];
  content?: ExprNode;
  object?: ExprNode;
  blocks?: { node: ExprNode }[];
  toString(options?: object): string;
}

/** One statement: `name = expr`, or a bare `expr` (name null; only the last statement). */
export interface Statement {
  name: string | null;
  /** 0-based position of the assigned name, or of the statement's first name. */
  position: number;
  expr: ExprNode;
  /** For `name = <number>`: the number (such a name is a variable, not an intermediate node). */
  literal: number | null;
}

/** A checked program: its statements, its inputs and where each name node sits. */
export interface Program {
  source: string;
  statements: Statement[];
  /** Free variables in order of first use, with the position of that use. */
  inputs: Map<string, number>;
  /** Source position of each SymbolNode and FunctionNode. */
  positions: Map<ExprNode, number>;
}

/** The binary and unary operators accepted, by mathjs function name. */
export const OPERATORS: ReadonlySet<string> = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
]);

const UNSUPPORTED_NODES: Readonly<Record<string, string>> = {
  FunctionAssignmentNode: 'function definitions are not supported',
  ArrayNode: 'matrices are not supported',
  RangeNode: 'ranges are not supported',
  AccessorNode: 'property access is not supported',
  IndexNode: 'indexing is not supported',
  ObjectNode: 'objects are not supported',
  ConditionalNode: 'conditionals are not supported',
  RelationalNode: 'comparisons are not supported',
  BlockNode: 'nested blocks are not supported',
  AssignmentNode: 'an assignment can only start a statement',
};

/** Finds names in source order, so each name node gets the position it was written at. */
class NameCursor {
  private next = 0;
  constructor(private readonly names: NameToken[]) {}

  /** The position of the next occurrence of `name`, or -1 if it cannot be found. */
  take(name: string): number {
    for (let i = this.next; i < this.names.length; i++) {
      if (this.names[i].name === name) {
        this.next = i + 1;
        return this.names[i].start;
      }
    }
    return -1;
  }

  /** The position of the next name, whatever it is (for errors about a construct), or -1. */
  peek(): number {
    return this.next < this.names.length ? this.names[this.next].start : -1;
  }
}

const NO_EXTRA: ReadonlySet<string> = new Set();

/**
 * Recently parsed programs, so asking for several derivatives of one formula parses it once.
 * Programs are never modified after parsing (the builders and the symbolic code only read them).
 */
const recent = new Map<string, Program>();
const RECENT_LIMIT = 8;

/** Parses and checks `source` (remembering the last few); throws an ExpressionError at the first problem. */
export function parseProgram(source: string, extraFunctions: ReadonlySet<string> = NO_EXTRA): Program {
  const key = `${[...extraFunctions].join(',')}\u0000${source}`;
  const known = recent.get(key);
  if (known) return known;
  const program = parseUncached(source, extraFunctions);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, program);
  return program;
}

function parseUncached(source: string, extraFunctions: ReadonlySet<string>): Program {
  const names = prescan(source);
  const root = parseWithMathjs(source);
  const trees = root.type === 'BlockNode' ? root.blocks!.map((block) => block.node) : [root];
  const nonEmpty = trees.filter((tree) => !(tree.type === 'ConstantNode' && tree.value === undefined));
  if (nonEmpty.length === 0) {
    throw new ExpressionError(
      'empty',
      'the expression is empty',
      'Write a formula, for example "x^2 + 3*x".',
      source,
      -1,
    );
  }

  const assignedAnywhere = new Set<string>();
  for (const tree of nonEmpty) {
    if (tree.type === 'AssignmentNode' && tree.object?.type === 'SymbolNode') assignedAnywhere.add(tree.object.name!);
  }

  const cursor = new NameCursor(names);
  const positions = new Map<ExprNode, number>();
  const inputs = new Map<string, number>();
  const assigned = new Set<string>();
  const statements: Statement[] = [];

  nonEmpty.forEach((tree, index) => {
    const isLast = index === nonEmpty.length - 1;
    const start = cursor.peek();
    let name: string | null = null;
    let position = start;
    let expr = tree;
    if (tree.type === 'AssignmentNode') {
      if (tree.object?.type !== 'SymbolNode') {
        throw new ExpressionError(
          'unsupported',
          'only a plain name can be assigned',
          'Write "name = expression".',
          source,
          start,
        );
      }
      name = tree.object.name!;
      position = cursor.take(name);
      checkAssignable(name, source, position, assigned);
      expr = tree.value as ExprNode;
    } else if (!isLast) {
      throw new ExpressionError(
        'syntax',
        'only the last statement can be a bare expression',
        'Name this one ("a = ...") or remove it.',
        source,
        start,
      );
    }
    checkTree(expr, { source, cursor, positions, inputs, assigned, assignedAnywhere, extraFunctions });
    if (name !== null) assigned.add(name);
    statements.push({ name, position, expr, literal: literalNumber(expr) });
  });
  return { source, statements, inputs, positions };
}

/** mathjs's parse, with its errors turned into ExpressionErrors at the right place. */
function parseWithMathjs(source: string): ExprNode {
  try {
    return math().parse(source) as unknown as ExprNode;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ExpressionError(
        'too-deep',
        'the expression is nested too deeply to parse',
        'Name intermediate results with assignments ("a = ...; b = ...") instead of nesting.',
        source,
        -1,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    const char = (error as { char?: unknown }).char;
    const position = typeof char === 'number' ? Math.min(Math.max(char - 1, 0), source.length) : -1;
    const problem = message.replace(/\s*\(char \d+\)\s*$/, '');
    throw new ExpressionError('syntax', problem, 'Check the formula near the caret.', source, position);
  }
}

function checkAssignable(name: string, source: string, position: number, assigned: Set<string>): void {
  if (isFunctionName(name) || isConstantName(name)) {
    throw new ExpressionError(
      'reserved-name',
      `"${name}" is a built-in ${isFunctionName(name) ? 'function' : 'constant'} and cannot be assigned`,
      'Choose another name.',
      source,
      position,
    );
  }
  if (assigned.has(name)) {
    throw new ExpressionError(
      'reserved-name',
      `"${name}" is assigned twice`,
      'Give each node its own name.',
      source,
      position,
    );
  }
}

interface WalkState {
  source: string;
  cursor: NameCursor;
  positions: Map<ExprNode, number>;
  inputs: Map<string, number>;
  assigned: Set<string>;
  assignedAnywhere: Set<string>;
  extraFunctions: ReadonlySet<string>;
}

/** Checks one expression tree, iteratively, in source order (children pushed right to left). */
function checkTree(tree: ExprNode, state: WalkState): void {
  const { source, cursor } = state;
  const stack: ExprNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof node.value !== 'number') {
          throw new ExpressionError(
            'unsupported',
            `the literal ${node.toString()} is not a number`,
            'Use numbers only.',
            source,
            -1,
          );
        }
        break;
      case 'SymbolNode':
        checkSymbol(node, state);
        break;
      case 'ParenthesisNode':
        stack.push(node.content!);
        break;
      case 'OperatorNode':
        if (!OPERATORS.has(node.fn as string)) {
          throw new ExpressionError(
            'unsupported',
            `the operator "${node.op}" is not supported`,
            'Use + - * / ^ and the supported functions.',
            source,
            cursor.peek(),
          );
        }
        pushReversed(stack, node.args!);
        break;
      case 'FunctionNode':
        checkCall(node, state);
        pushReversed(stack, node.args!);
        break;
      default:
        throw unsupportedNode(node, source, cursor.peek());
    }
  }
}

function checkSymbol(node: ExprNode, state: WalkState): void {
  const name = node.name!;
  const position = state.cursor.take(name);
  state.positions.set(node, position);
  // A helper (step, sech) is a helper only when called: without parentheses the name is the user's.
  if (isFunctionName(name)) {
    throw new ExpressionError(
      'syntax',
      `"${name}" is a function`,
      `Call it with parentheses: ${name}(x).`,
      state.source,
      position,
    );
  }
  if (isConstantName(name) || state.assigned.has(name)) return;
  if (state.assignedAnywhere.has(name)) {
    throw new ExpressionError(
      'syntax',
      `"${name}" is used before it is assigned`,
      'Assign a name in an earlier statement than the ones that use it.',
      state.source,
      position,
    );
  }
  if (!state.inputs.has(name)) state.inputs.set(name, position);
}

function checkCall(node: ExprNode, state: WalkState): void {
  const fn = node.fn as ExprNode;
  if (typeof fn !== 'object' || fn.type !== 'SymbolNode') {
    throw new ExpressionError(
      'unsupported',
      'only named functions can be called',
      'Call one of: ' + FUNCTIONS.join(', ') + '.',
      state.source,
      state.cursor.peek(),
    );
  }
  const name = fn.name!;
  const position = state.cursor.take(name);
  state.positions.set(node, position);
  if (!isFunctionName(name) && !state.extraFunctions.has(name)) {
    const hint =
      isConstantName(name) || state.assigned.has(name)
        ? ` ("${name}" is a value; write ${name}*(...) to multiply)`
        : '';
    throw new ExpressionError(
      'unknown-function',
      `unknown function "${name}"${hint}`,
      `Supported functions: ${FUNCTIONS.join(', ')}; constants: ${Object.keys(CONSTANTS).join(', ')}.`,
      state.source,
      position,
    );
  }
  if (node.args!.length !== 1) {
    throw new ExpressionError(
      'syntax',
      `${name} takes one argument, got ${node.args!.length}`,
      `Write ${name}(x).`,
      state.source,
      position,
    );
  }
}

function unsupportedNode(node: ExprNode, source: string, position: number): ExpressionError {
  const problem = UNSUPPORTED_NODES[node.type] ?? `${node.type} is not supported`;
  return new ExpressionError(
    'unsupported',
    problem,
    'Use numbers, names, + - * / ^ and the supported functions.',
    source,
    position,
  );
}

function pushReversed(stack: ExprNode[], nodes: ExprNode[]): void {
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
}

/** The number an expression is, when it is a literal like `0.8`, `(0.8)` or `-0.8`; else null. */
function literalNumber(expr: ExprNode): number | null {
  let node = expr;
  let sign = 1;
  for (;;) {
    if (node.type === 'ParenthesisNode') node = node.content!;
    else if (node.type === 'OperatorNode' && node.fn === 'unaryMinus') {
      sign = -sign;
      node = node.args![0];
    } else if (node.type === 'OperatorNode' && node.fn === 'unaryPlus') node = node.args![0];
    else break;
  }
  return node.type === 'ConstantNode' && typeof node.value === 'number' ? sign * node.value : null;
}
