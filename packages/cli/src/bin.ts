#!/usr/bin/env node
/**
 * The `chainrule` executable: runs the command line and exits with its code. Output that cannot be
 * written never becomes a stack trace: a closed pipe (`chainrule --help | head -c 10`) silences
 * stdout and the command's own exit code stands; a full disk or an I/O error says which it was.
 */
import { main } from './main';
import { reasonOf } from './system-error';

let outputFailed = false;

/** stdout failed: EPIPE (the reader went away, or a write after that) is quiet, anything else is said. */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED' || outputFailed) return;
  outputFailed = true;
  process.exitCode = 2;
  process.stderr.write(
    `chainrule: cannot write to standard output: ${reasonOf(error)}. Free some space or send the output elsewhere.\n`,
  );
}

/** A failure outside any command's promise (a timer, a stream): one line, never a stack trace. */
function onUncaught(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`chainrule: internal error: ${message}\n`);
  if (process.env.CHAINRULE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(2);
}

process.on('uncaughtException', onUncaught);
process.on('unhandledRejection', onUncaught);
process.stdout.on('error', onStdoutError);
// Messages and progress that cannot be shown are dropped; the exit code still tells what happened.
process.stderr.on('error', () => undefined);

main(process.argv).then(
  (code) => {
    process.exitCode = outputFailed ? 2 : code;
  },
  (error: unknown) => {
    process.stderr.write(`chainrule: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
