// Help, version and usage errors of the built executable.
import { runCli } from './test-support/run-cli';

describe('chainrule usage', () => {
  it.each(['grad', 'viz', 'check', 'train', 'demo'])('%s --help shows an example and exits 0', (command) => {
    const run = runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: chainrule ${command}`);
    expect(run.stdout).toMatch(/Example:\n\s+\$ chainrule /);
  });

  it('lists the commands', () => {
    const run = runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['grad', 'viz', 'check', 'train', 'demo']) expect(run.stdout).toContain(command);
  });

  it('exits 2 for an unknown command or no command', () => {
    expect(runCli(['frobnicate']).code).toBe(2);
    const none = runCli([]);
    expect(none.code).toBe(2);
  });
});
