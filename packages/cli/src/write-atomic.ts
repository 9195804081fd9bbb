/**
 * Output files and folders of the commands. Files are written into a private folder made by
 * mkdtemp beside the target (a name nobody can predict, opened with O_EXCL) and renamed into place,
 * so a failure leaves the old files and a link planted at the target is replaced, never followed;
 * several files go in together or not at all. Folders are made before any work, removed on failure.
 */
import fs from 'fs';
import path from 'path';
import { CliError } from './cli-error';
import { reasonOf } from './system-error';

/** One output file and its contents. */
export interface OutputFile {
  file: string;
  /** Text, or bytes (a PNG). */
  content: string | Uint8Array;
}

/** Linux's PATH_MAX: no longer path can be opened, so it is refused before it reaches a message. */
const MAX_PATH_LENGTH = 4096;

/** Throws a CliError for a path longer than MAX_PATH_LENGTH, quoting only its start. */
function checkPathLength(file: string): void {
  if (file.length > MAX_PATH_LENGTH) {
    throw new CliError(
      `chainrule: the path ${JSON.stringify(file.slice(0, 40) + '…')} is ${file.length} characters long, over the limit of ${MAX_PATH_LENGTH}. Choose a shorter path.`,
    );
  }
}

/**
 * The nearest existing folder at or above `dir` and the missing folders below it (outermost
 * first); a CliError when a file is in the way.
 */
function existingAncestor(dir: string): { base: string; missing: string[] } {
  checkPathLength(dir);
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        throw new CliError(`chainrule: cannot use the folder ${dir}: ${reasonOf(error)}. Choose another folder.`);
    }
    if (stat !== null) {
      if (!stat.isDirectory())
        throw new CliError(
          `chainrule: cannot use the folder ${dir}: ${current} is a file, not a folder. Choose another folder.`,
        );
      return { base: current, missing: missing.reverse() };
    }
    missing.push(current);
    const parent = path.dirname(current);
    if (parent === current) throw new CliError(`chainrule: cannot use the folder ${dir}. Choose another folder.`);
    current = parent;
  }
}

/**
 * Makes `dir` and the missing folders above it, one at a time (Node 20's recursive mkdir spins
 * forever under /proc); returns the folders it made, outermost first, so a failure can remove them.
 */
export function makeFolder(dir: string): string[] {
  const { missing } = existingAncestor(dir);
  const made: string[] = [];
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      removeFolders(made);
      throw new CliError(`chainrule: cannot create the folder ${folder}: ${reasonOf(error)}. Choose another folder.`);
    }
    made.push(folder);
  }
  return made;
}

/** Removes folders made by makeFolder, innermost first, if they are still empty. */
export function removeFolders(made: readonly string[]): void {
  for (let i = made.length - 1; i >= 0; i--) {
    try {
      fs.rmdirSync(made[i]);
    } catch {
      return; // not empty any more (someone else wrote there): leave it and the folders above it
    }
  }
}

/**
 * Runs `work` with `dir` made first (so a folder that cannot be made is refused before any work);
 * when `work` fails, the folders made for it are removed again, so a failed run leaves nothing.
 */
export async function inFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const made = makeFolder(dir);
  try {
    return await work();
  } catch (error) {
    removeFolders(made);
    throw error;
  }
}

/** Throws a CliError unless `file` could be written: its folder exists and it is not a folder. */
export function checkWritable(file: string): void {
  checkPathLength(file);
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
  // The rename would replace a device, pipe or socket (as root, /dev/full itself) with a plain file.
  const stat = lstatOrNull(file);
  if (stat !== null && !stat.isFile() && !stat.isSymbolicLink()) {
    throw new CliError(
      `chainrule: cannot write ${file}: it is a device, pipe or socket, not a file. Give the path of a file.`,
    );
  }
}

/** Writes `content` to `file` atomically; see writeFiles. */
export function writeAtomic(file: string, content: string | Uint8Array): void {
  writeFiles([{ file, content }]);
}

/**
 * Writes every file or none: each is written into a private temp folder beside its target, then
 * the old files are moved aside, the new ones renamed into place, and on any failure the old ones
 * are put back. Throws a CliError naming the file and the reason.
 */
export function writeFiles(files: readonly OutputFile[]): void {
  for (const { file } of files) checkWritable(file);
  const temps = new Map<string, string>();
  const placed: { target: string; backup: string | null }[] = [];
  let current = files[0]?.file ?? '';
  try {
    const staged = files.map(({ file, content }, i) => {
      current = file;
      const dir = path.dirname(path.resolve(file));
      let temp = temps.get(dir);
      if (temp === undefined) {
        temp = fs.mkdtempSync(path.join(dir, '.chainrule-'));
        temps.set(dir, temp);
      }
      const staging = path.join(temp, `${i}.new`);
      fs.writeFileSync(staging, content, { flag: 'wx' });
      return { target: path.resolve(file), staging, backup: path.join(temp, `${i}.old`), file };
    });
    for (const { target, staging, backup, file } of staged) {
      current = file;
      const hadOld = fs.existsSync(target) || isLink(target);
      if (hadOld) fs.renameSync(target, backup);
      placed.push({ target, backup: hadOld ? backup : null });
      fs.renameSync(staging, target);
    }
  } catch (error) {
    const kept = rollBack(placed);
    if (kept.length === 0) for (const temp of temps.values()) fs.rmSync(temp, { recursive: true, force: true });
    const keptNote = kept.length > 0 ? ` The old files could not all be put back; they are in ${kept.join(', ')}.` : '';
    if (error instanceof CliError) throw error;
    throw new CliError(
      `chainrule: cannot write ${current}: ${reasonOf(error)}. Check the path and its permissions.${keptNote}`,
    );
  }
  for (const temp of temps.values()) fs.rmSync(temp, { recursive: true, force: true });
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Puts the old files back (or removes the new ones that had none), latest first; returns the
 * backups that could not be put back, which must then be kept.
 */
function rollBack(placed: readonly { target: string; backup: string | null }[]): string[] {
  const kept: string[] = [];
  for (let i = placed.length - 1; i >= 0; i--) {
    const { target, backup } = placed[i];
    try {
      if (backup === null) fs.rmSync(target, { force: true });
      else fs.renameSync(backup, target);
    } catch {
      if (backup !== null) kept.push(backup);
    }
  }
  return kept;
}
