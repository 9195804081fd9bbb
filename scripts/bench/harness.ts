/**
 * The benchmark harness: a workload is a set of variants (the engine, its replayed tape, and the
 * hand-written plain-JS speed limit) timed in the same process: warm-up, then REPS runs each after
 * a full GC, reporting the median time, ns per node, peak memory above the pre-run baseline and the
 * ratio to the hand-written variant, plus a ✓/✗ check of each variant's numbers against the spec.
 */
import v8 from 'v8';
import vm from 'vm';

/** One benchmark of shared/bench/SPEC.md, as registered in index.ts. */
export interface Workload {
  /** Short name used on the command line: `npm run bench -- w3`. */
  name: string;
  /** Runs the workload with `reps` timed runs per variant, prints its table, returns true when every check passed. */
  run(reps: number): boolean;
}

/** One way of computing a workload. `setup` is untimed (leaf creation, tracing); `run` is timed. */
export interface Variant<T> {
  name: string;
  setup(): T;
  run(input: T): void;
  /** After a timed run: null when the numbers match the spec, or what is wrong. */
  check(input: T): string | null;
}

export interface Measurement {
  name: string;
  /** Median wall time of the timed part, ms. */
  ms: number;
  /** Median CPU time (user + system, all threads incl. GC helpers) of the timed part, ms: steadier than wall time on a loaded machine. */
  cpuMs: number;
  /** Largest growth of heap + array buffers during a timed run (sampled at its end), bytes. */
  peakBytes: number;
  /** Spec check failures (empty when all passed). */
  failures: string[];
}

v8.setFlagsFromString('--expose-gc');
const collect: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc');

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * A variant's first timed run starts from a full GC. Later runs do too only if that first run both
 * grew the heap by more than COLLECT_ABOVE_BYTES and took longer than COLLECT_ABOVE_MS: big
 * workloads get a clean heap (the collection of an earlier run's garbage would otherwise land in
 * their timed runs), while small ones are left alone: a full GC leaves its sweeping to background
 * threads, which then compete with the next timed run on a 2-core machine (W4's replays, which
 * allocate nothing, measured 111-115 ms when every run followed a full GC, 30-64 ms otherwise).
 */
const COLLECT_ABOVE_BYTES = 1 << 20;
const COLLECT_ABOVE_MS = 20;

/** Untimed warm-up runs are repeated until this much time is spent (at least one run). */
const WARMUP_MS = 200;

/**
 * Times `variant`: `warmup()` if given, untimed warm-up runs (repeated for WARMUP_MS so the JIT
 * has optimized small workloads), then `reps` runs, each with fresh setup and, for big workloads
 * (see COLLECT_ABOVE_BYTES), a full GC before the clock starts.
 */
export function measure<T>(variant: Variant<T>, reps: number, warmup?: () => void): Measurement {
  warmup?.();
  const warmStart = performance.now();
  do variant.run(variant.setup());
  while (performance.now() - warmStart < WARMUP_MS);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const failures = new Set<string>();
  let peakBytes = 0;
  let big = true; // until the first run says otherwise
  for (let rep = 0; rep < reps; rep++) {
    let input: T | null = variant.setup();
    if (big) collect();
    const before = memory();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    variant.run(input);
    const t1 = process.hrtime.bigint();
    const cpu = process.cpuUsage(c0);
    cpuTimes.push((cpu.user + cpu.system) / 1e3);
    const ms = Number(t1 - t0) / 1e6;
    times.push(ms);
    const growth = memory() - before;
    peakBytes = Math.max(peakBytes, growth);
    if (rep === 0) big = growth > COLLECT_ABOVE_BYTES && ms > COLLECT_ABOVE_MS;
    const failure = variant.check(input);
    if (failure !== null) failures.add(failure);
    // Drop the reference so the next setup's allocation can reclaim this run's graph.
    // eslint-disable-next-line no-useless-assignment
    input = null;
  }
  return { name: variant.name, ms: median(times), cpuMs: median(cpuTimes), peakBytes, failures: [...failures] };
}

/** null when `got` is within `rtol` (relative) of `want`, else a message. */
export function near(what: string, got: number, want: number, rtol = 1e-12): string | null {
  return Math.abs(got - want) <= rtol * Math.max(Math.abs(want), 1e-300) ? null : `${what} = ${got}, expected ${want}`;
}

/** The first non-null message, or null. */
export function firstFailure(...checks: Array<string | null>): string | null {
  return checks.find((c) => c !== null) ?? null;
}

/** ns/node is wall time / nodes (cpu ns/node: CPU time / nodes); "x hand" is the ratio of wall times. */
export interface Row extends Measurement {
  /** What the row measured, e.g. `N=1e6`. */
  size: string;
  /** Nodes the time is divided by for ns/node. */
  nodes: number;
  /** ms / the hand-written ms of the same size. */
  ratio: number;
}

/**
 * Measures every variant at one size; the hand-written one must be first (it is the ratio's
 * denominator).
 */
export function measureAll(
  size: string,
  nodes: number,
  variants: ReadonlyArray<Variant<unknown>>,
  reps: number,
  warmup?: () => void,
): Row[] {
  const results = variants.map((v) => measure(v, reps, warmup));
  return results.map((m) => ({ ...m, size, nodes, ratio: m.ms / results[0].ms }));
}

function fmtBytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/** The rows as an aligned table under `title`. */
export function formatRows(title: string, rows: readonly Row[]): string {
  const header = [
    'variant',
    'size',
    'median ms',
    'cpu ms',
    'ns/node',
    'cpu ns/node',
    'peak mem',
    'B/node',
    'x hand',
    'spec',
  ];
  const body = rows.map((r) => [
    r.name,
    r.size,
    r.ms.toFixed(r.ms < 10 ? 3 : 1),
    r.cpuMs.toFixed(r.cpuMs < 10 ? 3 : 1),
    ((r.ms * 1e6) / r.nodes).toFixed(1),
    ((r.cpuMs * 1e6) / r.nodes).toFixed(1),
    fmtBytes(Math.max(0, r.peakBytes)),
    (Math.max(0, r.peakBytes) / r.nodes).toFixed(0),
    r.ratio.toFixed(1),
    r.failures.length === 0 ? '✓' : `✗ ${r.failures.join('; ')}`,
  ]);
  const widths = header.map((h, c) => body.reduce((w, b) => Math.max(w, b[c].length), h.length));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (c <= 1 || c === 9 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [title, line(header), ...body.map(line)].join('\n');
}
