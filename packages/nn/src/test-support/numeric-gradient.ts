/**
 * Test oracle: central-difference gradient of a function of leaf Values, computed by nudging each
 * leaf's data and rebuilding the graph (no autograd involved).
 */
import type { Value } from '@chainrule/core';

export function numericGradient(f: () => Value, leaves: readonly Value[], h = 1e-6): number[] {
  return leaves.map((leaf) => {
    const x = leaf.data;
    leaf.data = x + h;
    const up = f().data;
    leaf.data = x - h;
    const down = f().data;
    leaf.data = x;
    return (up - down) / (2 * h);
  });
}
