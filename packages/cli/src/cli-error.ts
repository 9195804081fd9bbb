/**
 * CliError: a problem the user can fix (bad flags, unreadable paths, bad formulas). The command
 * line prints its message on stderr, without a stack trace, and exits with its code (2 by default).
 */

/** Exit codes of the chainrule command. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
