/**
 * Deliberately wrong op rows for testing the checking tools: each copies a row of the op table
 * and breaks one local derivative.
 */
import type { BinaryRow, UnaryRow } from '../op-row';
import { OPS } from '../ops';

/** mul whose ∂/∂a is off by 10% (b·1.1 instead of b). */
export const WRONG_MUL: BinaryRow = {
  ...OPS.mul,
  name: 'wrongmul',
  derivativeA: (_a, b) => 1.1 * b,
  derivativeValueA: (_a, b) => b.mul(1.1),
};

/** tanh whose derivative forgets the square: 1 - out instead of 1 - out². */
export const WRONG_TANH: UnaryRow = {
  ...OPS.tanh,
  name: 'wrongtanh',
  derivative: (_a, out) => 1 - out,
  derivativeValue: (_a, out) => out.neg().add(1),
};
