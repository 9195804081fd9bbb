/**
 * Test helper: the article's perceptron, a = i*w and C = (a - y)^2 at i = 1.5, y = 0.5, w = 0.8,
 * with its nodes labelled — the graph most viz tests draw.
 */
import { Value } from '@chainrule/core';

export function article(): { i: Value; w: Value; y: Value; a: Value; C: Value } {
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const y = new Value(0.5, 'y');
  const a = i.mul(w);
  a.label = 'a';
  const C = a.sub(y).pow(2);
  C.label = 'C';
  return { i, w, y, a, C };
}
