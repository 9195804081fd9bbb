/**
 * The chainrule command line: commander wiring for grad, viz, check, train and demo. The heavy
 * packages (@chainrule/viz with d3 and graphology, @chainrule/nn, cli-progress, the demo) load only
 * inside the actions that use them, so `chainrule grad` does not pay for the plotting code.
 * Exit codes: 0 ok, 1 a check failed, 2 bad usage or input (message on stderr, no stack trace).
 */
import { DEFAULT_TOLERANCES } from '@chainrule/core';
import { Argument, Command, CommanderError, Option } from 'commander';
import { collect } from './at-values';
import { forCommandLine } from './advice';
import { DEFAULT_DIVERGE_FACTOR } from './divergence';
import { CliError, EXIT } from './cli-error';
import { runCheck } from './commands/check';
import { runGrad } from './commands/grad';
import { runTrain } from './commands/train';
import { runViz } from './commands/viz';

/** Where the commands write; tests and embedders may swap it. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Bytes to stdout as they are (a PNG written with `-o -`); default: process.stdout. */
  bytes?: (data: Uint8Array) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  bytes: (data) => process.stdout.write(data),
};

function example(lines: string): string {
  return `\nExample:\n${lines}`;
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command();
  program
    .name('chainrule')
    .description('Automatic differentiation you can see: gradients, graphs and derivative checks from a formula.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      example(
        '  $ chainrule grad "x^2*y" --at x=3,y=2\n  $ chainrule check "a = i*w; C = (a - y)^2" --at i=1.5,w=0.8,y=0.5 --manual "w=2*(i*w - y)*i"',
      ),
    );

  program
    .command('grad')
    .description('value, gradients (autograd), symbolic derivatives and numeric estimates of a formula')
    .argument('<expr>', 'the formula, e.g. "x^2*y" or "a = i*w; C = (a - y)^2"')
    .option('--at <values>', 'variable values, name=number pairs (repeatable)', collect)
    .option('--json', 'print {"value", "gradients", "symbolic"} as JSON')
    .addHelpText(
      'after',
      example(
        '  $ chainrule grad "x^2*y" --at x=3,y=2\n  $ chainrule grad "a = i*w; C = (a - y)^2" --at i=1.5,w=0.8,y=0.5 --json',
      ),
    )
    .action((expr: string, options) => {
      setCode(runGrad(expr, options, io.out, io.err));
    });

  program
    .command('viz')
    .description('draw the computation graph (values, gradients, local gradients on edges)')
    .argument('<expr>', 'the formula')
    .option('--at <values>', 'variable values, name=number pairs (repeatable)', collect)
    .option(
      '-o, --out <file>',
      'output file; the format comes from the extension: .svg .png .html .dot .mmd .json .gexf .graphml; - for stdout (with --format)',
    )
    .addOption(
      new Option('--format <format>', 'the format of -o - (stdout)').choices([
        'svg',
        'png',
        'html',
        'dot',
        'mmd',
        'json',
        'gexf',
        'graphml',
      ]),
    )
    .addOption(
      new Option('--direction <dir>', 'layers left to right, top to bottom, or whichever fits a 16:9 slide')
        .choices(['LR', 'TB', 'auto'])
        .default('auto'),
    )
    .option('--title <text>', 'a title above the picture (.svg, .png, .html)')
    .option('--scale <factor>', 'pixels per SVG unit of a .png, above 0 and at most 8', '1')
    .option('--frames <dir>', 'also write one SVG per backward step into this folder')
    .addOption(
      new Option('--labels <what>', 'edge labels: local gradient, contribution to the grad, both, none')
        .choices(['local', 'contribution', 'both', 'none'])
        .default('local'),
    )
    .addOption(new Option('--colour <theme>', 'colour theme').choices(['light', 'dark']))
    // The US spelling is accepted quietly; help and docs use one spelling, --colour.
    .addOption(new Option('--color <theme>', 'same as --colour').choices(['light', 'dark']).hideHelp())
    .addOption(
      new Option('--group <when>', 'collapse named sub-expressions and neurons into boxes')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .option('--precision <digits>', 'significant digits of the numbers drawn', '4')
    .option('--no-backward', 'draw the forward pass only (no gradients)')
    .addHelpText(
      'after',
      example(
        '  $ chainrule viz "a = i*w; C = (a - y)^2" --at i=1.5,w=0.8,y=0.5 -o graph.svg\n  $ chainrule viz "tanh(x*w + b)" --at x=1,w=0.5,b=0 -o graph.png --scale 2 --title "a neuron"\n  $ chainrule viz "x^2*y" --at x=3,y=2 -o - --format dot | dot -Tpdf > graph.pdf\n  $ chainrule viz "a = i*w; C = (a - y)^2" --at i=1.5,w=0.8,y=0.5 --frames out/steps',
      ),
    )
    .action((expr: string, options) => {
      setCode(runViz(expr, options, io.out, io.err, io.bytes ?? defaultIo.bytes!));
    });

  program
    .command('check')
    .description(
      'compare hand-derived gradients of inputs or named nodes with autograd, numeric and symbolic ones; exit 1 on a mismatch',
    )
    .argument('<expr>', 'the formula')
    .option('--at <values>', 'variable values, name=number pairs (repeatable)', collect)
    .option(
      '--manual <derivative>',
      'a hand-derived gradient of an input or a named node, name=formula; formulas may use named nodes (repeatable)',
      collect,
    )
    .option(
      '--eps <number>',
      `step of the central differences (default ${DEFAULT_TOLERANCES.eps.toExponential()}, as PyTorch's gradcheck)`,
    )
    .option('--atol <number>', `absolute tolerance (default ${DEFAULT_TOLERANCES.atol.toExponential()})`)
    .option('--rtol <number>', `relative tolerance (default ${DEFAULT_TOLERANCES.rtol.toExponential()})`)
    .option('--tol <number>', 'set both tolerances (absolute and relative) at once')
    .option('--points <n>', 'also check at n random points (seeded)', '0')
    .option('--seed <n>', 'seed for --points', '1')
    .option(
      '-o, --out <file>',
      'write the graph with the first wrong step ringed, other mismatches highlighted (.svg or .html)',
    )
    .option('--json', 'print the comparison as JSON')
    .addHelpText(
      'after',
      example(
        '  $ chainrule check "a = i*w; C = (a - y)^2" --at i=1.5,w=0.8,y=0.5 --manual "a=2*(a - y)" --manual "w=2*(a - y)*i"',
      ),
    )
    .action((expr: string, options) => {
      setCode(runCheck(expr, options, io.out, io.err));
    });

  program
    .command('train')
    .description('train a model with a progress bar; print metrics and write loss/descent/boundary plots')
    .addArgument(new Argument('<model>', 'what to train').choices(['perceptron', 'moons']))
    .option('--steps <n>', 'training steps')
    .option('--lr <rate>', 'learning rate')
    .option('--seed <n>', 'random seed', '1')
    .option('--out <dir>', 'folder for the plots', '.')
    .option(
      '--diverge-factor <f>',
      `stop and exit 1 when the loss grows past f times its lowest so far (or is not finite); default ${DEFAULT_DIVERGE_FACTOR}`,
    )
    .option('--json', 'print the final metrics as JSON')
    .addHelpText(
      'after',
      example(
        '  $ chainrule train perceptron --steps 20 --out plots\n  $ chainrule train moons --steps 100 --lr 0.05 --seed 7',
      ),
    )
    .action(async (model: string, options) => {
      setCode(await runTrain(model, options, io));
    });

  program
    .command('demo')
    .description("the article's walkthrough: a one-weight perceptron learning by the chain rule")
    .option('--out <dir>', 'folder for pictures')
    .addHelpText('after', example('  $ chainrule demo'))
    .action(async (options) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the walkthrough loads only when asked for
      const { runDemo } = require('./demo') as typeof import('./demo');
      setCode(await runDemo(options, io));
    });
  return program;
}

/**
 * Runs the command line on `argv` (as process.argv: node, script, args...) and returns the exit code;
 * the executable runs `main(process.argv)` and exits with that code. `io` receives what would be printed.
 * @example
 * ```ts
 * const printed: string[] = [];
 * const io = { out: (text: string) => printed.push(text), err: (text: string) => printed.push(text) };
 * main(['node', 'chainrule', 'grad', 'x^2*y', '--at', 'x=3,y=2', '--json'], io).then((code) => {
 *   console.log(code, JSON.parse(printed[0]).gradients); // 0 { x: 12, y: 9 }
 * });
 * ```
 */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(formulaAsOperand(program, argv));
    return code;
  } catch (error) {
    return report(error, io);
  }
}

/**
 * A formula that starts with a minus sign ("-x^2") would read as an unknown option: when a command's
 * `<expr>` is missing and such an argument is not one of its options, it moves behind `--`, where
 * commander reads it as the formula (`grad "-x^2" --at x=1` works as written).
 */
function formulaAsOperand(program: Command, argv: readonly string[]): string[] {
  const args = [...argv];
  const command = program.commands.find((c) => c.name() === args[2]);
  if (command === undefined || command.registeredArguments[0]?.name() !== 'expr' || args.includes('--')) return args;
  for (let i = 3; i < args.length; i++) {
    const arg = args[i];
    const long = arg.startsWith('--') ? arg.split('=')[0] : arg;
    const option =
      command.options.find((o) => o.short === long || o.long === long) ??
      (arg === '-h' || arg === '--help' ? true : undefined);
    if (option !== undefined) {
      if (option !== true && (option.required || option.optional) && !arg.includes('=')) i++; // its value
      continue;
    }
    if (!arg.startsWith('-')) return args; // the formula is already an ordinary argument
    if (/^--[A-Za-z]/.test(arg)) return args; // an unknown --flag: commander reports it
    return [...args.slice(0, i), ...args.slice(i + 1), '--', arg];
  }
  return args;
}

/** Prints an error as a message (never a stack trace) and picks the exit code. */
function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Commander has already printed help, the version or the usage error.
    const unknown = error.code === 'commander.unknownOption' ? /'(--[^']*)'/.exec(error.message) : null;
    if (unknown && /[^A-Za-z0-9-]/.test(unknown[1])) {
      io.err(
        `chainrule: if ${unknown[1]} is a formula, put it last, behind "--": chainrule grad --at x=1 -- "${unknown[1]}"`,
      );
    }
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof CliError) {
    io.err(error.message);
    return error.exitCode;
  }
  const err = error as Error;
  if (err && err.name === 'ExpressionError') {
    io.err(err.message);
    return EXIT.usage;
  }
  const message = err && typeof err.message === 'string' ? forCommandLine(err.message) : String(error);
  io.err(message.startsWith('@chainrule/') ? message : `chainrule: ${message}`);
  if (process.env.CHAINRULE_DEBUG) io.err(String(err?.stack));
  return EXIT.usage;
}
