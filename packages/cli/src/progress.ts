/**
 * Training progress on stderr: a cli-progress bar on a terminal, plain lines (about ten per run)
 * otherwise, so logs and CI output stay readable and stdout stays clean for --json.
 */
import { formatLoss } from './divergence';

export interface Progress {
  update(step: number, loss: number): void;
  stop(): void;
}

/** A progress reporter for `total` steps. */
export function progress(total: number, err: (text: string) => void, tty = Boolean(process.stderr.isTTY)): Progress {
  if (tty) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when training
    const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
    const bar = new SingleBar(
      { format: 'training [{bar}] {value}/{total} steps  loss {loss}', stream: process.stderr, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(total, 0, { loss: '-' });
    // Ctrl-C: put the terminal back (the bar hides the cursor) before exiting.
    const interrupted = () => {
      bar.stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    return {
      update: (step, loss) => bar.update(step, { loss: formatLoss(loss) }),
      stop: () => {
        process.removeListener('SIGINT', interrupted);
        bar.stop();
      },
    };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  return {
    update: (step, loss) => {
      if (step % every === 0 || step === total) err(`step ${step}/${total}  loss ${formatLoss(loss)}`);
    },
    stop: () => undefined,
  };
}
