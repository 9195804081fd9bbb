/**
 * `npm run bench [-- w1 w3 ...] [-- --reps 5]`: runs the workloads of shared/bench/SPEC.md (all by
 * default, or those named) and prints one table per workload; exits 1 if a spec check failed.
 * A workload is a file exporting a `Workload` (see harness.ts): add it with one import and one
 * line in WORKLOADS.
 */
import os from 'os';
import type { Workload } from './harness';
import { w1 } from './w1';
import { w2 } from './w2';
import { w3 } from './w3';
import { w4 } from './w4';

const WORKLOADS: Workload[] = [w1, w2, w3, w4];

function main(argv: string[]): number {
  let reps = 5;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') reps = Number(argv[++i]);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log(
        `usage: npm run bench -- [${WORKLOADS.map((w) => w.name).join('] [')}] [--reps N]   (default: all, 5 reps)`,
      );
      return 0;
    } else names.push(argv[i].toLowerCase());
  }
  if (!Number.isInteger(reps) || reps < 1) {
    console.error(`bench: --reps must be a positive integer, got ${reps}.`);
    return 2;
  }
  const unknown = names.filter((n) => !WORKLOADS.some((w) => w.name === n));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown workload ${unknown.join(', ')}; choose from ${WORKLOADS.map((w) => w.name).join(', ')}.`,
    );
    return 2;
  }
  const chosen = names.length === 0 ? WORKLOADS : WORKLOADS.filter((w) => names.includes(w.name));
  console.log(
    `node ${process.version}, ${reps} timed runs per variant (median), load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  let ok = true;
  for (const workload of chosen) {
    ok = workload.run(reps) && ok;
    console.log('');
  }
  console.log(ok ? 'all spec checks passed ✓' : 'SPEC CHECK FAILED ✗');
  return ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
