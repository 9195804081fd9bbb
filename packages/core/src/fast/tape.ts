/**
 * Replay: trace(root) flattens a graph into a Tape of typed arrays (values and gradients in
 * Float64Arrays, input slots in Int32Arrays, one op-table row per op slot), so the same graph can
 * be re-evaluated forward and backward on new leaf values without rebuilding it. The replay code
 * (generated per tape, see tape-compile.ts) calls the op-table rows' own functions: there is no
 * second copy of any derivative.
 */
import { AnomalyError, anomalyState, nodeName } from '../anomaly';
import { describe, usageError } from '../errors';
import { LeafRuns } from './leaf-runs';
import type { OpRow } from '../op-row';
import { CONSTANT, OPS } from '../ops';
import { NOT_READ, partial, readsInputs, unaryForward } from './partials';
import { compileReplay, type CompiledReplay } from './tape-compile';
import { Value } from '../value';
import { markOf, setMark, sortById, walk } from '../walk';

const NARY = 3;

/**
 * Replay runs code generated for the tape (tape-compile.ts). Where code cannot be generated, the
 * generic loops below run instead: they call rows through one call site, which sees many
 * different functions and so cannot inline them. For the four arithmetic rows, which dominate real
 * graphs, they call the row's own functions from a call site of their own (still the op table's
 * code, just reached directly), so the compiler can inline them. Other rows take the generic path.
 */
const { add, sub, mul, div } = OPS;
const GENERIC = 0;
const ADD = 1;
const SUB = 2;
const MUL = 3;
const DIV = 4;
const FAST_PATH = new Map<OpRow, number>([
  [add, ADD],
  [sub, SUB],
  [mul, MUL],
  [div, DIV],
]);

/**
 * A traced graph, made by `trace(root)`, that replays the same computation for new leaf data
 * without building Values. Slots hold, in order: the variables (`leaves`), the constants, then the
 * op nodes in creation order (every op after its inputs); the root is the last slot.
 *
 * @example
 * ```ts
 * const w = new Value(0.8, 'w');
 * const tape = trace(w.mul(1.5).sub(0.5).pow(2));
 * for (let step = 0; step < 3; step++) {
 *   w.grad = 0;
 *   const loss = tape.forward(); // from w's current data
 *   tape.backward(); // adds dC/dw into w.grad
 *   w.data -= 0.1 * w.grad;
 *   console.log(loss, w.data);
 * }
 * // 0.49000000000000027 0.59
 * // 0.148225 0.4745
 * // 0.0448380625 0.410975
 * ```
 */
export class Tape {
  /** The output the tape was traced from. */
  readonly root: Value;
  /** The variables (non-constant leaves) under the root, in creation order: set their `.data`, then `forward()`. */
  readonly leaves: readonly Value[];
  /** Value of every slot after the last `forward()` (or the trace). */
  readonly values: Float64Array;
  /** d root / d slot after the last `backward()`. */
  readonly grads: Float64Array;
  /** @internal The Value of every slot; null for a number operand that never became a Value. */
  readonly _nodes: ReadonlyArray<Value | null>;
  /** @internal Index of the first op slot. */
  readonly _firstOp: number;
  /** @internal Row of op slot firstOp + j. */
  readonly _rows: readonly OpRow[];
  /** @internal 1, 2 or 3 (n-ary) per op. */
  readonly _arity: Int8Array;
  /** @internal The fast-path code of each op (GENERIC for rows without one). */
  readonly _code: Int8Array;
  /** @internal Inputs of op j are _inputSlots[_inputStart[j] .. _inputStart[j + 1]). */
  readonly _inputStart: Int32Array;
  readonly _inputSlots: Int32Array;
  /** @internal 1 where a slot receives gradient (not a constant). */
  readonly _trainable: Uint8Array;
  /**
   * Scratch arrays for the n-ary ops' input values, by op index (null for other ops). Ops with the
   * same number of inputs share one array, which stays in the cache (an array per op would make
   * a replay's forward read and write one array per n-ary op).
   */
  private readonly scratch: Array<number[] | null>;
  /** Where the leaves' numbers live, for the copies in and out of the tape. */
  private readonly leafRuns: LeafRuns;
  /** @internal The replay code generated for this tape; null where code cannot be generated. */
  readonly _compiled: CompiledReplay | null;

  /** @internal Use `trace(root)`. */
  constructor(parts: {
    root: Value;
    leaves: Value[];
    nodes: Array<Value | null>;
    values: Float64Array;
    firstOp: number;
    rows: OpRow[];
    inputStart: Int32Array;
    inputSlots: Int32Array;
    trainable: Uint8Array;
  }) {
    this.root = parts.root;
    this.leaves = parts.leaves;
    this._nodes = parts.nodes;
    this.values = parts.values;
    this.grads = new Float64Array(parts.values.length);
    this._firstOp = parts.firstOp;
    this._rows = parts.rows;
    this._inputStart = parts.inputStart;
    this._inputSlots = parts.inputSlots;
    this._trainable = parts.trainable;
    this._arity = new Int8Array(parts.rows.length);
    this._code = new Int8Array(parts.rows.length);
    this.scratch = new Array<number[] | null>(parts.rows.length).fill(null);
    const scratchOfLength = new Map<number, number[]>();
    parts.rows.forEach((row, j) => {
      this._arity[j] = row.arity === 'n' ? NARY : row.arity;
      this._code[j] = FAST_PATH.get(row) ?? GENERIC;
      if (row.arity !== 'n') return;
      const length = parts.inputStart[j + 1] - parts.inputStart[j];
      let xs = scratchOfLength.get(length);
      if (xs === undefined) scratchOfLength.set(length, (xs = new Array<number>(length).fill(0.5)));
      this.scratch[j] = xs;
    });
    this.leafRuns = new LeafRuns(parts.leaves);
    this._compiled = compileReplay({
      values: this.values,
      grads: this.grads,
      firstOp: this._firstOp,
      rows: this._rows,
      inputStart: this._inputStart,
      inputSlots: this._inputSlots,
      trainable: this._trainable,
      scratch: this.scratch,
      leaves: this.leaves,
      leafRuns: this.leafRuns,
    });
  }

  /** Number of slots (variables, constants and ops). */
  get size(): number {
    return this.values.length;
  }

  /**
   * Recomputes every node from the leaves' current `.data` and returns the output's value. Values
   * stay in the tape until `sync()`.
   */
  forward(): number {
    const values = this.values;
    const compiled = this._compiled;
    if (compiled !== null) compiled.forward();
    else {
      this.leafRuns.readInto(values);
      this.evaluateGeneric(this._firstOp);
    }
    if (anomalyState.enabled) this.checkFinite(values, 'forward value');
    return values[values.length - 1];
  }

  /**
   * Recomputes every gradient for the current values (call `forward()` first when leaves changed)
   * and adds d root / d leaf into each leaf's `.grad`, like `Value.backward()`.
   */
  backward(): void {
    const compiled = this._compiled;
    if (compiled !== null && !anomalyState.enabled) {
      compiled.backward();
      return;
    }
    // Anomaly mode checks the gradients before any reaches a leaf.
    this._gradients();
    if (anomalyState.enabled) this.checkFinite(this.grads, 'gradient');
    this.leafRuns.addGradients(this.grads);
  }

  /** Writes the tape's values and gradients into the op nodes' `.data` and `.grad`. */
  sync(): void {
    const nodes = this._nodes;
    for (let k = this._firstOp; k < nodes.length; k++) {
      const v = nodes[k]!;
      v.data = this.values[k];
      v.grad = this.grads[k];
    }
  }

  /** @internal Re-evaluates op slots from `start` on (every earlier slot is taken as it is). */
  _evaluateFrom(start: number): void {
    const compiled = this._compiled;
    if (compiled === null) this.evaluateGeneric(start);
    else if (start <= this._firstOp) compiled.evaluate();
    else if (start < this.values.length) compiled.evaluateFrom(start);
  }

  /** @internal Fills `grads` with d root / d slot for the current values; touches no Value. */
  _gradients(): void {
    if (this._compiled !== null) this._compiled.gradients();
    else this.gradientsGeneric();
  }

  private evaluateGeneric(start: number): void {
    const values = this.values;
    const rows = this._rows;
    const arity = this._arity;
    const inputStart = this._inputStart;
    const inputs = this._inputSlots;
    const code = this._code;
    const firstOp = this._firstOp;
    for (let k = Math.max(start, firstOp); k < values.length; k++) {
      const j = k - firstOp;
      const s = inputStart[j];
      switch (code[j]) {
        case ADD:
          values[k] = add.forward(values[inputs[s]], values[inputs[s + 1]]);
          continue;
        case SUB:
          values[k] = sub.forward(values[inputs[s]], values[inputs[s + 1]]);
          continue;
        case MUL:
          values[k] = mul.forward(values[inputs[s]], values[inputs[s + 1]]);
          continue;
        case DIV:
          values[k] = div.forward(values[inputs[s]], values[inputs[s + 1]]);
          continue;
      }
      const row = rows[j];
      const n = arity[j];
      if (n === 2) values[k] = (row as BinaryOp).forward(values[inputs[s]], values[inputs[s + 1]]);
      else if (n === 1) values[k] = unaryForward(row as UnaryOp, values[inputs[s]]);
      else values[k] = (row as NaryOp).forward(this.gather(j));
    }
  }

  private gradientsGeneric(): void {
    const values = this.values;
    const grads = this.grads;
    const rows = this._rows;
    const arity = this._arity;
    const inputStart = this._inputStart;
    const inputs = this._inputSlots;
    const trainable = this._trainable;
    const code = this._code;
    const firstOp = this._firstOp;
    grads.fill(0);
    grads[grads.length - 1] = 1;
    for (let k = values.length - 1; k >= firstOp; k--) {
      const j = k - firstOp;
      const g = grads[k];
      const s = inputStart[j];
      const fast = code[j];
      if (fast !== GENERIC) {
        // add, sub, mul or div: binary, called directly (see FAST_PATH).
        const a = inputs[s];
        const b = inputs[s + 1];
        const x = values[a];
        const y = values[b];
        const out = values[k];
        let da: number;
        let db: number;
        if (fast === ADD) {
          da = add.derivativeA(x, y, out);
          db = add.derivativeB(x, y, out);
        } else if (fast === MUL) {
          da = mul.derivativeA(x, y, out);
          db = mul.derivativeB(x, y, out);
        } else if (fast === SUB) {
          da = sub.derivativeA(x, y, out);
          db = sub.derivativeB(x, y, out);
        } else {
          da = div.derivativeA(x, y, out);
          db = div.derivativeB(x, y, out);
        }
        if (trainable[a] === 1) grads[a] += g * da;
        if (trainable[b] === 1) grads[b] += g * db;
        continue;
      }
      const row = rows[j];
      const n = arity[j];
      if (n === 2) {
        const a = inputs[s];
        const b = inputs[s + 1];
        const r = row as BinaryOp;
        if (trainable[a] === 1) grads[a] += g * r.derivativeA(values[a], values[b], values[k]);
        if (trainable[b] === 1) grads[b] += g * r.derivativeB(values[a], values[b], values[k]);
      } else if (n === 1) {
        const a = inputs[s];
        if (trainable[a] === 1) grads[a] += g * partial(row as UnaryOp, values[a], values[k]);
      } else {
        const xs = readsInputs(row as NaryOp) ? this.gather(j) : NOT_READ;
        const end = inputStart[j + 1];
        for (let i = s; i < end; i++) {
          const x = inputs[i];
          if (trainable[x] === 1) grads[x] += g * (row as NaryOp).derivative(i - s, xs, values[k]);
        }
      }
    }
  }

  private gather(j: number): number[] {
    const xs = this.scratch[j]!;
    const values = this.values;
    const inputs = this._inputSlots;
    const s = this._inputStart[j];
    for (let i = 0; i < xs.length; i++) xs[i] = values[inputs[s + i]];
    return xs;
  }

  /** Anomaly mode: names the op node whose value (in forward order) or gradient (in backward order) is first non-finite. */
  private checkFinite(numbers: Float64Array, what: string): void {
    const backwardOrder = numbers === this.grads;
    const n = numbers.length;
    for (let step = 0; step < n; step++) {
      const k = backwardOrder ? n - 1 - step : step;
      if (Number.isFinite(numbers[k]) || (backwardOrder && this._trainable[k] === 0)) continue;
      const node = this._nodes[k];
      if (node === null) continue;
      const inputs =
        k < this._firstOp ? [] : this.inputSlotsOf(k).map((x) => `${this.slotName(x)} = ${this.values[x]}`);
      throw new AnomalyError(
        `@chainrule/core: anomaly (replay): ${what} of ${nodeName(node)} is ${numbers[k]} (inputs: ${inputs.join(', ') || 'none'}). ` +
          "Check the leaves' new values against the domains of the ops.",
        node,
      );
    }
  }

  private inputSlotsOf(k: number): number[] {
    const j = k - this._firstOp;
    return Array.from(this._inputSlots.subarray(this._inputStart[j], this._inputStart[j + 1]));
  }

  private slotName(k: number): string {
    const node = this._nodes[k];
    return node === null ? 'const' : nodeName(node);
  }
}

type UnaryOp = Extract<OpRow, { arity: 1 }>;
type BinaryOp = Extract<OpRow, { arity: 2 }>;
type NaryOp = Extract<OpRow, { arity: 'n' }>;

/**
 * Flattens the graph under `root` into a Tape for fast replay: change leaves' `.data`, then
 * `tape.forward()` and `tape.backward()` recompute everything without building a new graph.
 * @example
 * const w = new Value(0.8, 'w');
 * const tape = trace(w.mul(1.5).sub(0.5).pow(2));
 * tape.backward(); // w.grad = 2.1
 * w.data = 0.59; w.grad = 0;
 * tape.forward(); tape.backward(); // recomputed for w = 0.59
 */
export function trace(root: Value): Tape {
  if (!(root instanceof Value)) throw usageError('trace', `expected a Value, got ${describe(root)}.`);
  const opsDescending: Value[] = [];
  const reached: Value[] = [];
  const constants: Value[] = [];
  walk(
    root,
    (v) => opsDescending.push(v),
    (v) => (v._row === CONSTANT ? constants : reached).push(v),
  );
  const leaves = sortById(reached);
  let numberOperands = 0;
  let edges = 0;
  for (const v of opsDescending) {
    if (typeof v._b === 'number') numberOperands++;
    edges += v._row.arity === 'n' ? (v._b as readonly Value[]).length : (v._row.arity as number);
  }
  const firstOp = leaves.length + constants.length + numberOperands;
  const size = firstOp + opsDescending.length;
  const nodes = new Array<Value | null>(size).fill(null);
  const values = new Float64Array(size);
  const trainable = new Uint8Array(size);

  // Slots are kept in each node's walk mark as -(slot + 1) (walks only compare marks to positive
  // walk numbers, so a negative mark reads as "not reached" to every later walk).
  let next = 0;
  const place = (v: Value, receivesGradient: boolean): void => {
    nodes[next] = v;
    values[next] = v.data;
    trainable[next] = receivesGradient ? 1 : 0;
    setMark(v, -++next);
  };
  for (const v of leaves) place(v, true);
  for (const v of constants) place(v, false);
  let nextConstant = next;
  next = firstOp;
  const rows: OpRow[] = [];
  const inputStart = new Int32Array(opsDescending.length + 1);
  const inputSlots = new Int32Array(edges);
  let e = 0;
  const slotOf = (v: Value): number => -markOf(v) - 1;
  for (let i = opsDescending.length - 1; i >= 0; i--) {
    const v = opsDescending[i];
    const j = next - firstOp;
    const row = v._row as OpRow;
    rows.push(row);
    inputStart[j] = e;
    const b = v._b;
    if (row.arity === 'n') {
      for (const x of b as readonly Value[]) inputSlots[e++] = slotOf(x);
    } else {
      inputSlots[e++] = slotOf(v._a!);
      if (row.arity === 2) {
        if (typeof b === 'number') {
          values[nextConstant] = b;
          inputSlots[e++] = nextConstant++;
        } else inputSlots[e++] = slotOf(b as Value);
      }
    }
    place(v, true);
  }
  inputStart[opsDescending.length] = e;
  return new Tape({ root, leaves, nodes, values, firstOp, rows, inputStart, inputSlots, trainable });
}
