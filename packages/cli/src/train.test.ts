// `chainrule train` on the built executable: the article's perceptron converging to w = 1/3, the
// moons MLP, plots written, plain progress lines when stderr is not a terminal, usage errors.
import fs from 'fs';
import path from 'path';
import { runCli, tempDir } from './test-support/run-cli';

describe('chainrule train', () => {
  it('trains the perceptron to w ≈ 1/3 and writes the loss and descent plots', () => {
    const dir = path.join(tempDir(), 'runs', 'perceptron'); // created by the command
    const run = runCli(['train', 'perceptron', '--steps', '20', '--out', dir, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    // w_k − 1/3 = (0.8 − 1/3)·(1 − 0.1·2·1.5²)^k, from the article's update rule.
    expect(result.metrics.w - 1 / 3).toBeCloseTo((0.8 - 1 / 3) * 0.55 ** 20, 12);
    for (const name of ['loss.svg', 'descent.svg']) {
      expect(fs.readFileSync(path.join(dir, name), 'utf8')).toContain('<svg');
    }
    expect(run.stderr).toMatch(/^step 2\/20 {2}loss /m);
    expect(run.stderr).toMatch(/^step 20\/20 {2}loss /m);
  });

  it('trains the moons MLP a few steps and draws the decision boundary', () => {
    const dir = tempDir();
    const run = runCli(['train', 'moons', '--steps', '3', '--seed', '7', '--out', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/moons: 3 steps {2}loss [\d.]+ {2}accuracy [\d.]+/);
    expect(fs.readFileSync(path.join(dir, 'boundary.svg'), 'utf8')).toContain('<svg');
  }, 60_000);

  it.each([
    [['train', 'resnet'], /'resnet' is invalid/],
    [['train', 'perceptron', '--steps', '0'], /--steps must be/],
    [['train', 'perceptron', '--lr', '-1'], /--lr must be/],
    [
      ['train', 'perceptron', '--out', '/dev/null/sub'],
      /cannot use the folder \/dev\/null\/sub: \/dev\/null is a file/,
    ],
    [['train', 'perceptron', '--out', '/dev/null'], /is a file, not a folder/],
  ])('exits 2 for %j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
