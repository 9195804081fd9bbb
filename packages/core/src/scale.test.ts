/**
 * Scale: every core function that walks a graph handles a 10^6-deep chain and a 10^6-wide sum
 * without a stack overflow and with the closed-form result; and memory stays flat over 10,000
 * replayed training steps and over 300 steps that build a new graph each. Slow by nature (seconds
 * per graph): run in band.
 */
import v8 from 'v8';
import vm from 'vm';
import { backwardSteps } from './backward-steps';
import { chainRule } from './chain-rule';
import { describeGraph } from './describe-graph';
import { gradients } from './gradients';
import { jvp } from './jvp';
import { trace } from './fast/tape';
import { traceWithoutEval } from './test-support/replay';
import { topoSort } from './topo-sort';
import { sum, Value } from './value';

const N = 1_000_000;
const RATE = 1.000001;
const chainOf = (x: Value): Value => {
  let y = x;
  for (let k = 0; k < N; k++) y = y.mul(RATE);
  return y;
};

describe('a 10^6-deep chain (y = x·r^N)', () => {
  const x = new Value(1, 'x');
  const y = chainOf(x);
  const closedForm = Math.pow(RATE, N);

  test('backward, topoSort, toString, zeroGrad', () => {
    y.backward();
    expect(x.grad).toBeCloseTo(closedForm, 6);
    expect(topoSort(y).length).toBe(2 * N + 1); // x, N ops and their N constants
    expect(y.toString()).toMatch(/^Value\(data=2\.718\d+, grad=1\)$/);
    y.zeroGrad();
    expect(x.grad).toBe(0);
  });

  test('gradients, first and second order, and the reference chain rule', () => {
    expect(gradients(y, [x])[0].data).toBe(chainRule(y).get(x));
    const [g] = gradients(y, [x], { createGraph: true });
    expect(g.data).toBeCloseTo(closedForm, 6);
    expect(gradients(g, [x])[0].data).toBe(0); // y is linear in x
  });

  test('jvp', () => {
    const { value, tangent } = jvp(chainOf, [2], [0.5]);
    expect(value).toBeCloseTo(2 * closedForm, 6);
    expect(tangent).toBeCloseTo(0.5 * closedForm, 6);
  });

  test('backwardSteps', () => {
    const { steps, grads } = backwardSteps(y);
    expect(steps.length).toBe(N);
    expect(grads.get(x)).toBeCloseTo(closedForm, 6);
  });

  test('describeGraph', () => {
    const text = describeGraph(y);
    expect(text.length).toBeGreaterThan(N);
    expect(text).toContain('x');
  });

  test('trace and replay', () => {
    const tape = trace(y);
    x.data = 2;
    expect(tape.forward()).toBeCloseTo(2 * closedForm, 6);
    x.grad = 0;
    tape.backward();
    expect(x.grad).toBeCloseTo(closedForm, 6);
    const generic = traceWithoutEval(y); // the loops that run where code cannot be generated
    x.grad = 0;
    expect(generic.forward()).toBe(tape.values[tape.size - 1]);
    generic.backward();
    expect(x.grad).toBeCloseTo(closedForm, 6);
  });
});

describe('a 10^6-wide sum (y = Σ k·x_k)', () => {
  const xs = Array.from({ length: N }, (_, k) => new Value(k, `x${k}`));
  const y = sum(xs.map((v, k) => v.mul(k % 7)));
  const total = xs.reduce((acc, _, k) => acc + k * (k % 7), 0);

  test('value, backward, topoSort, toString', () => {
    expect(y.data).toBe(total);
    y.backward();
    expect(xs[12].grad).toBe(5);
    expect(topoSort(y).length).toBe(3 * N + 1);
    expect(y.toString()).toBe(`Value(data=${total}, grad=1)`);
  });

  test('gradients, backwardSteps, describeGraph, trace', () => {
    const g = gradients(y, [xs[9], xs[N - 1]]);
    expect(g.map((v) => v.data)).toEqual([2, (N - 1) % 7]);
    expect(backwardSteps(y).grads.get(xs[N - 1])).toBe((N - 1) % 7);
    expect(describeGraph(y)).toMatch(/^#\d+ = Σ\(x0 × 0, x1 × 1, x2 × 2, x3 × 3, x4 × 4, … 999995 more\)$/);
    const tape = trace(y);
    xs[3].data = 1003;
    expect(tape.forward()).toBe(total + 3000);
  });

  test('jvp (one input fanned out to 10^6 terms: f is called with one argument per input)', () => {
    const { value, tangent } = jvp((x) => sum(Array.from({ length: N }, (_, k) => x.mul(k % 7))), [2], [0.5]);
    const weights = xs.reduce((acc, _, k) => acc + (k % 7), 0);
    expect([value, tangent]).toEqual([2 * weights, 0.5 * weights]);
  });
});

/** Garbage-collects (gc exposed at run time) and returns the heap in use. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('memory stays flat over 10,000 replayed training steps (the article perceptron and a 2-16-1 tanh net)', () => {
  const w = new Value(0.8, 'w');
  const article = trace(w.mul(1.5).sub(0.5).square());
  const params = Array.from({ length: 16 * 4 + 1 }, (_, k) => new Value(Math.sin(k + 1) * 0.5));
  const hidden = Array.from({ length: 16 }, (_, j) =>
    params[4 * j]
      .mul(0.3)
      .add(params[4 * j + 1].mul(-0.7))
      .add(params[4 * j + 2])
      .tanh(),
  );
  const out = sum(hidden.map((h, j) => h.mul(params[4 * j + 3]))).add(params[64]);
  const net = trace(out.sub(1).square());
  const train = (steps: number): void => {
    for (let s = 0; s < steps; s++) {
      w.grad = 0;
      article.forward();
      article.backward();
      w.data -= 0.1 * w.grad;
      for (const p of params) p.grad = 0;
      net.forward();
      net.backward();
      for (const p of params) p.data -= 0.01 * p.grad;
    }
  };
  train(100); // warm up (compiled code, first allocations)
  const before = heapAfterGc();
  train(10_000);
  const growth = heapAfterGc() - before;
  console.log(`heap growth over 10,000 replayed steps: ${(growth / 1024).toFixed(0)} KiB`);
  expect(growth).toBeLessThan(2 * 1024 * 1024);
  expect(w.data).toBeCloseTo(1 / 3, 12); // the article's fixed point
  expect(net.forward()).toBeLessThan(1e-6);
});

test('memory stays flat over 300 training steps that each build a new graph (a 2-16-1 tanh net, 20 points)', () => {
  const params = Array.from({ length: 16 * 4 + 1 }, (_, k) => new Value(Math.sin(k + 1) * 0.5));
  const points = Array.from({ length: 20 }, (_, i) => [Math.cos(i), Math.sin(i)]);
  let loss = 0;
  const train = (steps: number): void => {
    for (let s = 0; s < steps; s++) {
      const terms = points.map(([x, y]) => {
        const hidden = Array.from({ length: 16 }, (_, j) =>
          sum([params[4 * j], params[4 * j + 1].mul(x), params[4 * j + 2].mul(y)]).tanh(),
        );
        return sum(hidden.map((h, j) => h.mul(params[4 * j + 3])))
          .add(params[64])
          .sub(x * y)
          .square();
      });
      const total = sum(terms).div(points.length);
      for (const p of params) p.grad = 0;
      total.backward();
      for (const p of params) p.data -= 0.05 * p.grad;
      loss = total.data;
    }
  };
  train(20); // warm up
  const first = loss;
  const before = heapAfterGc();
  train(300); // about 1,700 nodes (some 170 KiB) per step: 50 MiB if graphs were kept
  const growth = heapAfterGc() - before;
  console.log(`heap growth over 300 fresh-graph steps: ${(growth / 1024).toFixed(0)} KiB`);
  expect(growth).toBeLessThan(4 * 1024 * 1024);
  expect(loss).toBeLessThan(first);
});
