/**
 * Local derivatives for the backward loops (backward.ts, tape.ts) and unary forwards for replay,
 * read from the op table with a call site of their own for the rows that dominate real graphs,
 * and whether an n-ary row's derivative needs its inputs' values at all.
 */
import type { BinaryRow, NaryRow, UnaryRow } from '../op-row';
import { OPS } from '../ops';

/**
 * A loop calling `row.derivative...` sees every row and cannot be inlined, so each one boxes
 * its numbers into fresh heap objects. The rows that dominate real graphs are called from a call
 * site of their own instead (still the op table's functions): these inline.
 */
const { add, sub, mul, div, relu, tanh, square, sum, dot } = OPS;

/** ∂out/∂a of a binary row. */
export function partialA(row: BinaryRow, a: number, b: number, out: number): number {
  if (row === mul) return mul.derivativeA(a, b, out);
  if (row === add) return add.derivativeA(a, b, out);
  if (row === sub) return sub.derivativeA(a, b, out);
  if (row === div) return div.derivativeA(a, b, out);
  return row.derivativeA(a, b, out);
}

/** ∂out/∂b of a binary row. */
export function partialB(row: BinaryRow, a: number, b: number, out: number): number {
  if (row === mul) return mul.derivativeB(a, b, out);
  if (row === add) return add.derivativeB(a, b, out);
  if (row === sub) return sub.derivativeB(a, b, out);
  if (row === div) return div.derivativeB(a, b, out);
  return row.derivativeB(a, b, out);
}

/** The output of a unary row. */
export function unaryForward(row: UnaryRow, a: number): number {
  if (row === relu) return relu.forward(a);
  if (row === tanh) return tanh.forward(a);
  if (row === square) return square.forward(a);
  return row.forward(a);
}

/** ∂out/∂a of a unary row. */
export function partial(row: UnaryRow, a: number, out: number): number {
  if (row === relu) return relu.derivative(a, out);
  if (row === tanh) return tanh.derivative(a, out);
  if (row === square) return square.derivative(a, out);
  return row.derivative(a, out);
}

/** ∂out/∂xs[i] of an n-ary row. */
export function naryPartial(row: NaryRow, i: number, xs: readonly number[], out: number): number {
  if (row === sum) return sum.derivative(i, xs, out);
  if (row === dot) return dot.derivative(i, xs, out);
  return row.derivative(i, xs, out);
}

/** Given to n-ary derivatives whose row says they do not read `xs` (see NaryRow.readsInputs). */
export const NOT_READ: readonly number[] = Object.freeze([]);

/** Whether an n-ary row's derivative reads its inputs' values (`sum`'s does not). */
export function readsInputs(row: NaryRow): boolean {
  return row.readsInputs !== false;
}
