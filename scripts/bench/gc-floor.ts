/**
 * The garbage collector's share of a fresh graph, measured without the engine: a linked list of
 * 2 million objects of a Value's size (block, slot, two inputs), built like W3's chain and kept
 * alive until the end, as a graph is until its backward pass; once as class instances (what a
 * Value is) and once as object literals, which V8 allocates straight into the old generation once
 * it sees they survive. Run: npm run bench:gc-floor
 */
import v8 from 'v8';
import vm from 'vm';
import { median } from './harness';

/** The shape of a Value: four fields, two of them references to earlier nodes. */
class Node {
  constructor(
    readonly block: object,
    readonly slot: number,
    readonly a: Node | null,
    readonly b: Node | number | null,
  ) {}
}

interface Literal {
  readonly block: object;
  readonly slot: number;
  readonly a: Literal | null;
  readonly b: Literal | number | null;
}

const COUNT = 2_000_000;
const RUNS = 5;
const block = {};

function classChain(n: number): { slot: number } {
  let x = new Node(block, 0, null, null);
  for (let i = 1; i < n; i++) x = new Node(block, i & 4095, x, 1.0001);
  return x;
}

function literalChain(n: number): { slot: number } {
  let x: Literal = { block, slot: 0, a: null, b: null };
  for (let i = 1; i < n; i++) x = { block, slot: i & 4095, a: x, b: 1.0001 };
  return x;
}

v8.setFlagsFromString('--expose-gc');
const collect: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc');

/** Median ns per object of building `chain(COUNT)`, after a warm-up and a full GC before each run. */
function nsPerObject(chain: (n: number) => { slot: number }): number {
  chain(COUNT / 20);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    collect();
    const t0 = process.hrtime.bigint();
    const last = chain(COUNT);
    times.push(Number(process.hrtime.bigint() - t0) / COUNT);
    if (last.slot < 0) throw new Error('unreachable: keeps the list alive until it is timed');
  }
  return median(times);
}

const count = COUNT.toLocaleString('en');
console.log(`${count} linked objects of a Value's shape, kept alive (median of ${RUNS} runs):`);
console.log(`  class instances (a Value is one): ${nsPerObject(classChain).toFixed(0)} ns per object`);
console.log(`  object literals (pretenured by V8): ${nsPerObject(literalChain).toFixed(0)} ns per object`);
