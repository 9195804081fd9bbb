/**
 * Random expression trees for property tests (fast-check): every computing op of the op table.
 * `exprArb` keeps domains valid by construction (log, sqrt, a divisor and a power's base only
 * ever receive a subtree that is positive whatever its inputs); `wildExprArb` does not, and adds
 * custom rows and nodes used twice, to reach kinks, ties, 0 and non-finite values. Trees are built
 * as Values and printed as math strings.
 */
import fc from 'fast-check';
import type { NaryRow, UnaryRow } from '../op-row';
import { OPS, type OpName } from '../ops';
import { applyOp, constant, dot, sum, Value } from '../value';

type WideUnary = 'neg' | 'square' | 'exp' | 'tanh' | 'relu' | 'sigmoid' | 'sin' | 'cos' | 'abs';
type UnaryName = WideUnary | 'log' | 'sqrt';
type BinaryName = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'max' | 'min';

/** A custom unary row (no facts declared): x / (1 + |x|). */
export const SOFTSIGN: UnaryRow = {
  name: 'softsign',
  symbol: 'softsign',
  arity: 1,
  domain: [[-2, 2]],
  forward: (a) => a / (1 + Math.abs(a)),
  derivative: (a) => 1 / ((1 + Math.abs(a)) * (1 + Math.abs(a))),
  derivativeValue: (a) => a.abs().add(1).square().pow(-1),
};

/** A custom n-ary row whose derivative reads its inputs (no facts declared): mean of the squares. */
export const MEAN_SQUARE: NaryRow = {
  name: 'meanSquare',
  symbol: 'ms',
  arity: 'n',
  domain: [[-2, 2]],
  forward: (xs) => {
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += xs[i] * xs[i];
    return total / xs.length;
  },
  derivative: (i, xs) => (2 * xs[i]) / xs.length,
  derivativeValue: (i, xs) => xs[i].mul(2).div(xs.length),
};

export type Expr =
  | { kind: 'leaf'; index: number }
  | { kind: 'const'; value: number }
  | { kind: 'unary'; op: UnaryName; arg: Expr }
  | { kind: 'binary'; op: BinaryName; a: Expr; b: Expr }
  | { kind: 'sum'; terms: Expr[] }
  | { kind: 'dot'; pairs: Array<[Expr, Expr]>; bias: Expr | null }
  | { kind: 'same'; op: BinaryName; arg: Expr }
  | { kind: 'softsign'; arg: Expr }
  | { kind: 'meanSquare'; terms: Expr[] };

/** The number of leaves every generated case has (x0..x3); a tree may use any subset. */
export const LEAF_COUNT = 4;

const WIDE_UNARY: WideUnary[] = ['neg', 'square', 'exp', 'tanh', 'relu', 'sigmoid', 'sin', 'cos', 'abs'];

const unary = (op: UnaryName, arg: Expr): Expr => ({ kind: 'unary', op, arg });
const binary = (op: BinaryName, a: Expr, b: Expr): Expr => ({ kind: 'binary', op, a, b });
const constantArb = fc.double({ min: -3, max: 3, noNaN: true }).map((value): Expr => ({ kind: 'const', value }));
const offsetArb = fc.double({ min: 0.25, max: 2, noNaN: true }).map((value): Expr => ({ kind: 'const', value }));

/** Wraps any subtree into one that is positive (at least 0.25, or e^-1) for every input. */
function positiveArb(child: fc.Arbitrary<Expr>): fc.Arbitrary<Expr> {
  return fc.oneof(
    fc.tuple(child, offsetArb).map(([e, c]) => binary('add', unary('square', e), c)),
    child.map((e) => unary('exp', unary('tanh', e))),
    fc.tuple(child, offsetArb).map(([e, c]) => binary('add', unary('sigmoid', e), c)),
  );
}

/**
 * Expression trees up to `maxDepth` op levels deep (positive wrappers not counted); `mathString:
 * true` leaves out dot, max and min nodes (for trees printed as math strings, which have none).
 */
export function exprArb(maxDepth = 4, { mathString = false } = {}): fc.Arbitrary<Expr> {
  const { node } = fc.letrec<{ node: Expr }>((tie) => {
    const child = tie('node');
    const leaf = fc.integer({ min: 0, max: LEAF_COUNT - 1 }).map((index): Expr => ({ kind: 'leaf', index }));
    return {
      node: fc.oneof(
        { maxDepth, depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom(...WIDE_UNARY), child).map(([op, e]) => unary(op, e)),
        fc.tuple(fc.constantFrom<UnaryName>('log', 'sqrt'), positiveArb(child)).map(([op, e]) => unary(op, e)),
        fc
          .tuple(fc.constantFrom<BinaryName>('add', 'sub', 'mul'), child, fc.oneof(child, constantArb))
          .map(([op, a, b]) => binary(op, a, b)),
        fc.tuple(fc.oneof(child, constantArb), positiveArb(child)).map(([a, b]) => binary('div', a, b)),
        fc.tuple(positiveArb(child), fc.oneof(child, constantArb)).map(([a, b]) => binary('pow', a, b)),
        fc
          .array(fc.oneof(child, constantArb), { minLength: 1, maxLength: 4 })
          .map((terms): Expr => ({ kind: 'sum', terms })),
        ...(!mathString
          ? [
              fc
                .tuple(fc.constantFrom<BinaryName>('max', 'min'), child, fc.oneof(child, constantArb))
                .map(([op, a, b]) => binary(op, a, b)),
              fc
                .tuple(
                  fc.array(fc.tuple(child, fc.oneof(child, constantArb)), { minLength: 1, maxLength: 3 }),
                  fc.option(fc.oneof(child, constantArb), { nil: null }),
                )
                .map(([pairs, bias]): Expr => ({ kind: 'dot', pairs, bias })),
            ]
          : []),
      ),
    };
  });
  return node;
}

/** Numbers where rows have kinks, ties, singular points or overflow, and the non-finite ones. */
export const SPECIAL_NUMBERS = [0, -0, 1, -1, 2, 0.5, 1e-310, 1e308, -1e308, Infinity, -Infinity, NaN];

const wildNumberArb = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(...SPECIAL_NUMBERS));

/**
 * Trees over every row of the op table and the custom rows, with no domain guard, constants drawn
 * from SPECIAL_NUMBERS too, and nodes used twice (`a op a`: fan-out and ties).
 */
export function wildExprArb(maxDepth = 4): fc.Arbitrary<Expr> {
  const { node } = fc.letrec<{ node: Expr }>((tie) => {
    const child = tie('node');
    const leaf = fc.integer({ min: 0, max: LEAF_COUNT - 1 }).map((index): Expr => ({ kind: 'leaf', index }));
    const wildConstant = wildNumberArb.map((value): Expr => ({ kind: 'const', value }));
    const operand = fc.oneof(child, wildConstant);
    const unaryNames = [...WIDE_UNARY, 'log', 'sqrt'] as UnaryName[];
    const binaryNames: BinaryName[] = ['add', 'sub', 'mul', 'div', 'pow', 'max', 'min'];
    return {
      node: fc.oneof(
        { maxDepth, depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom(...unaryNames), child).map(([op, e]) => unary(op, e)),
        fc.tuple(fc.constantFrom(...binaryNames), child, operand).map(([op, a, b]) => binary(op, a, b)),
        fc.tuple(fc.constantFrom(...binaryNames), child).map(([op, arg]): Expr => ({ kind: 'same', op, arg })),
        fc.array(operand, { minLength: 0, maxLength: 4 }).map((terms): Expr => ({ kind: 'sum', terms })),
        fc
          .tuple(fc.array(fc.tuple(child, operand), { minLength: 1, maxLength: 3 }), fc.option(operand, { nil: null }))
          .map(([pairs, bias]): Expr => ({ kind: 'dot', pairs, bias })),
        child.map((arg): Expr => ({ kind: 'softsign', arg })),
        fc.array(operand, { minLength: 1, maxLength: 3 }).map((terms): Expr => ({ kind: 'meanSquare', terms })),
      ),
    };
  });
  return node;
}

/** Leaf values for wild trees: numbers in [-3, 3] mixed with SPECIAL_NUMBERS. */
export const wildLeafValuesArb = fc.array(wildNumberArb, { minLength: LEAF_COUNT, maxLength: LEAF_COUNT });

/** Leaf values: LEAF_COUNT numbers in [-2, 2]. */
export const leafValuesArb = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), {
  minLength: LEAF_COUNT,
  maxLength: LEAF_COUNT,
});

/** Builds the tree on `leaves` as Values. A constant second operand is passed as a plain number. */
export function buildExpr(expr: Expr, leaves: readonly Value[]): Value {
  switch (expr.kind) {
    case 'leaf':
      return leaves[expr.index];
    case 'const':
      return constant(expr.value);
    case 'unary':
      return buildExpr(expr.arg, leaves)[expr.op]();
    case 'binary': {
      const a = buildExpr(expr.a, leaves);
      const b = expr.b.kind === 'const' ? expr.b.value : buildExpr(expr.b, leaves);
      return a[expr.op](b);
    }
    case 'sum':
      return sum(expr.terms.map((t) => (t.kind === 'const' ? t.value : buildExpr(t, leaves))));
    case 'dot': {
      const operand = (t: Expr): Value | number => (t.kind === 'const' ? t.value : buildExpr(t, leaves));
      const w = expr.pairs.map(([wj]) => buildExpr(wj, leaves));
      const x = expr.pairs.map(([, xj]) => operand(xj));
      return expr.bias === null ? dot(w, x) : dot(w, x, operand(expr.bias));
    }
    case 'same': {
      const a = buildExpr(expr.arg, leaves);
      return a[expr.op](a);
    }
    case 'softsign':
      return applyOp(SOFTSIGN, [buildExpr(expr.arg, leaves)]);
    case 'meanSquare':
      return applyOp(
        MEAN_SQUARE,
        expr.terms.map((t) => (t.kind === 'const' ? t.value : buildExpr(t, leaves))),
      );
  }
}

const INFIX: Partial<Record<BinaryName, string>> = { add: '+', sub: '-', mul: '*', div: '/', pow: '^' };

/** The tree as a math string for @chainrule/expr's parseExpression, leaves named x0..x3. */
export function exprToSource(expr: Expr): string {
  switch (expr.kind) {
    case 'leaf':
      return `x${expr.index}`;
    case 'const':
      return expr.value < 0 || Object.is(expr.value, -0) ? `(${String(expr.value)})` : String(expr.value);
    case 'unary':
      return expr.op === 'neg' ? `(-${exprToSource(expr.arg)})` : `${expr.op}(${exprToSource(expr.arg)})`;
    case 'binary':
      if (INFIX[expr.op] === undefined)
        throw new Error(`${expr.op} has no math-string form: use { mathString: true }.`);
      return `(${exprToSource(expr.a)} ${INFIX[expr.op]} ${exprToSource(expr.b)})`;
    case 'sum':
      return `(${expr.terms.map(exprToSource).join(' + ')})`;
    case 'dot':
    case 'same':
    case 'softsign':
    case 'meanSquare':
      throw new Error(
        `A ${expr.kind} node has no math-string form: generate trees with exprArb(depth, { mathString: true }).`,
      );
  }
}

/** The indices of the leaves the tree uses. */
export function usedLeaves(expr: Expr): Set<number> {
  const used = new Set<number>();
  forEachNode(expr, (e) => {
    if (e.kind === 'leaf') used.add(e.index);
  });
  return used;
}

/** The op names a tree uses (to show every row of the op table is exercised). */
export function opsUsed(expr: Expr, into = new Set<OpName>()): Set<OpName> {
  forEachNode(expr, (e) => {
    if (e.kind === 'unary' || e.kind === 'binary' || e.kind === 'same') into.add(e.op);
    if (e.kind === 'sum') into.add('sum');
    if (e.kind === 'dot') into.add('dot');
  });
  return into;
}

/** Calls `visit` on every node of the tree (trees are shallow: recursion is fine here). */
function forEachNode(expr: Expr, visit: (e: Expr) => void): void {
  visit(expr);
  if (expr.kind === 'unary' || expr.kind === 'same' || expr.kind === 'softsign') forEachNode(expr.arg, visit);
  if (expr.kind === 'meanSquare') expr.terms.forEach((t) => forEachNode(t, visit));
  if (expr.kind === 'binary') {
    forEachNode(expr.a, visit);
    forEachNode(expr.b, visit);
  }
  if (expr.kind === 'sum') expr.terms.forEach((t) => forEachNode(t, visit));
  if (expr.kind === 'dot') {
    expr.pairs.forEach(([w, x]) => {
      forEachNode(w, visit);
      forEachNode(x, visit);
    });
    if (expr.bias !== null) forEachNode(expr.bias, visit);
  }
}

/**
 * True when the built graph is a fair case for numeric checks: every node finite and at most
 * `bound` in size, every relu/abs input at least `margin` away from its kink at 0 and the inputs
 * of every max/min at least `margin` apart.
 */
export function wellConditioned(out: Value, nodes: readonly Value[], bound = 1e3, margin = 1e-2): boolean {
  if (!Number.isFinite(out.data)) return false;
  for (const v of nodes) {
    if (!Number.isFinite(v.data) || Math.abs(v.data) > bound) return false;
    if ((v.op === OPS.relu.name || v.op === OPS.abs.name) && Math.abs(v.inputs[0].data) < margin) return false;
    const tie = v.op === OPS.max.name || v.op === OPS.min.name;
    if (tie && Math.abs(v.inputs[0].data - v.inputs[1].data) < margin) return false;
  }
  return true;
}
