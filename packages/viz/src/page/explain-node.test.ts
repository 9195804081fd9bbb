import { Value } from '@chainrule/core';
import { stepFrame } from '../step-frame';
import { stepTrace } from '../step-trace';
import { toGraph, valueKey, opKey } from '../to-graph';
import { explainNode } from './explain-node';
import { formatNumber } from './format-number';
import { nodeNames } from './node-names';
import { article } from '../test-support/article';

function framesOf(root: Value) {
  const graph = toGraph(root, { grads: 'compute' });
  const trace = stepTrace(root);
  return { names: nodeNames(graph), at: (p: number) => stepFrame(graph, trace, p), count: trace.steps.length };
}

describe('explainNode', () => {
  it("writes the article's chain rule with numbers: dC/dw = 2(a - y) × i = 1.4 × 1.5 = 2.1", () => {
    const { i, w, a, C } = article();
    const { names, at, count } = framesOf(C);
    const upstream = formatNumber(2 * (i.data * w.data - 0.5)); // 2(a - y), closed form
    const explanation = explainNode(at(count), valueKey(w.id), names);
    expect(explanation.title).toBe('w');
    expect(explanation.chain).toEqual(['∂C/∂w = ∂C/∂a × ∂a/∂w', `= ${upstream} × ${formatNumber(i.data)}`, '= 2.1']);
    expect(upstream).toBe('1.4');
    expect(explanation.facts).toEqual([
      ['value', '0.8'],
      ['gradient', '2.1'],
    ]);
    expect(explainNode(at(count), valueKey(a.id), names).chain[0]).toBe('∂C/∂a = ∂C/∂(a − y) × ∂(a − y)/∂a');
    expect(explainNode(at(count), valueKey(C.id), names).chain[0]).toBe('∂C/∂C = 1');
  });

  it('says what is not computed yet before backward reaches a node', () => {
    const { w, C } = article();
    const { names, at } = framesOf(C);
    const explanation = explainNode(at(1), valueKey(w.id), names);
    expect(explanation.facts[1]).toEqual(['gradient', 'not computed yet']);
    expect(explanation.chain[2]).toBe('= ? (∂C/∂a is not computed yet)');
  });

  it('sums over the uses of a fan-out node: x*x + x at x = 3 gives 3 + 3 + 1 = 7 = 2x + 1', () => {
    const x = new Value(3, 'x');
    const z = x.mul(x).add(x);
    z.label = 'z';
    const { names, at, count } = framesOf(z);
    const chain = explainNode(at(count), valueKey(x.id), names).chain;
    expect(chain[0]).toBe('∂z/∂x = Σ over its 3 uses of upstream × local');
    expect(chain).toContain('via x × x: 1 × 3 = 3');
    expect(chain).toContain('via z: 1 × 1 = 1');
    expect(chain[chain.length - 1]).toBe(`= 3 + 3 + 1 = ${2 * 3 + 1}`);
    expect(explainNode(at(1), valueKey(x.id), names).chain.at(-1)).toBe('so far: 1 = 1 (1 of 3 uses)');
  });

  it("lists an operation's local gradients and what it sends", () => {
    const { w, a, C } = article();
    const { names, at, count } = framesOf(C);
    const explanation = explainNode(at(count), opKey(a.id), names);
    expect(explanation.kind).toBe('operation');
    expect(explanation.chain).toContain(`∂a/∂w = 1.5; sends 1.4 × 1.5 = 2.1`);
    expect(explanation.chain).toContain(`∂a/∂i = ${formatNumber(w.data)}; sends 1.4 × 0.8 = 1.12`);
    expect(explainNode(at(count), opKey(C.id), names).chain.at(-1)).toMatch(
      /^∂C\/∂2 = .* \(a constant: it receives nothing\)$/,
    );
  });
});

describe('nodeNames', () => {
  it('uses labels, numbers for constants, expressions for unlabelled nodes and "out" for an unlabelled output', () => {
    const x = new Value(2, 'x');
    const y = new Value(5);
    const t = x.mul(y).add(3).tanh();
    const out = t.square();
    const names = nodeNames(toGraph(out));
    expect(names.get(valueKey(x.id))).toBe('x');
    expect(names.get(valueKey(y.id))).toBe(`#${y.id}`);
    expect(names.get(valueKey(t.id))).toBe(`tanh((x × #${y.id}) + 3)`);
    expect(names.get(valueKey(out.id))).toBe('out');
  });

  it('keeps names short: an expression too long becomes #id, and names built on it stay short', () => {
    const chain = [new Value(1, 'start')];
    for (let k = 0; k < 10; k++) chain.push(chain[k].add(k + 1));
    const names = nodeNames(toGraph(chain[10].mul(2)));
    const shown = chain.map((v) => names.get(valueKey(v.id))!);
    expect(shown.slice(0, 3)).toEqual(['start', 'start + 1', '(start + 1) + 2']);
    expect(shown).toContain(`#${chain[4].id}`);
    for (const name of names.values()) expect(name.length).toBeLessThanOrEqual(24);
  });
});

describe('formatNumber', () => {
  it('rounds to 6 significant digits and spells out non-finite numbers', () => {
    expect(formatNumber(2.1000000000000005)).toBe('2.1');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect([NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['NaN', '+Inf', '-Inf']);
  });
});
