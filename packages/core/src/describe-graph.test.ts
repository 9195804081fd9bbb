/**
 * describeGraph: the article's graph in words, unlabelled nodes by id, fan-out, n-ary sums, and
 * a chain of 10^6 steps described without recursion.
 */
import { describeGraph } from './describe-graph';
import type { BinaryRow, UnaryRow } from './op-row';
import { applyOp, dot, sum, Value } from './value';

test("the article's perceptron", () => {
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const y = new Value(0.5, 'y');
  const a = i.mul(w);
  a.label = 'a';
  const C = a.sub(y).pow(2);
  C.label = 'C';
  expect(describeGraph(C)).toBe('a = i × w\nC = (a − y)^2');
});

test('unlabelled nodes used twice get their own line, named by id', () => {
  const x = new Value(2, 'x');
  const h = x.mul(3).tanh();
  const out = h.mul(h).add(x.neg());
  expect(describeGraph(out)).toBe([`#${h.id} = tanh(x × 3)`, `#${out.id} = (#${h.id} × #${h.id}) + (−x)`].join('\n'));
});

test('a dot node reads as the weighted sum it adds, bias first', () => {
  const [w0, w1, x0, b] = ['w0', 'w1', 'x0', 'b'].map((name) => new Value(0.5, name));
  const n = dot([w0, w1], [x0, 2], b);
  n.label = 'n';
  expect(describeGraph(n)).toBe('n = b + w0 × x0 + w1 × 2');
  const noBias = dot([w0], [x0.sub(w1)]);
  expect(describeGraph(noBias)).toBe(`#${noBias.id} = w0 × (x0 − w1)`);
  const wide = dot(
    Array.from({ length: 8 }, (_, k) => new Value(k, `w${k}`)),
    Array.from({ length: 8 }, () => 1),
  );
  expect(describeGraph(wide)).toBe(`#${wide.id} = w0 × 1 + w1 × 1 + w2 × 1 + w3 × 1 + w4 × 1 + … 3 more`);
});

test('unary ops, constants and n-ary sums', () => {
  const x = new Value(-1, 'x');
  const terms = [x.abs(), x.square(), x.relu(), x.exp().sqrt(), 2.5];
  const s = sum(terms);
  s.label = 's';
  expect(describeGraph(s)).toBe('s = Σ(|x|, x², ReLU(x), √(exp(x)), 2.5)');
  const wide = sum(Array.from({ length: 10 }, (_, k) => new Value(k, `v${k}`)));
  expect(describeGraph(wide)).toBe(`#${wide.id} = Σ(v0, v1, v2, v3, v4, … 5 more)`);
});

test("custom rows are written as their rows' notation says: a call by default, or infix", () => {
  const cube: UnaryRow = {
    name: 'cube',
    symbol: '³√',
    arity: 1,
    domain: [[-2, 2]],
    forward: (a) => a * a * a,
    derivative: (a) => 3 * a * a,
    derivativeValue: (a) => a.square().mul(3),
  };
  const hypot: BinaryRow = {
    name: 'hypot',
    symbol: 'hyp',
    arity: 2,
    domain: [
      [-2, 2],
      [-2, 2],
    ],
    notation: 'infix',
    operator: '⊕',
    forward: (a, b) => Math.hypot(a, b),
    derivativeA: (a, _b, out) => a / out,
    derivativeB: (_a, b, out) => b / out,
    derivativeValueA: (a, _b, out) => a.div(out),
    derivativeValueB: (_a, b, out) => b.div(out),
  };
  const x = new Value(3, 'x');
  const out = applyOp(hypot, [applyOp(cube, [x]), x.max(2)]);
  expect(describeGraph(out)).toBe(`#${out.id} = ³√(x) ⊕ max(x, 2)`);
});

test('a leaf describes itself', () => {
  expect(describeGraph(new Value(1, 'w'))).toBe('w (a leaf: no ops)');
  expect(() => describeGraph(3 as never)).toThrow('@chainrule/core/describeGraph: expected a Value, got the number 3');
});

test('a chain of 10^6 steps: one line per long expression, no stack overflow', () => {
  let x = new Value(1, 'x0');
  for (let k = 0; k < 1e6; k++) x = x.mul(1.0001).add(0.0001);
  const lines = describeGraph(x).split('\n');
  expect(lines.length).toBeGreaterThan(1e5);
  expect(lines.length).toBeLessThanOrEqual(2e6);
  expect(lines[lines.length - 1]).toMatch(new RegExp(`^#${x.id} = `));
});
