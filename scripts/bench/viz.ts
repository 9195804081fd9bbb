/**
 * `npm run bench:viz [-- --reps N]`: times the SVG drawing of @chainrule/viz against issue 4's
 * targets: the article's graph, 2,000-node graphs laid out and rendered in full (≤ 1 s), and W2's
 * MLP graph drawn grouped from its output Value (≤ 5 s). Prints median wall and CPU time; exits 1
 * when a target is missed.
 */
import os from 'os';
import { Value, sum } from '@chainrule/core';
import { renderSvg, toGraph, type ComputationGraph } from '@chainrule/viz';
import { mlpLoss } from '../../packages/viz/src/test-support/mlp-graph';
import { measure, type Variant } from './harness';

/** A random expression DAG: each op reads two of the last 40 values; the root sums the unused ones. */
function randomGraph(ops: number, seed = 7): Value {
  let state = seed;
  const random = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const values: Value[] = Array.from({ length: 40 }, (_, i) => new Value(random() * 2 - 1, `x${i}`));
  const used = new Set<Value>();
  for (let k = 0; k < ops; k++) {
    const pick = (): Value => values[values.length - 1 - Math.floor(random() * Math.min(40, values.length))];
    const a = pick();
    const b = pick();
    used.add(a).add(b);
    const r = random();
    values.push(r < 0.4 ? a.add(b) : r < 0.8 ? a.mul(b) : a.tanh());
  }
  return sum(values.filter((v) => !used.has(v)));
}

interface Case {
  name: string;
  targetMs: number | null;
  variant: Variant<unknown>;
}

function drawing(
  name: string,
  build: () => { root: Value; parameters?: Value[] },
  targetMs: number | null,
  fromGraph: boolean,
): Case {
  const { root, parameters } = build();
  root.backward();
  const graph = toGraph(root, { parameters });
  let nodes = 0;
  graph.forEachNode(() => nodes++);
  return {
    name: `${name} (${nodes.toLocaleString('en-US')} nodes${fromGraph ? ', graph given' : ', from the Value'})`,
    targetMs,
    variant: {
      name,
      setup: () => (fromGraph ? graph : root),
      run: (input) => {
        renderSvg(input as Value | ComputationGraph, { parameters });
      },
      check: () => null,
    },
  };
}

function main(argv: string[]): number {
  const repsAt = argv.indexOf('--reps');
  const reps = repsAt >= 0 ? Number(argv[repsAt + 1]) : 3;
  console.log(
    `bench:viz — node ${process.version}, ${reps} timed runs (median), load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  const article = (): { root: Value; parameters: Value[] } => {
    const i = new Value(1.5, 'i');
    const w = new Value(0.8, 'w');
    const a = i.mul(w);
    a.label = 'a';
    const C = a.sub(new Value(0.5, 'y')).pow(2);
    C.label = 'C';
    return { root: C, parameters: [w] };
  };
  const cases: Case[] = [
    drawing("article's perceptron", article, null, false),
    drawing('random DAG', () => ({ root: randomGraph(1000) }), 1000, true),
    drawing(
      'MLP 4-20-20-1, one point',
      () => {
        const { loss, parameters } = mlpLoss([4, 20, 20, 1], 1, 1, false);
        return { root: loss, parameters };
      },
      1000,
      true,
    ),
    drawing(
      'W2: MLP 2-16-16-1 over 100 points, grouped',
      () => {
        const { loss, parameters } = mlpLoss([2, 16, 16, 1], 100);
        return { root: loss, parameters };
      },
      5000,
      false,
    ),
  ];
  let ok = true;
  for (const c of cases) {
    const m = measure(c.variant, reps);
    const verdict =
      c.targetMs === null ? '' : m.ms <= c.targetMs ? `  ✓ ≤ ${c.targetMs} ms` : `  ✗ over ${c.targetMs} ms`;
    if (c.targetMs !== null && m.ms > c.targetMs) ok = false;
    console.log(
      `${c.name.padEnd(62)} wall ${m.ms.toFixed(0).padStart(6)} ms  cpu ${m.cpuMs.toFixed(0).padStart(6)} ms${verdict}`,
    );
  }
  console.log(
    ok ? '\nall viz targets met ✓' : '\nVIZ TARGET MISSED ✗ (wall time; compare cpu time on a loaded machine)',
  );
  return ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
