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

  it('the progress line and the summary give the same last loss', () => {
    const run = runCli(['train', 'perceptron', '--steps', '20', '--out', tempDir()]);
    expect(run.code).toBe(0);
    const last = run.stderr.match(/^step 20\/20 {2}loss (\S+)$/m)![1];
    expect(run.stdout).toMatch(new RegExp(`^perceptron: 20 steps {2}loss ${last.replace(/[.+]/g, '\\$&')} {2}w `, 'm'));
    // The loss of step 20 is the cost at w_19 = 1/3 + (0.8 − 1/3)·0.55^19, computed before its update.
    const w19 = 1 / 3 + (0.8 - 1 / 3) * 0.55 ** 19;
    expect(Number(last)).toBeCloseTo((1.5 * w19 - 0.5) ** 2, 15);
  });

  it('warns, stops and exits 1 when the loss diverges (the article with --lr 0.7)', () => {
    const run = runCli(['train', 'perceptron', '--lr', '0.7', '--out', tempDir(), '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    // w ← w − 0.7·2·1.5·(1.5w − 0.5): losses 0.49, 2.26503, 10.4701 (more than 10 × 0.49) at step 3.
    expect(result.steps).toBe(3);
    expect(result.diverged.step).toBe(3);
    expect(result.diverged.loss).toBeCloseTo(10.4701, 3);
    expect(run.stderr).toContain(
      'chainrule train: warning: the training diverged: the loss grew to 10.4701 at step 3, more than 10 × the lowest so far (0.49 at step 1). Stopped after step 3 of 20. Lower --lr (now 0.7)',
    );
    const relaxed = runCli(['train', 'perceptron', '--lr', '0.7', '--diverge-factor', '1e30', '--out', tempDir()]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toMatch(/^perceptron: 20 steps {2}loss /m);
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
    [['train', 'perceptron', '--diverge-factor', '1'], /--diverge-factor must be a number > 1/],
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
