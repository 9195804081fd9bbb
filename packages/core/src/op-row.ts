/**
 * The shape of one row of the op table: a primitive operation's name, its symbol for drawings, its
 * arity, its forward function and its local derivatives (∂out/∂input_i), both as plain numbers (for
 * backward, forward mode and replay) and built from Values (for higher-order gradients), and the
 * facts the rest of the project reads instead of listing ops by name (notation, activation, expr's
 * function name, whether a zero gradient may be skipped, what replay may use).
 */
import type { Value } from './value';

/** An interval `[lo, hi]` from which the op's self-check draws each argument. */
export type Interval = readonly [number, number];

/**
 * How an op is written in describeGraph's equations: `'infix'` (`a × b`, with `operator` between,
 * spaced), `'tight'` (`a^b`, unspaced), `'prefix'` (`−a`), `'postfix'` (`a²`), `'bars'` (`|a|`),
 * `'weighted'` (dot's `b + w_0 × x_0 + ...`) or `'call'` (`symbol(a, b, ...)`, the default).
 */
export type Notation = 'infix' | 'tight' | 'prefix' | 'postfix' | 'bars' | 'weighted' | 'call';

/** An n-ary forward reading input i from `values[slots[from + i]]`, for i < to - from. */
export type IndexedForward = (values: Float64Array, slots: Int32Array, from: number, to: number) => number;

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
  /**
   * True when every local derivative is finite wherever the output is finite. A node whose
   * gradient is 0 then sends only ±0, which changes no gradient, so backward may skip it (an off
   * relu) when the same holds of everything under it. Default false. A copy made with `{ ...row }`
   * keeps it: restate it when you replace a derivative.
   */
  readonly skipsOnZeroGradient?: boolean;
  /** How describeGraph writes the op (see Notation). Default `'call'`. */
  readonly notation?: Notation;
  /** The text `notation` writes (`'×'`, `'^'`, `'²'`). Default: `symbol`. */
  readonly operator?: string;
  /** True for an activation (relu, tanh, sigmoid): a drawing groups a neuron under it. Default false. */
  readonly activation?: boolean;
  /** The function name @chainrule/expr parses as this op (`'tanh'` in `tanh(x)`); none by default. */
  readonly functionName?: string;
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
  /**
   * The same derivative as a differentiable Value (or a plain number when it is constant), holding
   * the same double as `derivative`, so that `gradients(..., { createGraph })` equals backward.
   */
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
  /** ∂out/∂xs[index]. */
  derivative(index: number, xs: readonly number[], out: number): number;
  derivativeValue(index: number, xs: readonly Value[], out: Value): Value | number;
  /**
   * False when `derivative` never reads `xs` (`sum`'s is 1): backward then skips gathering the
   * inputs' values and passes an empty array. Default true. A copy made with `{ ...row }` keeps it:
   * restate it when you replace `derivative`.
   */
  readonly readsInputs?: boolean;
  /**
   * `forward` over a tape's slots, the same doubles without gathering the inputs into an array
   * (replay uses it where given). A copy made with `{ ...row }` keeps it: restate it (or set it to
   * undefined) when you replace `forward`.
   */
  readonly forwardAt?: IndexedForward;
}

/** A row that computes something: every row but the leaf markers. */
export type OpRow = UnaryRow | BinaryRow | NaryRow;

/** Any row a Value can carry. */
export type AnyRow = OpRow | LeafRow;
