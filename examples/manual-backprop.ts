/**
 * Checking a hand derivation step by step with compareGradients: the article's backward pass
 * written out by hand (right, then with dC/da slipped), and a 2-layer tanh MLP whose hand-derived
 * tanh′ forgets the square; each names the first wrong step and draws it ringed.
 * `npm run example:manual-backprop`; the core README shows its output.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { compareGradients, formatComparison, Value } from '@chainrule/core';
import type { ManualGradient } from '@chainrule/core';
import { renderSvg } from '@chainrule/viz';

type Values = Readonly<Record<string, number>>;

// 1. The article: a = i·w, C = (a − y)², at i = 1.5, w = 0.8, y = 0.5.
const i = new Value(1.5, 'i');
const w = new Value(0.8, 'w');
const y = new Value(0.5, 'y');
const a = i.mul(w);
a.label = 'a';
const C = a.sub(y).pow(2);
C.label = 'C';

// The chain rule by hand: each gradient from the one above it.
const byHand: Record<string, ManualGradient> = {
  C: 1,
  a: (v: Values) => 2 * (v.a - v.y), // dC/da = 2(a − y)
  y: (v: Values) => -2 * (v.a - v.y), // dC/dy = −2(a − y)
  w: (v: Values) => 2 * (v.a - v.y) * v.i, // dC/dw = dC/da · da/dw
  i: (v: Values) => 2 * (v.a - v.y) * v.w, // dC/di = dC/da · da/di
};
console.log(formatComparison(compareGradients(C, byHand)));
console.log();

// The same with the factor 2 of the square forgotten in dC/da, and dC/dw derived from it.
const slipped = compareGradients(C, {
  ...byHand,
  a: (v: Values) => v.a - v.y,
  w: (v: Values) => (v.a - v.y) * v.i,
});
console.log(formatComparison(slipped));
C.backward();
const first = slipped.firstWrong!;
const tidy = (x: number) => Number(x.toPrecision(12));
const note = `first wrong step: manual ${tidy(first.manual!)} ≠ autograd ${tidy(first.autograd)}`;
mkdirSync('out', { recursive: true });
writeFileSync(
  'out/manual-backprop.svg',
  renderSvg(C, { mistake: { node: first.node, downstream: slipped.downstream, note } }),
);
console.log('wrote out/manual-backprop.svg');
console.log();

// 2. A 2-layer tanh MLP, 2 inputs → 2 tanh units → 1 output, squared error against t = 0.4.
const x1 = new Value(0.5, 'x1');
const x2 = new Value(-1.5, 'x2');
const [w1, w2, w3, w4] = [0.3, -0.8, 0.6, 0.2].map((d, k) => new Value(d, `w${k + 1}`));
const [b1, b2, v1, v2, c] = [0.1, -0.2, 1.2, -0.7, 0.05].map((d, k) => new Value(d, ['b1', 'b2', 'v1', 'v2', 'c'][k]));
const z1 = w1.mul(x1).add(w2.mul(x2)).add(b1);
z1.label = 'z1';
const z2 = w3.mul(x1).add(w4.mul(x2)).add(b2);
z2.label = 'z2';
const h1 = z1.tanh();
h1.label = 'h1';
const h2 = z2.tanh();
h2.label = 'h2';
const out = v1.mul(h1).add(v2.mul(h2)).add(c);
out.label = 'out';
const L = out.sub(0.4).square();
L.label = 'L';

const dout = (v: Values) => 2 * (v.out - 0.4);
const mlp = compareGradients(L, {
  L: 1,
  out: dout,
  h1: (v: Values) => dout(v) * v.v1,
  h2: (v: Values) => dout(v) * v.v2,
  z1: (v: Values) => dout(v) * v.v1 * (1 - v.h1), // the slip: tanh′(z) = 1 − h², not 1 − h
  z2: (v: Values) => dout(v) * v.v2 * (1 - v.h2 ** 2),
  w1: (v: Values) => dout(v) * v.v1 * (1 - v.h1) * v.x1,
  w3: (v: Values) => dout(v) * v.v2 * (1 - v.h2 ** 2) * v.x1,
});
console.log(formatComparison(mlp));
