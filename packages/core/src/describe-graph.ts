/**
 * describeGraph: the graph in words, one line per op node in topological order, e.g.
 * `a = i × w` and `C = (a − y)^2`, each op written as its row's `notation` says. Nodes are named
 * by label (or `#id`); an unlabelled node used once with a short expression is written inline in
 * its consumer. Iterative, any depth.
 */
import { describe, usageError } from './errors';
import { formatNumber } from './format-comparison';
import type { OpRow } from './op-row';
import { CONSTANT } from './ops';
import { Value } from './value';
import { walk } from './walk';

/** Expressions longer than this are given their own line instead of being inlined. */
const INLINE_LIMIT = 40;
/** An n-ary node lists at most this many terms. */
const MAX_TERMS = 6;

interface Rendered {
  /** The node's expression in terms of its inputs. */
  text: string;
  /** True when the text needs no parentheses as an operand (a name or a function call). */
  atomic: boolean;
}

/**
 * The computation under `root` as equations, one line per op node, inputs first.
 * @example
 * const i = new Value(1.5, 'i'), w = new Value(0.8, 'w'), y = new Value(0.5, 'y');
 * const a = i.mul(w); a.label = 'a';
 * const C = a.sub(y).pow(2); C.label = 'C';
 * describeGraph(C); // 'a = i × w\nC = (a − y)^2'
 */
export function describeGraph(root: Value): string {
  if (!(root instanceof Value)) throw usageError('describeGraph', `expected a Value, got ${describe(root)}.`);
  if (root.isLeaf) return `${leafName(root)} (a leaf: no ops)`;
  const ops: Value[] = [];
  walk(
    root,
    (v) => ops.push(v),
    () => {},
  );
  ops.reverse(); // inputs before consumers

  const uses = new Map<Value | number, number>();
  for (const node of ops) forEachInput(node, (x) => uses.set(x, (uses.get(x) ?? 0) + 1));

  const rendered = new Map<Value, Rendered>();
  const inlined = new Set<Value>();
  const lines: string[] = [];
  const operand = (x: Value | number): Rendered => {
    if (typeof x === 'number') return { text: formatNumber(x), atomic: true };
    if (x.isLeaf) return { text: leafName(x), atomic: true };
    return inlined.has(x) ? rendered.get(x)! : { text: opName(x), atomic: true };
  };
  for (const node of ops) {
    const r = render(node, operand);
    rendered.set(node, r);
    const inline = node !== root && node.label === '' && uses.get(node) === 1 && r.text.length <= INLINE_LIMIT;
    if (inline) inlined.add(node);
    else lines.push(`${opName(node)} = ${r.text}`);
  }
  return lines.join('\n');
}

function leafName(v: Value): string {
  if (v.label) return v.label;
  return v._row === CONSTANT ? formatNumber(v.data) : `#${v.id}`;
}

function opName(v: Value): string {
  return v.label || `#${v.id}`;
}

/** Calls `fn` for every input of `node`, number operands included, without creating constants. */
function forEachInput(node: Value, fn: (x: Value | number) => void): void {
  if (node._a !== null) fn(node._a);
  const b = node._b;
  if (b === null) return;
  if (Array.isArray(b)) b.forEach(fn);
  else fn(b as Value | number);
}

/** A dot node's inputs `[w_0, x_0, ..., b]` as `b + w_0 × x_0 + ...`, in the order it adds them. */
function weightedSum(args: readonly Rendered[], wrapped: (r: Rendered) => string): string {
  const pairs = args.length & ~1;
  const terms = pairs < args.length ? [wrapped(args[pairs])] : [];
  for (let i = 0; i < pairs; i += 2) terms.push(`${wrapped(args[i])} × ${wrapped(args[i + 1])}`);
  if (terms.length > MAX_TERMS)
    return [...terms.slice(0, MAX_TERMS - 1), `… ${terms.length - MAX_TERMS + 1} more`].join(' + ');
  return terms.length > 0 ? terms.join(' + ') : '0';
}

function render(node: Value, operand: (x: Value | number) => Rendered): Rendered {
  const row = node._row as OpRow;
  const args: Rendered[] = [];
  forEachInput(node, (x) => args.push(operand(x)));
  const wrapped = (r: Rendered): string => (r.atomic ? r.text : `(${r.text})`);
  const operator = row.operator ?? row.symbol;
  switch (row.notation ?? 'call') {
    case 'infix':
      return { text: args.map(wrapped).join(` ${operator} `), atomic: false };
    case 'tight':
      return { text: args.map(wrapped).join(operator), atomic: false };
    case 'prefix':
      return { text: `${operator}${wrapped(args[0])}`, atomic: false };
    case 'postfix':
      return { text: `${wrapped(args[0])}${operator}`, atomic: false };
    case 'bars':
      return { text: `|${args[0].text}|`, atomic: true };
    case 'weighted':
      return { text: weightedSum(args, wrapped), atomic: false };
  }
  let texts = args.map((a) => a.text);
  if (row.arity === 'n' && texts.length > MAX_TERMS) {
    texts = [...texts.slice(0, MAX_TERMS - 1), `… ${texts.length - MAX_TERMS + 1} more`];
  }
  return { text: `${operator}(${texts.join(', ')})`, atomic: true };
}
