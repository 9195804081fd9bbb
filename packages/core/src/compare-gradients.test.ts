/**
 * compareGradients against the article's numbers (dC/da = 1.4, dC/dw = 2.1) and hand-derived
 * backprops: the first-wrong-step rule on a chain, on fan-out (a node with two consumers), after a
 * wrong step followed by a correct-looking one, and on a 2-layer tanh MLP with one wrong intermediate.
 */
import { compareGradients, type ManualGradient } from './compare-gradients';
import { formatComparison } from './format-comparison';
import { WRONG_MUL } from './test-support/wrong-rows';
import { applyOp, Value } from './value';

function article() {
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const y = new Value(0.5, 'y');
  const a = i.mul(w);
  a.label = 'a';
  const C = a.sub(y).pow(2);
  C.label = 'C';
  return { i, w, y, a, C };
}

type V = Readonly<Record<string, number>>;
const right: Record<string, ManualGradient> = {
  C: 1,
  a: (v: V) => 2 * (v.a - v.y),
  w: (v: V) => 2 * (v.a - v.y) * v.i,
  i: (v: V) => 2 * (v.a - v.y) * v.w,
  y: (v: V) => -2 * (v.a - v.y),
};

test("the article's derivation: every step right, dC/da = 1.4 and dC/dw = 2.1, in backward order", () => {
  const { C, w } = article();
  const result = compareGradients(C, right);
  expect(result.ok).toBe(true);
  expect(result.firstWrong).toBeNull();
  expect(result.rows.map((r) => r.name)).toEqual(['C', 'a', 'y', 'w', 'i']);
  const row = (name: string) => result.rows.find((r) => r.name === name)!;
  expect(row('a').autograd).toBeCloseTo(1.4, 14);
  expect(row('a').numeric).toBeCloseTo(1.4, 8);
  expect(row('w').manual).toBeCloseTo(2.1, 14);
  expect(row('w').backward).toBeCloseTo(2.1, 14);
  expect(row('w').consumers.map((c) => c.label)).toEqual(['a']);
  // a's consumer, a − y, has no manual gradient: the nearest one above is the root's.
  expect(row('a').consumers.map((c) => c.label)).toEqual(['C']);
  expect(result.values).toMatchObject({ i: 1.5, w: 0.8, y: 0.5 });
  expect(w.grad).toBe(0); // the graph's own gradients are left as they were
  expect(formatComparison(result)).toMatch(/^all derivatives agree \(eps 1e-6, atol 1e-5, rtol 1e-3\)$/m);
});

test('a wrong dC/da is caught as the first wrong step; dC/dw computed from it is carried', () => {
  const { C } = article();
  const result = compareGradients(C, { ...right, a: (v: V) => v.a - v.y, w: (v: V) => (v.a - v.y) * v.i });
  expect(result.ok).toBe(false);
  expect(result.firstWrong?.name).toBe('a');
  expect(result.rows.map((r) => [r.name, r.step])).toEqual([
    ['C', 'right'],
    ['a', 'wrong step'],
    ['y', 'right'],
    ['w', 'carried'],
    ['i', 'right'],
  ]);
  expect(new Set(result.downstream.map((v) => v.label))).toEqual(new Set(['i', 'w']));
  const table = formatComparison(result);
  expect(table).toMatch(/^a +0\.7 +1\.4 +1\.4 +✗ +✗ +✓ +WRONG STEP$/m);
  expect(table).toContain(
    'first wrong step: a (manual 0.7, autograd 1.4); the gradient it is computed from (C) is right, so the derivation goes wrong here',
  );
  expect(table).toContain('carried from a wrong step above: w');
});

test('on a chain, the wrong step is the first node whose consumer is right', () => {
  const { C } = article();
  const result = compareGradients(C, { ...right, w: (v: V) => 2 * (v.a - v.y) }); // forgot da/dw = i
  expect(result.firstWrong?.name).toBe('w');
  expect(formatComparison(result)).toContain(
    'first wrong step: w (manual 1.4, autograd 2.1); the gradient it is computed from (a) is right, so the derivation goes wrong here',
  );
});

test('a wrong step followed by a correct-looking one: the first wrong step is still named', () => {
  const { C } = article();
  // dC/da wrong, dC/dw written down right anyway (copied from somewhere): w is right, a is the step.
  const result = compareGradients(C, { ...right, a: 0.7 });
  expect(result.firstWrong?.name).toBe('a');
  expect(result.rows.find((r) => r.name === 'w')!.step).toBe('right');
});

describe('fan-out: x feeds p = x·y and q = sin(x), L = p + q', () => {
  const graph = () => {
    const x = new Value(0.7, 'x');
    const y = new Value(-1.3, 'y');
    const p = x.mul(y);
    p.label = 'p';
    const q = x.sin();
    q.label = 'q';
    const L = p.add(q);
    L.label = 'L';
    return { x, L };
  };

  it('x summing one path only is the wrong step (both consumers right)', () => {
    const result = compareGradients(graph().L, { L: 1, p: 1, q: 1, x: (v: V) => v.y });
    expect(result.firstWrong?.name).toBe('x');
    expect(result.firstWrong!.consumers.map((c) => c.label).sort()).toEqual(['p', 'q']);
    expect(formatComparison(result)).toContain('the gradients it is computed from (q, p) are right');
    const x = result.rows.find((r) => r.name === 'x')!;
    expect(x.autograd).toBeCloseTo(-1.3 + Math.cos(0.7), 14);
  });

  it('a wrong consumer carries into x: the consumer is the step', () => {
    const result = compareGradients(graph().L, { L: 1, p: 1, q: 2, x: (v: V) => v.y + 2 * Math.cos(v.x) });
    expect(result.firstWrong?.name).toBe('q');
    expect(result.rows.find((r) => r.name === 'x')!.step).toBe('carried');
  });
});

test('a 2-layer tanh MLP with one deliberately wrong intermediate (tanh′ without the square)', () => {
  const x1 = new Value(0.5, 'x1');
  const x2 = new Value(-1.5, 'x2');
  const w = [0.3, -0.8, 0.6, 0.2].map((d, k) => new Value(d, `w${k + 1}`));
  const [b1, b2, c] = [0.1, -0.2, 0.05].map((d, k) => new Value(d, ['b1', 'b2', 'c'][k]));
  const [v1, v2] = [1.2, -0.7].map((d, k) => new Value(d, `v${k + 1}`));
  const z1 = w[0].mul(x1).add(w[1].mul(x2)).add(b1);
  z1.label = 'z1';
  const z2 = w[2].mul(x1).add(w[3].mul(x2)).add(b2);
  z2.label = 'z2';
  const h1 = z1.tanh();
  h1.label = 'h1';
  const h2 = z2.tanh();
  h2.label = 'h2';
  const out = v1.mul(h1).add(v2.mul(h2)).add(c);
  out.label = 'out';
  const L = out.sub(0.4).square();
  L.label = 'L';
  const dout = (v: V) => 2 * (v.out - 0.4);
  const manual: Record<string, ManualGradient> = {
    L: 1,
    out: dout,
    h1: (v) => dout(v) * v.v1,
    h2: (v) => dout(v) * v.v2,
    v1: (v) => dout(v) * v.h1,
    z1: (v) => dout(v) * v.v1 * (1 - v.h1), // the slip: tanh′ = 1 − h², not 1 − h
    z2: (v) => dout(v) * v.v2 * (1 - v.h2 ** 2),
    w1: (v) => dout(v) * v.v1 * (1 - v.h1) * v.x1,
    w3: (v) => dout(v) * v.v2 * (1 - v.h2 ** 2) * v.x1,
    b1: (v) => dout(v) * v.v1 * (1 - v.h1),
  };
  const result = compareGradients(L, manual);
  expect(result.firstWrong?.name).toBe('z1');
  expect(result.wrongSteps.map((r) => r.name)).toEqual(['z1']);
  const step = (name: string) => result.rows.find((r) => r.name === name)!.step;
  expect(['L', 'out', 'h1', 'h2', 'v1', 'z2', 'w3'].map(step)).toEqual(Array(7).fill('right'));
  expect(['w1', 'b1'].map(step)).toEqual(['carried', 'carried']);
  for (const r of result.rows) if (r.step === 'right') expect(r.numeric).toBeCloseTo(r.autograd, 7);
  expect(result.downstream).toEqual(expect.arrayContaining([w[0], x1, b1]));
  expect(result.downstream).not.toContain(w[2]);
});

test('a wrong op row: the reference is the numeric gradient, where autograd disagrees with it', () => {
  const x = new Value(2, 'x');
  const y = new Value(3, 'y');
  const p = applyOp(WRONG_MUL, [x, y]);
  p.label = 'p';
  const result = compareGradients(p, { x: 3 });
  expect(result.rows[0]).toMatchObject({
    manualVsAutograd: false,
    manualVsNumeric: true,
    autogradVsNumeric: false,
    wrong: false,
  });
  expect(formatComparison(result)).toContain('x: autograd disagrees with manual and numeric');
});

test('Values as keys, numbers as gradients, and null to compare autograd with numeric only', () => {
  const x = new Value(0, 'x');
  const r = x.relu();
  const result = compareGradients(r, new Map<Value | string, ManualGradient | null>([[x, null]]));
  expect(result.rows[0]).toMatchObject({
    manual: null,
    autograd: 0,
    step: 'unchecked',
    autogradVsNumeric: null,
    ok: true,
  });
  expect(result.kinks[0].text).toContain("x = 0 is on relu's kink");
});

test('bad input says what was wrong and the fix', () => {
  const { C } = article();
  expect(() => compareGradients(C, { q: 1 })).toThrow(
    '@chainrule/core/compareGradients: no node under root is labelled "q"; the labels are: i, w, y, a, C.',
  );
  expect(() => compareGradients(C, { a: 'x' as never })).toThrow('the manual gradient of "a" must be a number');
  expect(() => compareGradients(C, { a: () => 'x' as never })).toThrow(
    'the manual gradient of "a" returned the string "x"',
  );
  expect(() => compareGradients(C, new Map([[new Value(1, 'z'), 1]]))).toThrow(
    'the Value z is not in the graph under root',
  );
  expect(() => compareGradients(C, [] as never)).toThrow('manual must map node labels');
  expect(() => compareGradients(C, { a: 1, w: 1 }, { maxWork: 5 })).toThrow(
    'checking 2 nodes of a 7-node graph re-runs the graph for each of them (2 × 7 = 14 node evaluations), more than maxWork (5). Give fewer nodes, or pass { maxWork: 14 } to accept the cost.',
  );
  const twin = new Value(1, 'i').mul(new Value(2, 'i'));
  expect(() => compareGradients(twin, { i: 1 })).toThrow('the label "i" names 2 nodes; pass a Map keyed by the Value');
});

test('nothing recurses: a chain of 300,000 nodes is checked, with a kink at its foot', () => {
  const x = new Value(0, 'x');
  let v = x.relu();
  for (let k = 0; k < 300_000; k++) v = v.add(1e-6);
  v.label = 'top';
  const result = compareGradients(v, { x: 0, top: 1 });
  expect(result.ok).toBe(true);
  expect(result.kinks.map((k) => k.text)).toEqual([expect.stringContaining("x = 0 is on relu's kink")]);
  expect(result.rows[1].numericDoubt).toBe("the numeric step crosses relu's kink at x = 0");
});
