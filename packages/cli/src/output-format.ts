/**
 * The output formats of `chainrule viz` and `check -o`, chosen by file extension, checked before
 * any work is done so a bad path or format fails fast and writes nothing.
 */
import path from 'path';
import { CliError } from './cli-error';

export const FORMATS = ['.svg', '.html', '.dot', '.mmd', '.json', '.gexf', '.graphml'] as const;
export type Format = (typeof FORMATS)[number];

/** The format of `file` from its extension, or a CliError listing the accepted ones. */
export function formatOf(file: string, accepted: readonly Format[] = FORMATS): Format {
  const ext = path.extname(file).toLowerCase() as Format;
  if (!accepted.includes(ext)) {
    const got = ext ? `"${ext}"` : 'no extension';
    throw new CliError(`chainrule: cannot tell the format of ${file} (${got}). Use one of: ${accepted.join(' ')}.`);
  }
  return ext;
}
