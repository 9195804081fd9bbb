/**
 * `chainrule train perceptron|moons`: trains the article's one-weight perceptron or a small MLP on
 * the two-moons data with a progress bar, prints the final metrics and writes the plots (loss
 * curve; descent on C(w) for the perceptron; decision boundary for moons) to --out. A run whose
 * loss diverges (non-finite, or past --diverge-factor times its lowest) stops there and exits 1.
 */
import path from 'path';
import { CliError, EXIT } from '../cli-error';
import { tidy } from '../format';
import type { Io } from '../main';
import { DEFAULT_DIVERGE_FACTOR, formatLoss, watchDivergence, type Divergence } from '../divergence';
import { progress } from '../progress';
import { inFolder, writeFiles } from '../write-atomic';

export interface TrainOptions {
  steps?: string;
  lr?: string;
  seed?: string;
  out?: string;
  json?: boolean;
  divergeFactor?: string;
}

interface Result {
  /** The steps run (fewer than asked when the loss diverged). */
  steps: number;
  metrics: Record<string, number>;
  plots: Record<string, string>;
}

/** Called after each step with its loss; returns true to stop (the loss diverged). */
type Report = (step: number, loss: number) => boolean;

function numberFlag(
  flag: string,
  text: string | undefined,
  fallback: number,
  check: (x: number) => boolean,
  what: string,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || !check(value))
    throw new CliError(`chainrule train: ${flag} must be ${what}; got "${text}".`);
  return value;
}

/* eslint-disable @typescript-eslint/no-require-imports -- nn and viz load only when training */
/** The article: i = 1.5, y = 0.5, w₀ = 0.8, C = (i·w − y)², plain SGD. */
/** Lets the event loop run between steps, so Ctrl-C is handled while training. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

async function trainPerceptron(steps: number, lr: number, report: Report): Promise<Result> {
  const { Perceptron, SGD } = require('@chainrule/nn') as typeof import('@chainrule/nn');
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const model = new Perceptron(1, { weights: [0.8] });
  const optimizer = new SGD(model, { lr });
  const ws = [model.w[0].data];
  const losses: number[] = [];
  for (let step = 1; step <= steps; step++) {
    const cost = model.forward([1.5]).sub(0.5).pow(2);
    optimizer.zeroGrad();
    cost.backward();
    optimizer.step();
    losses.push(cost.data);
    ws.push(model.w[0].data);
    if (report(step, cost.data)) break;
    await tick();
  }
  // The loss is the one each step computed (before its update), as the progress lines print it.
  return {
    steps: losses.length,
    metrics: { loss: losses[losses.length - 1], w: model.w[0].data, target: 1 / 3 },
    plots: {
      'loss.svg': viz.plotLoss(losses, { title: 'Perceptron: cost per step' }),
      'descent.svg': viz.plotDescent({ ws: ws.slice(0, DESCENT_STEPS + 1), learningRate: lr, ...descentTitle(steps) }),
    },
  };
}

/** An MLP(2, [16, 16, 1]) on 100 two-moons points with the hinge loss and L2, as micrograd's demo. */
async function trainMoons(steps: number, lr: number | undefined, seed: number, report: Report): Promise<Result> {
  const nn = require('@chainrule/nn') as typeof import('@chainrule/nn');
  const viz = require('@chainrule/viz') as typeof import('@chainrule/viz');
  const { X, y } = nn.makeMoons(100, { noise: 0.1, seed });
  const model = new nn.MLP(2, [16, 16, 1], { seed });
  const schedule = lr === undefined ? (k: number) => 1.0 - (0.9 * k) / steps : undefined;
  const optimizer = new nn.SGD(model, lr === undefined ? { schedule } : { lr });
  const losses: number[] = [];
  let accuracy = 0;
  for (let step = 1; step <= steps; step++) {
    const scores = X.map((x) => model.forward(x)[0]);
    const loss = nn.hinge(scores, y).add(nn.l2Penalty(model.parameters(), 1e-4));
    optimizer.zeroGrad();
    loss.backward();
    optimizer.step();
    losses.push(loss.data);
    accuracy = nn.accuracy(scores, y);
    if (report(step, loss.data)) break;
    await tick();
  }
  return {
    steps: losses.length,
    metrics: { loss: losses[losses.length - 1], accuracy },
    plots: {
      'loss.svg': viz.plotLoss(losses, { title: 'Moons MLP: loss per step' }),
      'boundary.svg': viz.plotDecisionBoundary(
        (x1, x2) => model.forward([x1, x2])[0].data,
        { X, y },
        { title: 'Moons MLP: decision boundary' },
      ),
    },
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** The most steps the descent plot draws (plotDescent's limit); later steps are on the loss plot only. */
const DESCENT_STEPS = 1000;

function descentTitle(steps: number): { title?: string } {
  return steps > DESCENT_STEPS ? { title: `Gradient descent: the first ${DESCENT_STEPS} of ${steps} steps` } : {};
}

/** Runs the command; returns the exit code. */
export async function runTrain(model: string, options: TrainOptions, io: Io): Promise<number> {
  const isPerceptron = model === 'perceptron';
  const steps = numberFlag(
    '--steps',
    options.steps,
    isPerceptron ? 20 : 100,
    (x) => Number.isInteger(x) && x >= 1 && x <= 100000,
    'a whole number from 1 to 100000',
  );
  const lrText = options.lr;
  const lr = lrText === undefined ? undefined : numberFlag('--lr', lrText, 0, (x) => x > 0, 'a positive number');
  const seed = numberFlag(
    '--seed',
    options.seed,
    1,
    (x) => Number.isInteger(x) && x >= 0 && x <= 2 ** 32 - 1,
    'a whole number from 0 to 4294967295',
  );
  const factor = numberFlag(
    '--diverge-factor',
    options.divergeFactor,
    DEFAULT_DIVERGE_FACTOR,
    (x) => x > 1,
    'a number > 1 (how many times its lowest value the loss may grow to)',
  );
  const outDir = options.out ?? '.';
  // The folder is made before training (refused at once when it cannot be) and removed on failure.
  return inFolder(outDir, async () => {
    const bar = progress(steps, io.err);
    const watch = watchDivergence(factor);
    let diverged: Divergence | null = null;
    const report: Report = (step, loss) => {
      bar.update(step, loss);
      diverged = watch.check(step, loss);
      return diverged !== null;
    };
    let result: Result;
    try {
      result = isPerceptron
        ? await trainPerceptron(steps, lr ?? 0.1, report)
        : await trainMoons(steps, lr, seed, report);
    } finally {
      bar.stop();
    }
    const stopped = diverged as Divergence | null;
    if (stopped !== null) {
      const rate = lr === undefined ? 'the learning rate' : `--lr (now ${lr})`;
      io.err(
        `chainrule train: warning: the training diverged: ${stopped.reason}. Stopped after step ${stopped.step} of ${steps}. ` +
          `Lower ${rate}, or raise --diverge-factor (now ${factor}) if the loss is allowed to grow that much.`,
      );
    }
    const outputs = Object.entries(result.plots).map(([name, content]) => ({ file: path.join(outDir, name), content }));
    writeFiles(outputs);
    const written = outputs.map((output) => output.file);
    if (options.json) {
      io.out(
        JSON.stringify({ model, steps: result.steps, metrics: result.metrics, diverged: stopped, plots: written }),
      );
    } else {
      const metrics = Object.entries(result.metrics)
        .map(([k, v]) => `${k} ${k === 'loss' ? formatLoss(v) : tidy(v)}`)
        .join('  ');
      const ran = stopped === null ? `${result.steps} steps` : `${result.steps} of ${steps} steps (diverged)`;
      io.out(`${model}: ${ran}  ${metrics}\nwrote ${written.join(', ')}`);
    }
    return stopped === null ? EXIT.ok : EXIT.checkFailed;
  });
}
