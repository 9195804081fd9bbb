/**
 * The shape of one row of the op table: a primitive operation's name, its symbol for drawings, its
 * arity, its forward function and its local derivatives (∂out/∂input_i), both as plain numbers (for
 * backward, forward mode and replay) and built from Values (for higher-order gradients).
 */
import type { Value } from './value';

/** An interval `[lo, hi]` from which the op's self-check draws each argument. */
export type Interval = readonly [number, number];

interface RowBase {
  /** Unique name, e.g. `'mul'`; it is what `Value.op` returns. */
  readonly name: string;
  /** Short symbol shown on op nodes in drawings, e.g. `'×'`. */
  readonly symbol: string;
  /**
   * Where the numeric self-check samples the op: one interval per argument (for `'n'`-ary rows,
   * one interval used for every argument). Kinks (relu and abs at 0) are left out of these.
   */
  readonly domain: readonly Interval[];
  /** Where the op is not differentiable or its derivative blows up, for honest checks. Default none. */
  readonly kinks?: readonly Kink[];
}

/**
 * A point where an op is not differentiable (a kink: relu and abs at 0) or where its derivative is
 * infinite or undefined (a singularity: log and sqrt at 0, a divisor at 0). There a central
 * difference, or one whose step crosses the point, says nothing about the derivative.
 */
export interface Kink {
  readonly kind: 'kink' | 'singularity';
  /** The argument that sits on the point: 0 for the first input, 1 for the second. */
  readonly argument: number;
  /** The inputs' signed distance from the point: 0 on it, the sign gives the side, NaN where it does not apply. */
  offset(xs: readonly number[]): number;
  /** For a kink, the one-sided derivatives ∂out/∂argument from below and from above. */
  readonly sides?: readonly [number, number];
  /** What autograd returns there, for a reader: 'autograd uses 0, as PyTorch does'. */
  readonly convention: string;
}

/** A leaf: a variable or a constant. Leaves have no inputs and nothing to differentiate. */
export interface LeafRow {
  readonly arity: 0;
  readonly name: string;
  readonly symbol: string;
}

/** An op-table row of a one-input op (`exp`, `tanh`, ...): forward and local derivative. */
export interface UnaryRow extends RowBase {
  readonly arity: 1;
  forward(a: number): number;
  /** ∂out/∂a, given the input and the output already computed. */
  derivative(a: number, out: number): number;
  /** The same derivative as a differentiable Value (or a plain number when it is constant). */
  derivativeValue(a: Value, out: Value): Value | number;
}

/** An op-table row of a two-input op (`add`, `mul`, `pow`, ...): forward and one local derivative per input. */
export interface BinaryRow extends RowBase {
  readonly arity: 2;
  forward(a: number, b: number): number;
  /** ∂out/∂a. */
  derivativeA(a: number, b: number, out: number): number;
  /** ∂out/∂b. */
  derivativeB(a: number, b: number, out: number): number;
  derivativeValueA(a: Value, b: Value, out: Value): Value | number;
  derivativeValueB(a: Value, b: Value, out: Value): Value | number;
}

/** An op-table row of an n-input op (`sum`): forward over all inputs and the local derivative of input i. */
export interface NaryRow extends RowBase {
  readonly arity: 'n';
  /** The output for the inputs' values (the engine may reuse `xs` afterwards: do not keep it). */
  forward(xs: readonly number[]): number;
  /**
   * ∂out/∂xs[index]. A derivative that declares fewer than two parameters (`sum`'s `() => 1`)
   * is taken not to read `xs`: backward then skips gathering the inputs' values for it.
   */
  derivative(index: number, xs: readonly number[], out: number): number;
  derivativeValue(index: number, xs: readonly Value[], out: Value): Value | number;
}

/** A row that computes something: every row but the leaf markers. */
export type OpRow = UnaryRow | BinaryRow | NaryRow;

/** Any row a Value can carry. */
export type AnyRow = OpRow | LeafRow;
