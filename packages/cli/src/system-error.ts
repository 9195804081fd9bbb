/**
 * reasonOf: a system error (ENOSPC, EACCES, ...) in words followed by its code, for messages that
 * must say which problem it was: "no space left on the device (ENOSPC)".
 */

const WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'it already exists',
  EIO: 'an input/output error',
  EPIPE: 'the reader closed the pipe',
  EBADF: 'the stream is closed',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** `error`'s reason in words with its code, e.g. "permission denied (EACCES)". */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string') return WORDS[code] ? `${WORDS[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}
