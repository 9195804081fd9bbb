/**
 * Value: one scalar in a computation graph, the API. It stores data, not closures: its number, its
 * gradient, the op-table row that made it and its ordered inputs (edge i = argument i, so
 * `x.mul(x)` has two edges); a number given to an op in place of a Value is a constant input. What
 * `backward()` computes is chain-rule.ts; how the numbers are stored is fast/ (see its README).
 */
import { anomalyState, checkForward, reportLeaf } from './anomaly';
import { backward } from './fast/backward';
import { describe, usageError } from './errors';
import type { AnyRow, BinaryRow, NaryRow, OpRow, UnaryRow } from './op-row';
import { inputScratch, opData, storeNode } from './fast/node-build';
import { BLOCK_SIZE, claim, noteGradientsWritten, type Block } from './fast/node-store';
import { CONSTANT, LEAF, OPS } from './ops';
import { forEachNode } from './walk';

const NO_INPUTS: readonly Value[] = Object.freeze([]);

/** Anything an op accepts as an operand. */
export type Operand = Value | number;

/**
 * A scalar in a computation graph: `data`, `grad`, `label`, `id`, the `op` that made it and its
 * `inputs`. Ops take a Value or a number (`add sub mul div pow max min`, unary `neg square exp log
 * tanh relu sigmoid sin cos sqrt abs`); `backward()` seeds the output with 1 and adds dOutput/dLeaf
 * into every leaf's `grad` (call `zeroGrad()` between steps).
 *
 * @example
 * ```ts
 * const i = new Value(1.5, 'i');
 * const w = new Value(0.8, 'w');
 * const C = i.mul(w).sub(0.5).pow(2);
 * C.backward();
 * console.log(C.data, w.grad); // 0.49000000000000027 2.1000000000000005
 * ```
 */
export class Value {
  // Fields are `declare`d and set only in the constructor (a class-field definition would first
  // set each to undefined). The node's numbers, row and label live in slot `_slot` of block
  // `_blk` of the node store: a Value holds no number boxes, which the garbage collector would copy.
  /** @internal The node-store block holding this node's numbers. */
  declare readonly _blk: Block;
  /** @internal This node's slot in `_blk`. */
  declare readonly _slot: number;
  /** @internal First input (unary and binary ops). */
  declare _a: Value | null;
  /**
   * @internal Second input of a binary op (a Value, or a number not yet turned into a constant
   * Value), or the input list of an n-ary op.
   */
  declare _b: Value | number | readonly Value[] | null;

  /**
   * A leaf holding `data`. (The other parameters are the engine's own, for op nodes: leave them out.
   * An op node's number is not passed here but left in `opData[0]`; see there.)
   * @example
   * const w = new Value(0.8, 'w');
   */
  constructor(
    data: number,
    label = '',
    row: AnyRow = LEAF,
    a: Value | null = null,
    b: Value | number | readonly Value[] | null = null,
  ) {
    if (typeof data !== 'number') {
      throw usageError(row === LEAF ? 'Value' : `Value.${row.name}`, `data must be a number, got ${describe(data)}.`);
    }
    if (typeof label !== 'string') {
      throw usageError('Value', `label must be a string, got ${describe(label)}.`);
    }
    const block = claim(row);
    const slot = block.used - 1;
    storeNode(block, slot, data, a, b);
    this._blk = block;
    this._slot = slot;
    this._a = a;
    this._b = b;
    if (label !== '') this.label = label;
    if (anomalyState.enabled) {
      if (row === LEAF) {
        if (!Number.isFinite(data)) reportLeaf(this);
      } else if (row !== CONSTANT) checkForward(this);
    }
  }

  /** The number this node holds. Leaves may be assigned new data (e.g. by an optimizer). */
  get data(): number {
    return this._blk.data[this._slot];
  }
  set data(x: number) {
    if (typeof x !== 'number') throw usageError('Value', `data must be a number, got ${describe(x)}.`);
    this._blk.data[this._slot] = x;
  }

  /** d(output)/d(this) after `backward()`: accumulates on leaves, recomputed on other nodes. */
  get grad(): number {
    return this._blk.grad[this._slot];
  }
  set grad(g: number) {
    if (typeof g !== 'number') throw usageError('Value', `grad must be a number, got ${describe(g)}.`);
    this._blk.grad[this._slot] = g;
    if (!this.isLeaf) noteGradientsWritten(this.id);
  }

  /** A name shown in drawings and error messages; '' when unnamed. */
  get label(): string {
    return this._blk.labels?.[this._slot] ?? '';
  }
  set label(text: string) {
    (this._blk.labels ??= new Array<string | undefined>(BLOCK_SIZE))[this._slot] = text;
  }

  /** A stable integer, unique in the process and increasing in creation order. */
  get id(): number {
    return this._blk.id[this._slot];
  }

  /** @internal The op-table row that produced this node (LEAF or CONSTANT for leaves). */
  get _row(): AnyRow {
    return this._blk.rows[this._blk.rowOf[this._slot]];
  }

  /**
   * The op-table row that produced this node (LEAF or CONSTANT for leaves): its name, symbol,
   * notation and other facts, for a custom row made with `applyOp` as for a built-in one.
   * @example
   * new Value(2).mul(3).row === OPS.mul; // true
   */
  get row(): AnyRow {
    return this._row;
  }

  /** The op that produced this node: a row name of the op table, 'const', or '' for a leaf. */
  get op(): string {
    return this._row.name;
  }

  /**
   * True for leaves (variables and constants): the nodes with no inputs (an n-ary node always has
   * an input list, even an empty one). Read from the Value itself, not its block: walks ask it of
   * every edge.
   */
  get isLeaf(): boolean {
    return this._a === null && this._b === null;
  }

  /** True for a constant: a number an op received in place of a Value. */
  get isConstant(): boolean {
    return this._row === CONSTANT;
  }

  /** The inputs in argument order; a number operand appears as a constant Value. */
  get inputs(): readonly Value[] {
    const arity = this._row.arity;
    if (arity === 0) return NO_INPUTS;
    if (arity === 1) return [this._a!];
    if (arity === 2) {
      if (typeof this._b === 'number') this._b = constant(this._b);
      return [this._a!, this._b as Value];
    }
    return this._b as readonly Value[];
  }

  add(other: Operand): Value {
    opData[0] = OPS.add.forward(this.data, operandData(other));
    return binary(OPS.add, this, other);
  }
  sub(other: Operand): Value {
    opData[0] = OPS.sub.forward(this.data, operandData(other));
    return binary(OPS.sub, this, other);
  }
  mul(other: Operand): Value {
    opData[0] = OPS.mul.forward(this.data, operandData(other));
    return binary(OPS.mul, this, other);
  }
  div(other: Operand): Value {
    opData[0] = OPS.div.forward(this.data, operandData(other));
    return binary(OPS.div, this, other);
  }
  /** this^other, with a number or a Value exponent. A negative base to a fractional power is NaN. */
  pow(other: Operand): Value {
    opData[0] = OPS.pow.forward(this.data, operandData(other));
    return binary(OPS.pow, this, other);
  }
  /**
   * The larger of this and other; at a tie the gradient is split 1/2 each, as torch.maximum does.
   * @example
   * new Value(2).max(3).data; // 3
   */
  max(other: Operand): Value {
    opData[0] = OPS.max.forward(this.data, operandData(other));
    return binary(OPS.max, this, other);
  }
  /**
   * The smaller of this and other; at a tie the gradient is split 1/2 each, as torch.minimum does.
   * @example
   * new Value(2).min(3).data; // 2
   */
  min(other: Operand): Value {
    opData[0] = OPS.min.forward(this.data, operandData(other));
    return binary(OPS.min, this, other);
  }
  neg(): Value {
    opData[0] = OPS.neg.forward(this.data);
    return unary(OPS.neg, this);
  }
  square(): Value {
    opData[0] = OPS.square.forward(this.data);
    return unary(OPS.square, this);
  }
  exp(): Value {
    opData[0] = OPS.exp.forward(this.data);
    return unary(OPS.exp, this);
  }
  log(): Value {
    opData[0] = OPS.log.forward(this.data);
    return unary(OPS.log, this);
  }
  tanh(): Value {
    opData[0] = OPS.tanh.forward(this.data);
    return unary(OPS.tanh, this);
  }
  relu(): Value {
    opData[0] = OPS.relu.forward(this.data);
    return unary(OPS.relu, this);
  }
  sigmoid(): Value {
    opData[0] = OPS.sigmoid.forward(this.data);
    return unary(OPS.sigmoid, this);
  }
  sin(): Value {
    opData[0] = OPS.sin.forward(this.data);
    return unary(OPS.sin, this);
  }
  cos(): Value {
    opData[0] = OPS.cos.forward(this.data);
    return unary(OPS.cos, this);
  }
  sqrt(): Value {
    opData[0] = OPS.sqrt.forward(this.data);
    return unary(OPS.sqrt, this);
  }
  abs(): Value {
    opData[0] = OPS.abs.forward(this.data);
    return unary(OPS.abs, this);
  }

  /**
   * Backpropagates from this node: seeds its gradient with 1, recomputes the gradient of every node
   * below it and adds into the gradient of every leaf (call `zeroGrad()` between steps).
   */
  backward(): void {
    backward(this);
    gradientsKnown.add(this);
  }

  /**
   * Sets the label and returns this node, so a graph can be named as it is built.
   * @example
   * const a = i.mul(w).named('a');
   * const C = a.sub(y).pow(2).named('C');
   */
  named(label: string): this {
    if (typeof label !== 'string') throw usageError('Value.named', `expected a string, got ${describe(label)}.`);
    this.label = label;
    return this;
  }

  /**
   * A constant holding this node's number (and label): a leaf that cuts the graph, so no gradient
   * flows through it (PyTorch's `detach`, JAX's `stop_gradient`).
   * @example
   * const x = new Value(3, 'x');
   * const y = x.mul(x.square().detach()); // dy/dx = 9: x² is held constant
   */
  detach(): Value {
    const copy = constant(this.data);
    if (this.label !== '') copy.label = this.label;
    return copy;
  }

  /** Sets the gradient of this node and of every node below it to 0. */
  zeroGrad(): void {
    forEachNode(this, (v) => {
      v._blk.grad[v._slot] = 0; // not the setter: a +0 written needs no noteGradientsWritten
    });
    gradientsKnown.add(this); // zeros now, and a drawing shows them as zeros, not as unknown
  }

  /** `Value(data=2.1, grad=1)`, with the label first when there is one. */
  toString(): string {
    const label = this.label ? `label=${JSON.stringify(this.label)}, ` : '';
    return `Value(${label}data=${this.data}, grad=${this.grad})`;
  }
}

/** Roots whose gradients are known: backward() or zeroGrad() ran on them. */
const gradientsKnown = new WeakSet<Value>();

/**
 * True when backward() or zeroGrad() ran on `root`, so the `.grad` of the nodes under it are
 * gradients (zeros included), not leftovers of nothing; drawings read it to tell 0 from unknown.
 * @example
 * const C = new Value(2, 'x').square();
 * hasGradients(C); // false
 * C.backward();
 * hasGradients(C); // true
 */
export function hasGradients(root: Value): boolean {
  return gradientsKnown.has(root);
}

/**
 * Wraps a number as a constant Value; a Value is returned as it is. `where` names the caller
 * in the error for anything else (default `'toValue'`).
 *
 * @example
 * ```ts
 * const x = new Value(2, 'x');
 * console.log(toValue(5).isConstant, toValue(x) === x); // true true
 * ```
 */
export function toValue(x: Operand, where = 'toValue'): Value {
  if (x instanceof Value) return x;
  if (typeof x === 'number') return constant(x);
  throw usageError(where, `expected a Value or a number, got ${describe(x)}.`);
}

/**
 * A constant leaf: it never receives a gradient.
 *
 * @example
 * ```ts
 * const c = constant(2);
 * const y = new Value(3, 'x').mul(c);
 * y.backward();
 * console.log(c.isConstant, c.op, c.grad); // true const 0
 * ```
 */
export function constant(x: number): Value {
  return new Value(x, '', CONSTANT);
}

/** The number of an operand, NaN for anything else (`binary` then rejects it). */
function operandData(x: Operand): number {
  return typeof x === 'number' ? x : x instanceof Value ? x.data : NaN;
}

/** Whether ops record graph nodes: false inside noGrad (a variable of this module: one load per node). */
let recording = true;

/** @internal Sets whether ops record graph nodes (see noGrad) and returns the previous setting. */
export function _setRecording(on: boolean): boolean {
  const previous = recording;
  recording = on;
  return previous;
}

/** The node of `row` over `a` (a constant under noGrad); its number is in opData[0]. */
function unary(row: UnaryRow, a: Value): Value {
  return recording ? new Value(0, '', row, a) : constant(opData[0]);
}

/** The node of `row` over `a` and `b` (a constant under noGrad); its number is in opData[0]. */
function binary(row: BinaryRow, a: Value, b: Operand): Value {
  if (typeof b !== 'number' && !(b instanceof Value)) {
    throw usageError(`Value.${row.name}`, `expected a Value or a number, got ${describe(b)}.`);
  }
  return recording ? new Value(0, '', row, a, b) : constant(opData[0]);
}

/**
 * One n-ary sum node over `values` (numbers become constants): a single node with an edge per
 * term, where chained `add`s would make a chain as deep as the list is long.
 * @example
 * sum([a, b, 1]).data; // a.data + b.data + 1
 */
export function sum(values: readonly Operand[]): Value {
  if (!Array.isArray(values))
    throw usageError('sum', `expected an array of Values or numbers, got ${describe(values)}.`);
  return nary(OPS.sum, values, 'sum');
}

/**
 * A neuron's weighted sum `b + w_0·x_0 + w_1·x_1 + ...` as one node (row `dot`), with an edge per
 * weight, per input and for the bias, in that order; numbers become constants. Without `b` it is
 * `w_0·x_0 + w_1·x_1 + ...`.
 * @example
 * const w = [new Value(0.5), new Value(-1)];
 * dot(w, [2, 3], new Value(0.25)).data; // 0.25 + 0.5 * 2 - 1 * 3 = -1.75
 */
export function dot(w: readonly Operand[], x: readonly Operand[], b?: Operand): Value {
  if (!Array.isArray(w)) throw usageError('dot', `w must be an array of Values or numbers, got ${describe(w)}.`);
  if (!Array.isArray(x)) throw usageError('dot', `x must be an array of Values or numbers, got ${describe(x)}.`);
  if (w.length !== x.length) {
    throw usageError('dot', `w has ${w.length} entries but x has ${x.length}; pass one input per weight.`);
  }
  const n = w.length;
  const terms: Operand[] = new Array(b === undefined ? 2 * n : 2 * n + 1);
  for (let j = 0; j < n; j++) {
    terms[2 * j] = w[j];
    terms[2 * j + 1] = x[j];
  }
  if (b !== undefined) terms[2 * n] = b;
  return naryNode(OPS.dot, terms, 'dot');
}

function nary(row: NaryRow, values: readonly Operand[], where: string): Value {
  // The node keeps a plain copy (the caller may change its array later): `slice` copies in one
  // go, faster than a loop storing each term into a new array.
  return naryNode(row, Object.getPrototypeOf(values) === Array.prototype ? values.slice() : Array.from(values), where);
}

/**
 * The node of n-ary `row` over `terms`, an array the node keeps (numbers in it become constants).
 * Its number is left in opData[0], the least op id under its inputs in opData[1] and whether they
 * are all skippable in opData[2]: one pass over the inputs reads all three.
 */
function naryNode(row: NaryRow, terms: Operand[], where: string): Value {
  const n = terms.length;
  const data = inputScratch(n);
  let lowest = Infinity;
  let skippable = 1;
  for (let i = 0; i < n; i++) {
    let x = terms[i];
    if (!(x instanceof Value)) terms[i] = x = toValue(x, where);
    const block = x._blk;
    data[i] = block.data[x._slot];
    lowest = Math.min(lowest, block.lowestOp[x._slot]);
    skippable &= block.skippable[x._slot];
  }
  opData[0] = row.forward(data);
  opData[1] = lowest;
  opData[2] = skippable;
  return recording ? new Value(0, '', row, null, terms as Value[]) : constant(opData[0]);
}

/**
 * Applies any op-table row to `inputs` (Values or numbers): a row of `OPS`, or a custom row of the
 * same shape (see op-row.ts). This is how generic code and tests build a node for every row.
 * @example
 * applyOp(OPS.mul, [new Value(3), 4]).data; // 12
 */
export function applyOp(row: OpRow, inputs: readonly Operand[]): Value {
  checkRow(row);
  if (!Array.isArray(inputs)) {
    throw usageError('applyOp', `inputs must be an array of Values or numbers, got ${describe(inputs)}.`);
  }
  if (row.arity === 'n') return nary(row, inputs, 'applyOp');
  if (inputs.length !== row.arity) {
    throw usageError(
      'applyOp',
      `the row "${row.name}" takes ${row.arity} input(s), got ${inputs.length}; pass exactly ${row.arity}.`,
    );
  }
  const a = toValue(inputs[0], 'applyOp');
  if (row.arity === 1) {
    opData[0] = row.forward(a.data);
    return unary(row, a);
  }
  const b = inputs[1];
  if (typeof b !== 'number' && !(b instanceof Value)) {
    throw usageError('applyOp', `expected a Value or a number, got ${describe(b)}.`);
  }
  opData[0] = row.forward(a.data, operandData(b));
  return binary(row, a, b);
}

const ROW_FUNCTIONS = {
  1: ['forward', 'derivative', 'derivativeValue'],
  2: ['forward', 'derivativeA', 'derivativeB', 'derivativeValueA', 'derivativeValueB'],
  n: ['forward', 'derivative', 'derivativeValue'],
} as const;

/** Rejects anything that is not a computing row, saying which part is missing. */
function checkRow(row: unknown): asserts row is OpRow {
  const accepted =
    'an op-table row such as OPS.mul, or an object { name, symbol, arity: 1 | 2 | "n", forward, derivative... }';
  if (typeof row !== 'object' || row === null)
    throw usageError('applyOp', `expected ${accepted}, got ${describe(row)}.`);
  const r = row as Record<string, unknown>;
  if (typeof r.name !== 'string' || r.name === '') {
    throw usageError('applyOp', `the row needs a non-empty string name, got ${describe(r.name)}; give it one.`);
  }
  if (r.arity !== 1 && r.arity !== 2 && r.arity !== 'n') {
    throw usageError('applyOp', `the row "${r.name}" has arity ${describe(r.arity)}; accepted: 1, 2 or "n".`);
  }
  for (const key of ROW_FUNCTIONS[r.arity]) {
    if (typeof r[key] !== 'function') {
      throw usageError(
        'applyOp',
        `the row "${r.name}" has no function "${key}" (got ${describe(r[key])}); rows of arity ${String(r.arity)} need ${ROW_FUNCTIONS[r.arity].join(', ')}.`,
      );
    }
  }
}

/**
 * A Value that lives as long as the engine (id 0, made when this module loads). V8 keeps an object
 * shape only while some object has it, and between graphs (a loop that builds every step anew, a
 * server between requests) no Value may be alive: a full collection then dropped the Value shape
 * and, with it, all the engine code V8 had optimized for it, and the next graphs ran unoptimized
 * until V8 compiled them again (docs/perf.md).
 * @internal
 */
export const _SHAPE_KEEPER = new Value(0);
