/**
 * Test helper: the graphs a teacher puts on slides, for the drawings' geometric checks: the article,
 * micrograd's README expression, the lecture neuron, nn MLPs on one point, and seeded random DAGs.
 */
import { Value } from '@chainrule/core';
import { MLP, rng } from '@chainrule/nn';
import { article } from './article';

export interface CorpusGraph {
  name: string;
  root: Value;
}

/** micrograd's README expression: g = 24.7041 with dg/da = 138.8338, dg/db = 645.5773. */
export function microgradReadme(): Value {
  const a = new Value(-4.0, 'a');
  const b = new Value(2.0, 'b');
  let c = a.add(b);
  let d = a.mul(b).add(b.pow(3));
  c = c.add(c.add(1));
  c = c.add(new Value(1).add(c).add(a.neg()));
  d = d.add(d.mul(2).add(b.add(a).relu()));
  d = d.add(new Value(3).mul(d).add(b.sub(a).relu()));
  const e = c.sub(d);
  const f = e.pow(2);
  let g = f.div(2.0);
  g = g.add(new Value(10.0).div(f));
  g.label = 'g';
  return g;
}

/** The lecture's neuron: o = tanh(x1·w1 + x2·w2 + b). */
export function lectureNeuron(): Value {
  const x1 = new Value(2, 'x1');
  const x2 = new Value(0, 'x2');
  const w1 = new Value(-3, 'w1');
  const w2 = new Value(1, 'w2');
  const b = new Value(6.881373587019543, 'b');
  const n = x1.mul(w1).add(x2.mul(w2)).add(b);
  n.label = 'n';
  const o = n.tanh();
  o.label = 'o';
  return o;
}

/** An nn MLP's squared error on one point, tanh hidden layers. */
export function mlpOnOnePoint(sizes: readonly number[], seed = 1): Value {
  const model = new MLP(sizes[0], sizes.slice(1), { activation: 'tanh', seed });
  const x = Array.from({ length: sizes[0] }, (_, k) => 0.5 - 0.25 * k);
  return model.forward(x)[0].sub(1).pow(2);
}

/**
 * A random DAG of about `n` values: unary and binary ops over the `reach` most recent values (a
 * small reach makes long chains, a large one wide graphs with fan-out), every value reaching the
 * output. Seeded.
 */
export function randomDag(n: number, seed: number, reach = 8): Value {
  const generator = rng(seed);
  const random = (): number => generator.next();
  const values: Value[] = [];
  for (let k = 0; k < 4; k++) values.push(new Value(random() * 2 - 1, `x${k + 1}`));
  const ops = ['add', 'mul', 'sub'] as const;
  while (values.length < n) {
    const pick = () => values[Math.max(0, values.length - 1 - Math.floor(random() * reach))];
    values.push(random() < 0.15 ? pick().tanh() : pick()[ops[Math.floor(random() * ops.length)]](pick()));
  }
  let out = values[values.length - 1];
  const used = new Set<Value>();
  const stack = [out];
  while (stack.length) {
    const v = stack.pop()!;
    if (used.has(v)) continue;
    used.add(v);
    for (const input of v.inputs) stack.push(input);
  }
  for (const v of values) if (!used.has(v)) out = out.add(v);
  return out;
}

/** The whole corpus, with backward run on each graph. */
export function slideCorpus(): CorpusGraph[] {
  const { C } = article();
  const graphs: CorpusGraph[] = [
    { name: 'article', root: C },
    { name: 'micrograd README expression', root: microgradReadme() },
    { name: 'lecture neuron', root: lectureNeuron() },
    { name: 'MLP 2-4-1 on one point', root: mlpOnOnePoint([2, 4, 1]) },
    { name: 'MLP 3-8-8-1 on one point', root: mlpOnOnePoint([3, 8, 8, 1]) },
    ...[20, 50, 100, 200].map((n, k) => ({ name: `random DAG of ${n} values`, root: randomDag(n, 7 + k) })),
  ];
  for (const g of graphs) g.root.backward();
  return graphs;
}
