// What `chainrule grad` loads: the bundle, core and commander, and nothing of the drawing or
// training code (viz, d3, graphology, nn, cli-progress) nor mathjs's unbundled files. This is what
// keeps its start-up fast (timed by `npm run bench:cli`, not here).
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { BIN, tempDir } from './test-support/run-cli';

function loadedModules(args: string[]): string[] {
  const file = path.join(tempDir(), 'modules.json');
  const run = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'test-support', 'record-modules.js'), BIN, ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, CHAINRULE_MODULES_FILE: file },
    },
  );
  expect(run.status).toBe(0);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as string[];
}

describe('chainrule start-up', () => {
  it('grad loads no drawing or training code and no unbundled mathjs', () => {
    const loaded = loadedModules(['grad', 'x^2*y', '--at', 'x=3,y=2', '--json']);
    expect(loaded.some((file) => file.includes(`${path.sep}core${path.sep}dist${path.sep}`))).toBe(true);
    const heavy = loaded.filter((file) =>
      /[\\/](viz|nn)[\\/]dist[\\/]|[\\/]node_modules[\\/](d3|graphology|mathjs|cli-progress)/.test(file),
    );
    expect(heavy).toEqual([]);
  });

  it('viz loads the drawing code', () => {
    const out = path.join(tempDir(), 'g.svg');
    const loaded = loadedModules(['viz', 'x*y', '--at', 'x=3,y=2', '-o', out]);
    expect(loaded.some((file) => /[\\/]viz[\\/]dist[\\/]/.test(file))).toBe(true);
  });
});
