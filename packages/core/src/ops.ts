/**
 * The op table: every primitive operation of the engine as one row (see op-row.ts). Backward,
 * forward mode, replay, the per-op self-check tests and the visualizer's edge labels all read it.
 * Adding an op is adding a row here and a method on Value.
 */
import type { BinaryRow, Kink, LeafRow, NaryRow, OpRow, UnaryRow } from './op-row';

/**
 * A variable: a leaf the user created. Gradients accumulate into it. Its name is `''`.
 *
 * @example
 * ```ts
 * console.log(new Value(2, 'x').op === LEAF.name); // true
 * ```
 */
export const LEAF: LeafRow = { arity: 0, name: '', symbol: '' };
/**
 * A constant: a number that an op received in place of a Value. It never receives a gradient.
 *
 * @example
 * ```ts
 * const y = new Value(2, 'x').mul(3);
 * console.log(y.inputs[1].op === CONSTANT.name, y.inputs[1].op); // true const
 * ```
 */
export const CONSTANT: LeafRow = { arity: 0, name: 'const', symbol: '' };

/**
 * A built-in row with every fact present, defaults filled in, in one key order: rows of an arity
 * then share one object shape, so the engine's reads of a row (its arity, its functions) stay
 * monomorphic in the backward and replay loops.
 */
function row<R extends OpRow>(r: R): R {
  return {
    skipsOnZeroGradient: false,
    notation: 'call',
    operator: undefined,
    activation: false,
    functionName: undefined,
    readsInputs: true,
    forwardAt: undefined,
    kinks: undefined,
    ...r,
  };
}

const wide = [-2, 2] as const;
const positive = [0.2, 3] as const;

const add = row<BinaryRow>({
  name: 'add',
  symbol: '+',
  arity: 2,
  domain: [wide, wide],
  skipsOnZeroGradient: true,
  notation: 'infix',
  forward: (a, b) => a + b,
  derivativeA: () => 1,
  derivativeB: () => 1,
  derivativeValueA: () => 1,
  derivativeValueB: () => 1,
});

const sub = row<BinaryRow>({
  name: 'sub',
  symbol: '−',
  arity: 2,
  domain: [wide, wide],
  skipsOnZeroGradient: true,
  notation: 'infix',
  forward: (a, b) => a - b,
  derivativeA: () => 1,
  derivativeB: () => -1,
  derivativeValueA: () => 1,
  derivativeValueB: () => -1,
});

const mul = row<BinaryRow>({
  name: 'mul',
  symbol: '×',
  arity: 2,
  domain: [wide, wide],
  skipsOnZeroGradient: true,
  notation: 'infix',
  forward: (a, b) => a * b,
  derivativeA: (_a, b) => b,
  derivativeB: (a) => a,
  derivativeValueA: (_a, b) => b,
  derivativeValueB: (a) => a,
});

const div = row<BinaryRow>({
  name: 'div',
  symbol: '÷',
  arity: 2,
  domain: [wide, positive],
  notation: 'infix',
  forward: (a, b) => a / b,
  derivativeA: (_a, b) => 1 / b,
  // -a/b² written as -out/b, which stays finite wherever out is.
  derivativeB: (_a, b, out) => -out / b,
  kinks: [{ kind: 'singularity', argument: 1, offset: (xs) => xs[1], convention: 'autograd gives ±Infinity or NaN' }],
  derivativeValueA: (_a, b) => b.pow(-1),
  derivativeValueB: (_a, b, out) => out.div(b).neg(),
});

const pow = row<BinaryRow>({
  name: 'pow',
  symbol: '^',
  arity: 2,
  domain: [positive, [-2, 3]],
  notation: 'tight',
  operator: '^',
  // Squares (the commonest power: costs, MSE) are multiplied out: the same doubles as Math.pow,
  // which computes x^2 as x·x and x^1 as x, at a fraction of its cost.
  forward: (a, b) => (b === 2 ? a * a : Math.pow(a, b)),
  // b·a^(b-1), taken as 0 when b = 0 (x^0 is constant even at x = 0), as PyTorch does; the Value
  // form is a plain 0 there too, so second derivatives are 0 as well (PyTorch's `where`).
  derivativeA: (a, b) => (b === 2 ? 2 * a : b === 0 ? 0 : b * Math.pow(a, b - 1)),
  // out·ln(a), taken as 0 at a zero base with b >= 0 (PyTorch's mask): NaN for a negative base.
  // A constant exponent never asks for it.
  derivativeB: (a, b, out) => (a === 0 && b >= 0 ? 0 : out * Math.log(a)),
  // Base 0 is singular unless the exponent is a whole number >= 0 (then a^b is a polynomial).
  kinks: [
    {
      kind: 'singularity',
      argument: 0,
      offset: (xs) => (Number.isInteger(xs[1]) && xs[1] >= 0 ? NaN : xs[0]),
      convention: 'autograd gives ±Infinity, NaN or 0, as PyTorch does',
    },
  ],
  derivativeValueA: (a, b) => (b.data === 0 ? 0 : b.mul(a.pow(b.sub(1)))),
  derivativeValueB: (a, b, out) => (a.data === 0 && b.data >= 0 ? 0 : out.mul(a.log())),
});

const neg = row<UnaryRow>({
  name: 'neg',
  symbol: '−',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  notation: 'prefix',
  forward: (a) => -a,
  derivative: () => -1,
  derivativeValue: () => -1,
});

const square = row<UnaryRow>({
  name: 'square',
  symbol: 'x²',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  notation: 'postfix',
  operator: '²',
  functionName: 'square',
  forward: (a) => a * a,
  derivative: (a) => 2 * a,
  derivativeValue: (a) => a.mul(2),
});

const exp = row<UnaryRow>({
  name: 'exp',
  symbol: 'exp',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  functionName: 'exp',
  forward: Math.exp,
  derivative: (_a, out) => out,
  derivativeValue: (_a, out) => out,
});

const log = row<UnaryRow>({
  name: 'log',
  symbol: 'log',
  arity: 1,
  domain: [positive],
  functionName: 'log',
  forward: Math.log,
  derivative: (a) => 1 / a,
  kinks: [{ kind: 'singularity', argument: 0, offset: (xs) => xs[0], convention: 'autograd gives Infinity' }],
  derivativeValue: (a) => a.pow(-1),
});

const tanh = row<UnaryRow>({
  name: 'tanh',
  symbol: 'tanh',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  activation: true,
  functionName: 'tanh',
  // Math.tanh saturates to ±1 (never NaN), so 1 - out² is exactly 0 for large |a|.
  forward: Math.tanh,
  derivative: (_a, out) => 1 - out * out,
  derivativeValue: (_a, out) => out.square().neg().add(1),
});

const relu = row<UnaryRow>({
  name: 'relu',
  symbol: 'ReLU',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  activation: true,
  functionName: 'relu',
  // Written as `a <= 0` so that NaN goes through (relu(NaN) = NaN, as in PyTorch and micrograd).
  forward: (a) => (a <= 0 ? 0 : a),
  // The derivative at exactly 0 is taken as 0 (as micrograd and PyTorch do); at NaN it is 1, as
  // PyTorch's threshold_backward passes the gradient wherever the input is not <= 0.
  derivative: (a) => (a <= 0 ? 0 : 1),
  kinks: [
    { kind: 'kink', argument: 0, offset: (xs) => xs[0], sides: [0, 1], convention: 'autograd uses 0, as PyTorch does' },
  ],
  derivativeValue: (a) => (a.data <= 0 ? 0 : 1),
});

const sigmoid = row<UnaryRow>({
  name: 'sigmoid',
  symbol: 'σ',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  activation: true,
  functionName: 'sigmoid',
  // Overflow-safe: exp is only ever taken of a non-positive number.
  forward: (a) => {
    if (a >= 0) return 1 / (1 + Math.exp(-a));
    const e = Math.exp(a);
    return e / (1 + e);
  },
  derivative: (_a, out) => out * (1 - out),
  derivativeValue: (_a, out) => out.mul(out.neg().add(1)),
});

const sin = row<UnaryRow>({
  name: 'sin',
  symbol: 'sin',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  functionName: 'sin',
  forward: Math.sin,
  derivative: (a) => Math.cos(a),
  derivativeValue: (a) => a.cos(),
});

const cos = row<UnaryRow>({
  name: 'cos',
  symbol: 'cos',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  functionName: 'cos',
  forward: Math.cos,
  derivative: (a) => -Math.sin(a),
  derivativeValue: (a) => a.sin().neg(),
});

const sqrt = row<UnaryRow>({
  name: 'sqrt',
  symbol: '√',
  arity: 1,
  domain: [positive],
  functionName: 'sqrt',
  forward: Math.sqrt,
  // (1/out)·0.5, the doubles its Value form gives (x^-1 is computed as 1/x).
  derivative: (_a, out) => (1 / out) * 0.5,
  kinks: [{ kind: 'singularity', argument: 0, offset: (xs) => xs[0], convention: 'autograd gives Infinity' }],
  derivativeValue: (_a, out) => out.pow(-1).mul(0.5),
});

const abs = row<UnaryRow>({
  name: 'abs',
  symbol: '|x|',
  arity: 1,
  domain: [wide],
  skipsOnZeroGradient: true,
  notation: 'bars',
  functionName: 'abs',
  forward: Math.abs,
  // The derivative at exactly 0 is taken as 0 (the subgradient PyTorch uses).
  derivative: (a) => Math.sign(a),
  kinks: [
    {
      kind: 'kink',
      argument: 0,
      offset: (xs) => xs[0],
      sides: [-1, 1],
      convention: 'autograd uses 0, as PyTorch does',
    },
  ],
  derivativeValue: (a) => Math.sign(a.data),
});

const sum = row<NaryRow>({
  name: 'sum',
  symbol: 'Σ',
  arity: 'n',
  domain: [wide],
  skipsOnZeroGradient: true,
  readsInputs: false,
  forward: (xs) => {
    let total = 0;
    for (let i = 0; i < xs.length; i++) total += xs[i];
    return total;
  },
  derivative: () => 1,
  derivativeValue: () => 1,
  forwardAt: (values, slots, from, to) => {
    let total = 0;
    for (let i = from; i < to; i++) total += values[slots[i]];
    return total;
  },
});

/**
 * A neuron's weighted sum as one node: inputs `[w_0, x_0, w_1, x_1, ..., b]` give
 * `b + w_0·x_0 + w_1·x_1 + ...`, added in micrograd's order, `((b + w_0·x_0) + w_1·x_1) + ...`
 * (the same doubles). The bias is the last input when the count is odd; without it the sum is
 * `w_0·x_0 + w_1·x_1 + ...` (0 for no input at all). ∂/∂w_j = x_j, ∂/∂x_j = w_j, ∂/∂b = 1.
 */
const dot = row<NaryRow>({
  name: 'dot',
  symbol: 'w·x',
  arity: 'n',
  domain: [wide],
  skipsOnZeroGradient: true,
  notation: 'weighted',
  forward: (xs) => {
    const end = xs.length;
    const pairs = end & ~1;
    let total = pairs < end ? xs[pairs] : pairs > 0 ? xs[0] * xs[1] : 0;
    for (let i = pairs < end ? 0 : 2; i < pairs; i += 2) total += xs[i] * xs[i + 1];
    return total;
  },
  derivative: (i, xs) => (i === (xs.length & ~1) ? 1 : i % 2 === 0 ? xs[i + 1] : xs[i - 1]),
  derivativeValue: (i, xs) => (i === (xs.length & ~1) ? 1 : i % 2 === 0 ? xs[i + 1] : xs[i - 1]),
  forwardAt: (values, slots, from, to) => {
    const pairs = from + ((to - from) & ~1);
    let total = pairs < to ? values[slots[pairs]] : pairs > from ? values[slots[from]] * values[slots[from + 1]] : 0;
    for (let i = pairs < to ? from : from + 2; i < pairs; i += 2) total += values[slots[i]] * values[slots[i + 1]];
    return total;
  },
});

/**
 * The larger of a and b; NaN if either is NaN. At a tie (a = b) the gradient is split evenly,
 * 1/2 into each input, as torch.maximum does; elsewhere it all goes to the larger input (and to
 * both at NaN, as PyTorch's masks let it through).
 */
/**
 * The kink of max and min at a tie, declared on the first argument (the tie is the same point for
 * both): the offset is how far a is above b, `sides` ∂out/∂a just below and just above the tie.
 */
function tieKink(sides: readonly [number, number]): readonly Kink[] {
  return [
    {
      kind: 'kink',
      argument: 0,
      offset: (xs) => xs[0] - xs[1],
      sides,
      convention: 'autograd uses 0.5, as PyTorch does',
    },
  ];
}

const max = row<BinaryRow>({
  name: 'max',
  symbol: 'max',
  arity: 2,
  domain: [wide, wide],
  skipsOnZeroGradient: true,
  forward: (a, b) => Math.max(a, b),
  derivativeA: (a, b) => (a === b ? 0.5 : a < b ? 0 : 1),
  derivativeB: (a, b) => (a === b ? 0.5 : a > b ? 0 : 1),
  kinks: tieKink([0, 1]),
  derivativeValueA: (a, b) => (a.data === b.data ? 0.5 : a.data < b.data ? 0 : 1),
  derivativeValueB: (a, b) => (a.data === b.data ? 0.5 : a.data > b.data ? 0 : 1),
});

/** The smaller of a and b; NaN if either is NaN. A tie splits the gradient 1/2 each (torch.minimum). */
const min = row<BinaryRow>({
  name: 'min',
  symbol: 'min',
  arity: 2,
  domain: [wide, wide],
  skipsOnZeroGradient: true,
  forward: (a, b) => Math.min(a, b),
  derivativeA: (a, b) => (a === b ? 0.5 : a > b ? 0 : 1),
  derivativeB: (a, b) => (a === b ? 0.5 : a < b ? 0 : 1),
  kinks: tieKink([1, 0]),
  derivativeValueA: (a, b) => (a.data === b.data ? 0.5 : a.data > b.data ? 0 : 1),
  derivativeValueB: (a, b) => (a.data === b.data ? 0.5 : a.data < b.data ? 0 : 1),
});

/**
 * Every computing row, by name: `{ name, symbol, arity, domain, forward, derivative, ... }`.
 * Adding an op is adding a row here and a method on Value.
 *
 * @example
 * ```ts
 * console.log(Object.keys(OPS).length, OPS.mul.symbol, OPS.mul.arity, OPS.tanh.forward(0.5));
 * // 20 × 2 0.46211715726000974
 * ```
 */
export const OPS = {
  add,
  sub,
  mul,
  div,
  pow,
  neg,
  square,
  exp,
  log,
  tanh,
  relu,
  sigmoid,
  sin,
  cos,
  sqrt,
  abs,
  max,
  min,
  sum,
  dot,
} as const satisfies Record<string, OpRow>;

/** The name of a computing row: `'add' | 'sub' | ... | 'sum'`. */
export type OpName = keyof typeof OPS;

/**
 * The row called `name`, or undefined (own names only: `'toString'` is not a row).
 *
 * @example
 * ```ts
 * console.log(opByName('tanh') === OPS.tanh, opByName('toString')); // true undefined
 * ```
 */
export function opByName(name: string): OpRow | undefined {
  return Object.prototype.hasOwnProperty.call(OPS, name) ? OPS[name as OpName] : undefined;
}
