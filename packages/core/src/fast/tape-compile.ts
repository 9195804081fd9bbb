/**
 * Replay code made for one tape: for every tape, a forward and a backward loop with one `case` per
 * distinct (row, inputs that receive gradient) pair (shared by tapes with the same pairs), plus one
 * per kind of product group (tape-fuse.ts: a neuron's products, their sum and its relu in one case,
 * or a product and the add or sub that takes it, as in a micrograd-style neuron); for
 * small tapes also straight-line code, one statement per op with its slots written in, its numbers
 * in locals, and the leaves read from and added into their node-store slots directly. Either way
 * each call of a row's own function has a call site of its own, so the compiler can inline it.
 * Where `new Function` is forbidden (a page whose CSP lacks 'unsafe-eval') this gives null.
 */
import type { LeafRuns } from './leaf-runs';
import type { NaryRow, OpRow } from '../op-row';
import { NOT_READ, readsInputs } from './partials';
import { findProductGroups } from './tape-fuse';
import type { Value } from '../value';

/** The arrays of a tape that the replay loops read (see Tape for what each holds). */
export interface ReplayArrays {
  readonly values: Float64Array;
  readonly grads: Float64Array;
  readonly firstOp: number;
  readonly rows: readonly OpRow[];
  readonly inputStart: Int32Array;
  readonly inputSlots: Int32Array;
  readonly trainable: Uint8Array;
  /** Scratch arrays for the n-ary ops' input values, by op index (null for other ops). */
  readonly scratch: ReadonlyArray<number[] | null>;
  /** The variables, slots 0 .. leaves.length - 1, and the runs their numbers sit in. */
  readonly leaves: readonly Value[];
  readonly leafRuns: LeafRuns;
}

/** A tape's generated replay: the same contract as Tape._evaluateFrom and Tape._gradients. */
export interface CompiledReplay {
  /** Reads the leaves' data into their slots, then re-evaluates every op slot. */
  forward(): void;
  /** Fills `grads` (as gradients() does), then adds each leaf's slot into the leaf's gradient. */
  backward(): void;
  /** Re-evaluates every op slot. */
  evaluate(): void;
  /** Re-evaluates op slots from `start` (an op slot) on. */
  evaluateFrom(start: number): void;
  /** Fills `grads` with d root / d slot for the current values. */
  gradients(): void;
}

/**
 * Straight-line code for one tape's structure (every op's statements with its slots written in),
 * made per tape from its arrays: the tape calls the code itself, with no wrapper between.
 */
type StraightLine = (
  values: Float64Array,
  grads: Float64Array,
  scratch: ReplayArrays['scratch'],
  leafData: readonly Float64Array[],
  leafGrads: readonly Float64Array[],
  leafSlots: readonly number[],
) => Omit<CompiledReplay, 'evaluateFrom'>;

/**
 * The loops of one list of kinds, taking the tape's arrays as arguments. `kinds` holds each op's
 * kind for that loop (a product group's kind sits at its first op in forward, at its last op (n-ary,
 * add or sub) or the unary op after it in backward); `partner` holds, at the group's first op and
 * its last op, the op index of the other.
 */
interface ReplayLoops {
  evaluate(arrays: ReplayArrays, kinds: KindArray, partner: Int32Array, start: number): void;
  gradients(arrays: ReplayArrays, kinds: KindArray, partner: Int32Array): void;
}

type KindArray = Uint8Array | Uint16Array;

/** What an op's case is generated from: its row and, for arity 1 and 2, which inputs receive gradient. */
interface Kind {
  readonly row: OpRow;
  /** Bit 0: the first input is trainable; bit 1: the second. Always 0 for n-ary rows (checked per input). */
  readonly trainableMask: number;
  /** For a product group: the kind of its products (its n-ary op is `row`); null for a single op. */
  readonly product: Kind | null;
  /** For a product group that takes in the unary op after its n-ary op: that op's kind; else null. */
  readonly unary: Kind | null;
}

/** Makes a function from parameter names and a body: `new Function` unless a test swaps it. */
export type FunctionMaker = (params: readonly string[], body: string) => (...args: unknown[]) => unknown;

// eslint-disable-next-line no-restricted-syntax -- one parameter per op row used, a few dozen at most
const newFunction: FunctionMaker = (params, body) => new Function(...params, body) as (...args: unknown[]) => unknown;

let makeFunction = newFunction;

/** Compiled code by what it was made from (cleared when it holds CACHE_LIMIT entries). */
const loopCache = new Map<string, ReplayLoops>();
const straightLineCache = new Map<string, StraightLine>();
const CACHE_LIMIT = 64;

/**
 * Tapes with up to this many inputs over all ops get straight-line code, which reads no kind or
 * input slot per op. V8 optimises a function only after running its bytecode many times over, so
 * longer straight-line code runs unoptimised for thousands of replays (the loops are optimised
 * within the first one): below this size the straight-line code wins (docs/perf.md).
 */
export const STRAIGHT_LINE_LIMIT = 32;
let straightLineLimit = STRAIGHT_LINE_LIMIT;

/** @internal For tests: tapes with up to `limit` inputs get straight-line code (0: none do). */
export function _setStraightLineLimit(limit = STRAIGHT_LINE_LIMIT): void {
  straightLineLimit = limit;
}

/** A number per row object, for cache keys. */
const rowIds = new WeakMap<OpRow, number>();
let nextRowId = 0;

/**
 * @internal For tests: replaces how functions are made (e.g. with one that throws, as under a
 * CSP without 'unsafe-eval'), or restores `new Function` when given nothing. Clears the caches.
 */
export function _setFunctionMaker(maker: FunctionMaker = newFunction): void {
  makeFunction = maker;
  loopCache.clear();
  straightLineCache.clear();
}

/**
 * Generated replay code for the tape whose arrays are given, or null where code cannot be
 * generated (the caller then uses its generic loops).
 */
export function compileReplay(arrays: ReplayArrays): CompiledReplay | null {
  const { forwardKinds, backwardKinds, partner, list } = kindsOf(arrays);
  if (list.length > 0xffff) return null;
  let loops: ReplayLoops;
  let straight: StraightLine | null = null;
  try {
    loops = cached(loopCache, kindsKey(list), () => generateLoops(list));
    if (arrays.inputSlots.length <= straightLineLimit) {
      const { rowList, source } = straightLineSource(arrays);
      straight = cached(
        straightLineCache,
        `${rowsKey(rowList)}\n${source}`,
        () =>
          // eslint-disable-next-line no-restricted-syntax -- one argument per op row used, a few dozen at most
          makeFunction(['NOT_READ', ...rowList.map((_, i) => `r${i}`)], source)(NOT_READ, ...rowList) as StraightLine,
      );
    }
  } catch {
    return null;
  }
  const kindArray = (kinds: number[]): KindArray =>
    list.length <= 0x100 ? Uint8Array.from(kinds) : Uint16Array.from(kinds);
  const forward = kindArray(forwardKinds);
  const backward = kindArray(backwardKinds);
  const evaluateFrom = (start: number): void => loops.evaluate(arrays, forward, partner, start);
  const { values, grads, scratch, leaves, leafRuns } = arrays;
  if (straight !== null) {
    const made = straight(
      values,
      grads,
      scratch,
      leaves.map((leaf) => leaf._blk.data),
      leaves.map((leaf) => leaf._blk.grad),
      leaves.map((leaf) => leaf._slot),
    );
    return { ...made, evaluateFrom };
  }
  const evaluate = (): void => loops.evaluate(arrays, forward, partner, arrays.firstOp);
  const gradients = (): void => loops.gradients(arrays, backward, partner);
  return {
    forward: () => {
      leafRuns.readInto(values);
      evaluate();
    },
    backward: () => {
      gradients();
      leafRuns.addGradients(grads);
    },
    evaluate,
    evaluateFrom,
    gradients,
  };
}

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let made = cache.get(key);
  if (made === undefined) {
    made = make();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, made);
  }
  return made;
}

function kindsKey(list: readonly Kind[]): string {
  return list.map(kindKey).join(' ');
}

function kindKey(kind: Kind): string {
  const own = `${rowId(kind.row)}.${kind.trainableMask}`;
  if (kind.product === null) return own;
  const group = `${kindKey(kind.product)}>${own}`;
  return kind.unary === null ? group : `${group}>${kindKey(kind.unary)}`;
}

function rowsKey(rowList: readonly OpRow[]): string {
  return rowList.map(rowId).join(' ');
}

function rowId(row: OpRow): number {
  let id = rowIds.get(row);
  if (id === undefined) rowIds.set(row, (id = nextRowId++));
  return id;
}

/**
 * Each op's kind index for the forward and the backward loop, the partner array (see ReplayLoops)
 * and the distinct kinds in order of first use. Outside product groups both loops use the op's own
 * kind; inside one, every op but the group's first (forward) or last (backward) keeps its own kind
 * too, so a forward from any op inside a group runs op by op from there.
 */
function kindsOf(arrays: ReplayArrays): {
  forwardKinds: number[];
  backwardKinds: number[];
  partner: Int32Array;
  list: Kind[];
} {
  const { rows, inputStart, inputSlots, trainable } = arrays;
  const list: Kind[] = [];
  const indexByMask = new Map<OpRow, number[]>();
  const forwardKinds = new Array<number>(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    const s = inputStart[j];
    let mask = 0;
    if (row.arity !== 'n') {
      mask = trainable[inputSlots[s]];
      if (row.arity === 2) mask |= trainable[inputSlots[s + 1]] << 1;
    }
    let byMask = indexByMask.get(row);
    if (byMask === undefined) indexByMask.set(row, (byMask = [-1, -1, -1, -1]));
    if (byMask[mask] < 0) {
      byMask[mask] = list.length;
      list.push({ row, trainableMask: mask, product: null, unary: null });
    }
    forwardKinds[j] = byMask[mask];
  }
  const backwardKinds = forwardKinds.slice();
  const partner = new Int32Array(rows.length);
  const groupIndexByKey = new Map<string, number>();
  for (const { first, last, productMask, unary } of findProductGroups(arrays)) {
    const product: Kind = { row: rows[first], trainableMask: productMask, product: null, unary: null };
    const unaryKind: Kind | null = unary
      ? { row: rows[last + 1], trainableMask: trainable[last + arrays.firstOp], product: null, unary: null }
      : null;
    const row = rows[last];
    const mask =
      row.arity === 'n' ? 0 : trainable[inputSlots[inputStart[last]]] | (trainable[last - 1 + arrays.firstOp] << 1);
    const kind: Kind = { row, trainableMask: mask, product, unary: unaryKind };
    const key = kindKey(kind);
    let group = groupIndexByKey.get(key);
    if (group === undefined) {
      groupIndexByKey.set(key, (group = list.length));
      list.push(kind);
    }
    forwardKinds[first] = group;
    backwardKinds[unary ? last + 1 : last] = group;
    partner[first] = last;
    partner[last] = first;
  }
  return { forwardKinds, backwardKinds, partner, list };
}

/**
 * The loops' source. Row i of `list` is parameter `r<i>` (and, for a product group, its products'
 * row `p<i>` and, if it takes in a unary op, that op's row `u<i>`; its forward over the tape's
 * slots, where the row has a `forwardAt`, is `a<i>`). Both loops keep `s`, the position of the current op's
 * first input in `inputSlots`, moving it by the row's arity (known in each case).
 */
function generateLoops(list: readonly Kind[]): ReplayLoops {
  const forwardCases = list.map((kind, i) => `case ${i}: {\n${forwardCase(kind, i)}\nbreak;\n}`);
  const backwardCases = list.map((kind, i) => `case ${i}: {\n${backwardCase(kind, i)}\nbreak;\n}`);
  const body = `
function evaluate(arrays, kinds, partner, start) {
  const { values, firstOp, inputStart, scratch } = arrays;
  const inputs = arrays.inputSlots;
  let s = inputStart[start - firstOp];
  for (let k = start, j = start - firstOp; k < values.length; k++, j++) {
    switch (kinds[j]) {
${forwardCases.join('\n')}
    }
  }
}
function gradients(arrays, kinds, partner) {
  const { values, grads, firstOp, inputStart, trainable, scratch } = arrays;
  const inputs = arrays.inputSlots;
  grads.fill(0);
  grads[grads.length - 1] = 1;
  let s = inputs.length;
  for (let k = values.length - 1, j = k - firstOp; j >= 0; k--, j--) {
    const g = grads[k];
    switch (kinds[j]) {
${backwardCases.join('\n')}
    }
  }
}
return { evaluate, gradients };`;
  const unaryAt = list.flatMap((kind, i) => (kind.unary === null ? [] : [i]));
  const params = [
    ...list.map((_, i) => `r${i}`),
    ...list.map((_, i) => `p${i}`),
    ...unaryAt.map((i) => `u${i}`),
    ...list.map((_, i) => `a${i}`),
    'NOT_READ',
  ];
  const args = [
    ...list.map((kind) => kind.row),
    ...list.map((kind) => kind.product?.row),
    ...unaryAt.map((i) => list[i].unary?.row),
    ...list.map((kind) => (kind.row as NaryRow).forwardAt),
    NOT_READ,
  ];
  // eslint-disable-next-line no-restricted-syntax -- one argument per op row used and a few arrays
  return makeFunction(params, body)(...args) as ReplayLoops;
}

/**
 * Computes values[k] from the inputs at `s`, and moves `s` past them. A product group's case
 * gathers its n-ary op's other inputs, computes each product into its slot and straight into the
 * n-ary op's input array, then the n-ary op (a pair: the product, then the add or sub), then its
 * unary op if the group has one, leaving `k` and `j` at the group's last op.
 */
function forwardCase(kind: Kind, index: number): string {
  if (kind.product === null) return opForward(kind, index);
  const unaryLines = kind.unary === null ? '' : `\nj++;\nk++;\nvalues[k] = u${index}.forward(values[k - 1]);\ns += 1;`;
  if (kind.row.arity === 2) {
    return `values[k] = p${index}.forward(values[inputs[s]], values[inputs[s + 1]]);
s += 2;
j++;
k++;
values[k] = r${index}.forward(values[inputs[s]], values[k - 1]);
s += 2;${unaryLines}`;
  }
  return `const last = partner[j];
const xs = scratch[last];
const others = inputStart[last + 1] - inputStart[last] - (last - j);
for (let i = 0; i < others; i++) xs[i] = values[inputs[inputStart[last] + i]];
for (let i = others; j < last; j++, k++, i++) {
  const product = p${index}.forward(values[inputs[s]], values[inputs[s + 1]]);
  values[k] = product;
  xs[i] = product;
  s += 2;
}
values[k] = r${index}.forward(xs);
s = inputStart[j + 1];${unaryLines}`;
}

/**
 * Adds g times each local derivative into the trainable inputs and moves `s` back. A product
 * group's case first does its unary op's statements, if it has one, and moves to the n-ary op
 * (whose gradient is then complete: the unary op is its only use); then it adds into the n-ary
 * op's other inputs (a pair: the add or sub's first input), then, from the last product to the
 * first, into that product and from it into the product's inputs (the products are used nowhere
 * else, so each product's gradient is complete once the n-ary op has added into it, and every
 * other slot receives its additions in the same order as op by op), leaving `k` and `j` at the
 * first.
 *
 * A group whose gradient is 0 (a neuron whose relu is off, a point whose hinge is closed), whose
 * n-ary row has finite derivatives wherever its value is finite (skipsOnZeroGradient) and whose
 * values are all finite adds nothing and is skipped, as hand-written backprop skips it: every
 * contribution would be 0 × (a finite number) = ±0, and adding ±0 leaves every gradient slot as it
 * is (slots start at +0 and sums of doubles never make -0 from it). The result is the same to the bit.
 */
function backwardCase(kind: Kind, index: number): string {
  const { row, product } = kind;
  if (product === null) return opBackward(kind, `r${index}`);
  const intoA = (product.trainableMask & 1) !== 0;
  const intoB = (product.trainableMask & 2) !== 0;
  const productLines = ['s -= 2;'];
  if (intoA || intoB) productLines.push('const a = inputs[s];', 'const b = inputs[s + 1];');
  if (intoA) productLines.push(`grads[a] += gk * p${index}.derivativeA(values[a], values[b], values[k]);`);
  if (intoB) productLines.push(`grads[b] += gk * p${index}.derivativeB(values[a], values[b], values[k]);`);
  const groupLines = row.arity === 2 ? pairLines(kind, index, productLines) : naryGroupLines(kind, index, productLines);
  if (kind.unary === null) return groupLines;
  return `${opBackward(kind.unary, `u${index}`)}
k--;
j--;
{
const g = grads[k];
${groupLines}
}`;
}

/**
 * A pair's backward (see backwardCase): the add or sub into its first input and into the product
 * (its second input, the slot before it), then the product into its inputs.
 */
function pairLines(kind: Kind, index: number, productLines: readonly string[]): string {
  const lines = ['s -= 2;'];
  if ((kind.trainableMask & 1) !== 0) {
    lines.push(
      `{\nconst a = inputs[s];\ngrads[a] += g * r${index}.derivativeA(values[a], values[k - 1], values[k]);\n}`,
    );
  }
  if ((kind.trainableMask & 2) !== 0) {
    lines.push(`grads[k - 1] += g * r${index}.derivativeB(values[inputs[s]], values[k - 1], values[k]);`);
  }
  return `${lines.join('\n')}
k--;
j--;
{
const gk = grads[k];
${productLines.join('\n')}
}`;
}

/** An n-ary group's backward (see backwardCase), with its skip when its gradient is 0. */
function naryGroupLines(kind: Kind, index: number, productLines: readonly string[]): string {
  const row = kind.row as NaryRow; // backwardCase sends the other groups to pairLines
  const xs = readsInputs(row) ? gather('first', 's') : 'const xs = NOT_READ;\nconst end = s;';
  // With every value of the group finite, the row's and the products' derivatives are finite
  // (skipsOnZeroGradient), so a zero gradient sends only ±0: skip the group.
  const skipZero = row.skipsOnZeroGradient
    ? `let skip = g === 0 && Number.isFinite(out);
for (let p = k - (end - productsAt); skip && p < k; p++) skip = Number.isFinite(values[p]);
if (skip) {
  const products = end - productsAt;
  k -= products;
  j -= products;
  s = first - 2 * products;
} else `
    : '';
  return `const first = inputStart[j];
${xs}
const out = values[k];
const firstProduct = partner[j];
const productsAt = end - (j - firstProduct);
${skipZero}{
for (let i = first; i < productsAt; i++) {
  const x = inputs[i];
  if (trainable[x] === 1) grads[x] += g * r${index}.derivative(i - first, xs, out);
}
s = first;
for (let i = end - 1; i >= productsAt; i--) {
  k--;
  j--;
  grads[k] += g * r${index}.derivative(i - first, xs, out);
  const gk = grads[k];
${productLines.join('\n')}
}
}`;
}

/**
 * One op's forward statements (see forwardCase), row `r<index>`. An n-ary row with a forward over
 * the tape's slots (its `forwardAt`, parameter `a<index>`) reads its inputs where they are.
 */
function opForward({ row }: Kind, index: number): string {
  const r = `r${index}`;
  if (row.arity === 2) return `values[k] = ${r}.forward(values[inputs[s]], values[inputs[s + 1]]);\ns += 2;`;
  if (row.arity === 1) return `values[k] = ${r}.forward(values[inputs[s]]);\ns += 1;`;
  if (row.forwardAt !== undefined)
    return `const end = inputStart[j + 1];\nvalues[k] = a${index}(values, inputs, s, end);\ns = end;`;
  return `${gather('s', 'inputStart[j + 1]')}\nvalues[k] = ${r}.forward(xs);\ns = end;`;
}

/** One op's backward statements (see backwardCase): moves `s` back to its first input first. */
function opBackward({ row, trainableMask }: Kind, r: string): string {
  const intoA = (trainableMask & 1) !== 0;
  const intoB = (trainableMask & 2) !== 0;
  if (row.arity === 2) {
    const lines = ['s -= 2;'];
    if (intoA || intoB) lines.push('const a = inputs[s];', 'const b = inputs[s + 1];');
    if (intoA) lines.push(`grads[a] += g * ${r}.derivativeA(values[a], values[b], values[k]);`);
    if (intoB) lines.push(`grads[b] += g * ${r}.derivativeB(values[a], values[b], values[k]);`);
    return lines.join('\n');
  }
  if (row.arity === 1) {
    return intoA ? `s -= 1;\nconst a = inputs[s];\ngrads[a] += g * ${r}.derivative(values[a], values[k]);` : 's -= 1;';
  }
  const xs = readsInputs(row) ? gather('first', 's') : 'const xs = NOT_READ;\nconst end = s;';
  const sends = `${xs}
for (let i = first; i < end; i++) {
  const x = inputs[i];
  if (trainable[x] === 1) grads[x] += g * ${r}.derivative(i - first, xs, values[k]);
}`;
  // A zero gradient into a row whose derivatives are finite where its value is (a sum behind an
  // off relu) sends only ±0: skip it.
  return `const first = inputStart[j];
${row.skipsOnZeroGradient ? `if (g !== 0 || !Number.isFinite(values[k])) {\n${sends}\n}` : sends}
s = first;`;
}

/** Declares `xs` (the op's scratch array) filled with the values of inputs[from .. end). */
function gather(from: string, to: string): string {
  return `const end = ${to};
const xs = scratch[j];
for (let i = ${from}; i < end; i++) xs[i - ${from}] = values[inputs[i]];`;
}

/**
 * The source of the straight-line code: every op as statements with its slots written in. Values
 * and gradients are carried in locals (`x<slot>`, `g<slot>`) and stored into `v` (values) and `g`
 * (grads) as they are made, so no statement waits for a number it just stored (a store and the
 * load after it cost about as much as the arithmetic of a small tape). Distinct row i is `r<i>`.
 * A gradient starts as `0 + ...` where it is first reached (exactly what adding into a zeroed
 * slot gives); the slots backward never reaches are stored as zeros, instead of zeroing every slot
 * first.
 */
function straightLineSource(arrays: ReplayArrays): { rowList: OpRow[]; source: string } {
  const { values, firstOp, rows, inputStart, inputSlots, trainable } = arrays;
  const root = values.length - 1;
  const rowList: OpRow[] = [];
  const rowIndex = new Map<OpRow, number>();
  const nameOf = (row: OpRow): string => {
    let i = rowIndex.get(row);
    if (i === undefined) {
      rowIndex.set(row, (i = rowList.length));
      rowList.push(row);
    }
    return `r${i}`;
  };
  /** Statements filling op j's scratch array `xs<j>` from the input locals. */
  const gather = (j: number): string => {
    const lines = [`const xs${j} = scratch[${j}];`];
    for (let i = inputStart[j]; i < inputStart[j + 1]; i++)
      lines.push(`xs${j}[${i - inputStart[j]}] = x${inputSlots[i]};`);
    return lines.join(' ');
  };
  const leafCount = arrays.leaves.length;
  /** `line(x)` for every slot x from `from` up to `to`, joined. */
  const slots = (from: number, to: number, line: (x: number) => string): string =>
    Array.from({ length: to - from }, (_, i) => line(from + i)).join(' ');
  /** The leaves' and constants' values as locals (`x<slot>`), read from `v`. */
  const readInputs = slots(0, firstOp, (x) => `const x${x} = v[${x}];`);
  /** The same, with each leaf read from its node-store slot (`d<i>[s<i>]`) and stored into `v`. */
  const readLeaves = slots(0, firstOp, (x) =>
    x < leafCount ? `const x${x} = d${x}[s${x}]; v[${x}] = x${x};` : `const x${x} = v[${x}];`,
  );

  const forward: string[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    const r = nameOf(row);
    const s = inputStart[j];
    const k = j + firstOp;
    if (row.arity === 2) forward.push(`const x${k} = ${r}.forward(x${inputSlots[s]}, x${inputSlots[s + 1]});`);
    else if (row.arity === 1) forward.push(`const x${k} = ${r}.forward(x${inputSlots[s]});`);
    else forward.push(`${gather(j)} const x${k} = ${r}.forward(xs${j});`);
    forward.push(`v[${k}] = x${k};`);
  }

  const readValues = slots(firstOp, values.length, (x) => `const x${x} = v[${x}];`);
  const reached = new Uint8Array(values.length);
  reached[root] = 1;
  const backward: string[] = [];
  const addInto = (x: number, k: number, derivative: string): void => {
    if (trainable[x] === 0) return;
    backward.push(`${reached[x] === 1 ? `g${x} +=` : `let g${x} = 0 +`} g${k} * ${derivative};`);
    reached[x] = 1;
  };
  for (let j = rows.length - 1; j >= 0; j--) {
    const row = rows[j];
    const r = nameOf(row);
    const s = inputStart[j];
    const k = j + firstOp;
    // Every contribution into op k is made by now: its gradient is final.
    if (k !== root) backward.push(reached[k] === 1 ? `g[${k}] = g${k};` : `const g${k} = 0; g[${k}] = 0;`);
    reached[k] = 1;
    if (row.arity === 2) {
      const [a, b] = [inputSlots[s], inputSlots[s + 1]];
      addInto(a, k, `${r}.derivativeA(x${a}, x${b}, x${k})`);
      addInto(b, k, `${r}.derivativeB(x${a}, x${b}, x${k})`);
    } else if (row.arity === 1) {
      addInto(inputSlots[s], k, `${r}.derivative(x${inputSlots[s]}, x${k})`);
    } else {
      backward.push(readsInputs(row) ? gather(j) : `const xs${j} = NOT_READ;`);
      for (let i = s; i < inputStart[j + 1]; i++) addInto(inputSlots[i], k, `${r}.derivative(${i - s}, xs${j}, x${k})`);
    }
  }
  const leavesAndConstants: string[] = [];
  for (let x = 0; x < firstOp; x++) leavesAndConstants.push(reached[x] === 1 ? `g[${x}] = g${x};` : `g[${x}] = 0;`);
  const intoLeaves = slots(0, leafCount, (x) => (reached[x] === 1 ? `e${x}[s${x}] += g${x};` : ''));
  const gradientBody = `${readInputs}
${readValues}
const g${root} = 1;
g[${root}] = 1;
${backward.join('\n')}
${leavesAndConstants.join(' ')}`;
  const forwardBody = forward.join('\n');

  // Leaf i's data, gradients and slot are d<i>, e<i> and s<i>.
  const source = `
return (v, g, scratch, leafData, leafGrads, leafSlots) => {
${slots(0, leafCount, (i) => `const d${i} = leafData[${i}], e${i} = leafGrads[${i}], s${i} = leafSlots[${i}];`)}
return {
  evaluate() {
${readInputs}
${forwardBody}
  },
  forward() {
${readLeaves}
${forwardBody}
  },
  gradients() {
${gradientBody}
  },
  backward() {
${gradientBody}
${intoLeaves}
  },
};
};`;
  return { rowList, source };
}
