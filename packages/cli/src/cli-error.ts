/**
 * CliError: a problem the user can fix (bad flags, unreadable paths, bad formulas). The command
 * line prints its message on stderr, without a stack trace, and exits with its code (2 by default).
 */

/**
 * Exit codes of the chainrule command: 0 ok, 1 a check that found a disagreement, 2 a usage error.
 *
 * @example
 * ```ts
 * console.log(EXIT); // { ok: 0, checkFailed: 1, usage: 2 }
 * ```
 */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

/**
 * A problem the user can fix; `main` prints its message without a stack trace and returns its
 * exit code (default `EXIT.usage`, 2).
 *
 * @example
 * ```ts
 * const error = new CliError('chainrule grad: --at is missing. Pass --at x=3,y=2.');
 * console.log(error.exitCode); // 2
 * ```
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
