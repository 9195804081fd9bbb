/**
 * The output formats of `chainrule viz` and `check -o`, chosen by file extension, checked before
 * any work is done so a bad path or format fails fast and writes nothing.
 */
import path from 'path';
import { CliError } from './cli-error';

export const FORMATS = ['.svg', '.png', '.html', '.dot', '.mmd', '.json', '.gexf', '.graphml'] as const;
export type Format = (typeof FORMATS)[number];

/** The format named by `--format` (`svg`, `png`, ...), for output to stdout (`-o -`). */
export function formatNamed(name: string | undefined, accepted: readonly Format[] = FORMATS): Format {
  const ext = `.${String(name ?? '').toLowerCase()}` as Format;
  if (name === undefined) {
    throw new CliError(
      `chainrule: -o - writes to stdout and needs --format to say what: one of ${accepted.map((f) => f.slice(1)).join(' ')}.`,
    );
  }
  if (!accepted.includes(ext)) {
    throw new CliError(
      `chainrule: unknown --format "${name}". Use one of: ${accepted.map((f) => f.slice(1)).join(' ')}.`,
    );
  }
  return ext;
}

/** The format of `file` from its extension, or a CliError listing the accepted ones. */
export function formatOf(file: string, accepted: readonly Format[] = FORMATS): Format {
  const ext = path.extname(file).toLowerCase() as Format;
  if (!accepted.includes(ext)) {
    const got = ext ? `"${ext}"` : 'no extension';
    throw new CliError(`chainrule: cannot tell the format of ${file} (${got}). Use one of: ${accepted.join(' ')}.`);
  }
  return ext;
}
