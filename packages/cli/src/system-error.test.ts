// reasonOf: system errors in words with their code, so a message says which problem it was.
import fs from 'fs';
import { reasonOf } from './system-error';

const coded = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: raw`), { code });

test.each([
  ['ENOSPC', 'no space left on the device (ENOSPC)'],
  ['EACCES', 'permission denied (EACCES)'],
  ['EROFS', 'the file system is read-only (EROFS)'],
  ['ENOTDIR', 'a part of the path is a file, not a folder (ENOTDIR)'],
  ['EWHATEVER', 'EWHATEVER'],
])('%s', (code, words) => {
  expect(reasonOf(coded(code))).toBe(words);
});

test('a real error from the file system, and things that are not errors', () => {
  let error: unknown;
  try {
    fs.mkdirSync('/dev/null/sub');
  } catch (e) {
    error = e;
  }
  expect(reasonOf(error)).toBe('a part of the path is a file, not a folder (ENOTDIR)');
  expect(reasonOf(new Error('plain'))).toBe('plain');
  expect(reasonOf('text')).toBe('text');
});
