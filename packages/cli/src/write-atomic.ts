/**
 * writeAtomic: writes a file through a temporary sibling and a rename, so an error never leaves a
 * partial file behind; problems with the path become CliErrors that say how to fix them.
 */
import fs from 'fs';
import path from 'path';
import { CliError } from './cli-error';

/** Throws a CliError unless `file` could be written: its folder exists and it is not a folder. */
export function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CliError(
      `chainrule: cannot write ${file}: the folder ${dir} does not exist. Create it first or choose another path.`,
    );
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new CliError(
      `chainrule: cannot write ${file}: it is a folder. Give a file name, e.g. ${path.join(file, 'graph.svg')}.`,
    );
  }
}

/** Writes `content` to `file` atomically (temp file in the same folder, then rename). */
export function writeAtomic(file: string, content: string): void {
  checkWritable(file);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`chainrule: cannot write ${file} (${reason}). Check the path and its permissions.`);
  }
}
