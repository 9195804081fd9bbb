// writeAtomic: whole files or nothing, and clear errors for bad paths.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { CliError } from './cli-error';
import { writeAtomic } from './write-atomic';

describe('writeAtomic', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-write-'));

  it('writes and replaces a file, leaving no temporary file', () => {
    const file = path.join(dir, 'a.svg');
    writeAtomic(file, 'one');
    writeAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['a.svg']);
  });

  it('refuses a missing folder or a folder as the target', () => {
    expect(() => writeAtomic(path.join(dir, 'missing', 'a.svg'), 'x')).toThrow(CliError);
    expect(() => writeAtomic(dir, 'x')).toThrow(/it is a folder/);
  });
});
