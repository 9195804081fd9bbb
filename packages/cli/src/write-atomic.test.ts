// writeAtomic / writeFiles: whole files or nothing, temp names nobody can predict or plant, symlinks
// replaced rather than followed, and clear errors for bad paths; makeFolder refuses at once what
// cannot become an output folder and inFolder leaves no empty folder behind.
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { CliError } from './cli-error';
import { inFolder, makeFolder, writeAtomic, writeFiles } from './write-atomic';

const fresh = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-write-'));

describe('writeAtomic', () => {
  it('writes and replaces a file, leaving no temporary file', () => {
    const dir = fresh();
    const file = path.join(dir, 'a.svg');
    writeAtomic(file, 'one');
    writeAtomic(file, 'two');
    expect(fs.readFileSync(file, 'utf8')).toBe('two');
    expect(fs.readdirSync(dir)).toEqual(['a.svg']);
  });

  it('refuses a missing folder or a folder as the target', () => {
    const dir = fresh();
    expect(() => writeAtomic(path.join(dir, 'missing', 'a.svg'), 'x')).toThrow(CliError);
    expect(() => writeAtomic(dir, 'x')).toThrow(/it is a folder/);
  });

  it('refuses a pipe (or a device) as the target instead of replacing it with a file', () => {
    const dir = fresh();
    const fifo = path.join(dir, 'pipe.svg');
    execFileSync('mkfifo', [fifo]);
    expect(() => writeAtomic(fifo, 'x')).toThrow(/it is a device, pipe or socket, not a file/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['pipe.svg']);
  });

  it('replaces a symlink planted at the target instead of writing through it', () => {
    const dir = fresh();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    fs.symlinkSync(victim, path.join(dir, 'g.svg'));
    writeAtomic(path.join(dir, 'g.svg'), '<svg/>');
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.lstatSync(path.join(dir, 'g.svg')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'g.svg'), 'utf8')).toBe('<svg/>');
  });

  it('never writes through a link planted at the old predictable temp names', () => {
    const dir = fresh();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    for (const pid of [process.pid, process.pid + 1]) fs.symlinkSync(victim, path.join(dir, `.g.svg.${pid}.tmp`));
    writeAtomic(path.join(dir, 'g.svg'), '<svg/>');
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
  });

  it('writes its temp file inside a fresh private folder, opened exclusively', () => {
    const dir = fresh();
    const seen: string[] = [];
    const original = fs.writeFileSync;
    const spy = jest.spyOn(fs, 'writeFileSync').mockImplementation((file, data, options) => {
      seen.push(`${String(file)} ${JSON.stringify(options)}`);
      const parent = path.dirname(String(file));
      expect(fs.statSync(parent).mode & 0o077).toBe(0);
      expect(path.dirname(parent)).toBe(dir);
      return original(file, data, options);
    });
    try {
      writeAtomic(path.join(dir, 'g.svg'), 'x');
    } finally {
      spy.mockRestore();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/"flag":"wx"/);
  });
});

describe('writeFiles: all or none', () => {
  it('writes several files into one folder', () => {
    const dir = fresh();
    writeFiles([
      { file: path.join(dir, 'a.svg'), content: 'A' },
      { file: path.join(dir, 'b.svg'), content: 'B' },
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg']);
  });

  it('keeps every old file when one of the new ones cannot be put in place', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'a.svg'), 'old A');
    fs.mkdirSync(path.join(dir, 'b.svg')); // a folder where the second file goes
    fs.writeFileSync(path.join(dir, 'b.svg', 'inside'), '');
    expect(() =>
      writeFiles([
        { file: path.join(dir, 'a.svg'), content: 'new A' },
        { file: path.join(dir, 'b.svg'), content: 'new B' },
      ]),
    ).toThrow(/b\.svg.*it is a folder/);
    expect(fs.readFileSync(path.join(dir, 'a.svg'), 'utf8')).toBe('old A');
    expect(fs.readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg']);
  });

  it('rolls back the files already renamed when a later rename fails', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'a.svg'), 'old A');
    const original = fs.renameSync;
    let calls = 0;
    const spy = jest.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      calls++;
      if (String(to) === path.join(dir, 'b.svg')) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      return original(from, to);
    });
    try {
      expect(() =>
        writeFiles([
          { file: path.join(dir, 'a.svg'), content: 'new A' },
          { file: path.join(dir, 'b.svg'), content: 'new B' },
        ]),
      ).toThrow(/cannot write .*b\.svg: no space left on the device \(ENOSPC\)/);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThan(1);
    expect(fs.readFileSync(path.join(dir, 'a.svg'), 'utf8')).toBe('old A');
    expect(fs.readdirSync(dir)).toEqual(['a.svg']);
  });
});

describe('checkFolder and makeFolder', () => {
  it.each([
    ['a folder under /proc', '/proc/plots', /cannot create .*\/proc\/plots/],
    ['a path below a file', '/dev/null/sub', /\/dev\/null is a file, not a folder/],
  ])('%s is refused at once', (_name, dir, message) => {
    const start = Date.now();
    expect(() => makeFolder(dir)).toThrow(message);
    expect(Date.now() - start).toBeLessThan(1000);
  });

  it('a file in the way is refused', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'plots'), '');
    expect(() => makeFolder(path.join(dir, 'plots', 'deeper'))).toThrow(/plots is a file, not a folder/);
  });

  it('inFolder removes the folders it made when the work fails, and keeps them when it succeeds', async () => {
    const dir = fresh();
    await expect(
      inFolder(path.join(dir, 'a', 'b'), () => Promise.reject(new Error('training failed'))),
    ).rejects.toThrow('training failed');
    expect(fs.readdirSync(dir)).toEqual([]);
    await inFolder(path.join(dir, 'a'), () => Promise.resolve(1));
    expect(fs.readdirSync(dir)).toEqual(['a']);
  });

  it('makeFolder creates the missing folders and returns those it made, outermost first', () => {
    const dir = fresh();
    const made = makeFolder(path.join(dir, 'a', 'b'));
    expect(made).toEqual([path.join(dir, 'a'), path.join(dir, 'a', 'b')]);
    expect(fs.statSync(path.join(dir, 'a', 'b')).isDirectory()).toBe(true);
    expect(makeFolder(path.join(dir, 'a', 'b'))).toEqual([]);
  });
});
