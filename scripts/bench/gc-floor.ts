/**
 * The garbage collector's share of a fresh graph, measured without the engine: a linked list of
 * 2 million plain objects of a Value's size (block, slot, two inputs), built like W3's chain and
 * kept alive until the end, as a graph is until its backward pass. Run: npm run bench:gc-floor
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

const COUNT = 2_000_000;
const block = {};

function chain(n: number): Node {
  let x = new Node(block, 0, null, null);
  for (let i = 1; i < n; i++) x = new Node(block, i & 4095, x, 1.0001);
  return x;
}

v8.setFlagsFromString('--expose-gc');
const collect: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc');
chain(COUNT / 20); // warm-up
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  collect();
  const t0 = process.hrtime.bigint();
  const last = chain(COUNT);
  times.push(Number(process.hrtime.bigint() - t0) / COUNT);
  if (last.slot < 0) throw new Error('unreachable: keeps the list alive until it is timed');
}
console.log(
  `${COUNT.toLocaleString('en')} linked objects of a Value's shape, kept alive: ${median(times).toFixed(0)} ns per object (median of 5)`,
);
