#!/usr/bin/env node
/**
 * The `chainrule` executable: runs the command line and exits with its code.
 */
import { main } from './main';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`chainrule: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
