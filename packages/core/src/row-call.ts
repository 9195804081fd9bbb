/**
 * Calling an op row on an array of input numbers, whatever its arity: its forward and its local
 * derivative ∂out/∂xs[index]. For the checking tools, which treat every row alike.
 */
import type { OpRow } from './op-row';

/** The row's output for the inputs `xs`. */
export function rowForward(row: OpRow, xs: readonly number[]): number {
  if (row.arity === 1) return row.forward(xs[0]);
  if (row.arity === 2) return row.forward(xs[0], xs[1]);
  return row.forward(xs.slice());
}

/** ∂out/∂xs[index] from the row, given the inputs and the output. */
export function rowDerivative(row: OpRow, index: number, xs: readonly number[], out: number): number {
  if (row.arity === 1) return row.derivative(xs[0], out);
  if (row.arity === 2) return index === 0 ? row.derivativeA(xs[0], xs[1], out) : row.derivativeB(xs[0], xs[1], out);
  return row.derivative(index, xs, out);
}
