/**
 * saveModel / loadModel: a model as JSON text (format tag, version, type, architecture, weights)
 * and back. Loading checks every field and names the one that is wrong.
 */
import { describe } from '@chainrule/core';
import { ACTIVATIONS } from './activation';
import type { Activation } from './activation';
import { checkInteger, nnError } from './errors';
import { Layer } from './layer';
import { MLP } from './mlp';
import { Module, MODEL_FORMAT, MODEL_VERSION } from './module';
import { Neuron } from './neuron';
import { Perceptron } from './perceptron';

const WHERE = 'loadModel';
const TYPES = ['Neuron', 'Perceptron', 'Layer', 'MLP'];
/** The largest model loadModel builds unless told otherwise (about 5× an MNIST 784-256-10 MLP). */
const MAX_PARAMETERS = 1_000_000;
/** The most layers a saved MLP may have. */
const MAX_LAYERS = 10_000;

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /** The most parameters the model may have; larger models are refused before they are built. Default 1,000,000. */
  maxParameters?: number;
}

/**
 * The model as JSON text: `{ format, version, type, <architecture>, parameters }`.
 * @param indent - spaces of indentation (JSON.stringify's). Default 0 (one line).
 * @example
 * ```ts
 * const model = new Perceptron(1, { weights: [0.8] });
 * console.log(saveModel(model));
 * // {"format":"chainrule-nn-model","version":1,"type":"Perceptron","nin":1,"activation":"linear","bias":false,"parameters":[0.8]}
 * ```
 */
export function saveModel(model: Module, indent = 0): string {
  if (!(model instanceof Module))
    throw nnError('saveModel', `expected a Module (Neuron, Perceptron, Layer, MLP), got ${describe(model)}.`);
  return JSON.stringify(model.toJSON(), null, indent);
}

/**
 * A model rebuilt from `saveModel`'s text (or the parsed object), with the saved weights.
 * Throws an error naming the wrong field when the input is malformed or does not fit its type; the
 * sizes are checked against the weights and `options.maxParameters` (default 1,000,000) before
 * anything is built.
 * @example
 * ```ts
 * const model = new MLP(2, [4, 1]);
 * const copy = loadModel(saveModel(model)) as MLP; // or loadModel(fs.readFileSync('model.json', 'utf8'))
 * console.log(copy.forward([0.5, -1])[0].data === model.forward([0.5, -1])[0].data); // true
 * ```
 */
export function loadModel(json: string | object, options: LoadModelOptions = {}): Module {
  const maxParameters = loadOptions(options);
  let spec: unknown = json;
  if (typeof json === 'string') {
    try {
      spec = JSON.parse(json);
    } catch (e) {
      throw nnError(WHERE, `the text is not valid JSON (${(e as Error).message}). Pass the text saveModel wrote.`);
    }
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw nnError(WHERE, `expected a model object (saveModel's output), got ${describe(spec)}.`);
  }
  const s = spec as Record<string, unknown>;
  expect(s, 'format', s.format === MODEL_FORMAT, `"${MODEL_FORMAT}"`);
  expect(s, 'version', s.version === MODEL_VERSION, `${MODEL_VERSION}`);
  expect(s, 'type', typeof s.type === 'string' && TYPES.includes(s.type), TYPES.map((t) => `"${t}"`).join(', '));
  const nin = s.nin as number;
  expect(s, 'nin', isCount(nin), 'an integer >= 1');
  expect(s, 'bias', typeof s.bias === 'boolean', 'true or false');
  const bias = s.bias as boolean;
  const b = bias ? 1 : 0;
  // The architecture is checked against the weights and the limit before anything is built, so a
  // short file claiming a huge model is refused at once.
  let count: number;
  let architecture: string;
  let build: () => Module;
  if (s.type === 'MLP') {
    const nouts = s.nouts as number[];
    expect(s, 'nouts', Array.isArray(nouts) && nouts.length > 0, 'a non-empty array of integers >= 1');
    if (nouts.length > MAX_LAYERS) {
      throw nnError(
        WHERE,
        `field "nouts" has ${nouts.length} layers, over the limit of ${MAX_LAYERS}. Pass the text saveModel wrote.`,
      );
    }
    expect(s, 'nouts', nouts.every(isCount), 'a non-empty array of integers >= 1');
    const activations = s.activations as Activation[];
    expect(
      s,
      'activations',
      Array.isArray(activations) && activations.length === nouts.length && activations.every(isActivation),
      `an array of ${nouts.length} activation names (${ACTIVATIONS.join(', ')})`,
    );
    count = 0;
    let fanIn = nin;
    for (const nout of nouts) {
      count += nout * (fanIn + b);
      fanIn = nout;
    }
    const shown = nouts.length > 8 ? `${nouts.slice(0, 8).join(', ')}, …` : nouts.join(', ');
    architecture = `MLP(${nin}, [${shown}])`;
    build = () => new MLP(nin, nouts, { activations, bias });
  } else {
    expect(s, 'activation', isActivation(s.activation), `one of ${ACTIVATIONS.join(', ')}`);
    const activation = s.activation as Activation;
    if (s.type === 'Layer') {
      const nout = s.nout as number;
      expect(s, 'nout', isCount(nout), 'an integer >= 1');
      count = nout * (nin + b);
      architecture = `Layer(${nin}, ${nout})`;
      build = () => new Layer(nin, nout, { activation, bias });
    } else {
      count = nin + b;
      architecture = `${s.type}(${nin})`;
      build =
        s.type === 'Perceptron'
          ? () => new Perceptron(nin, { activation, bias: bias ? 0 : false })
          : () => new Neuron(nin, { activation, bias });
    }
  }
  const saved = s.parameters;
  if (!Array.isArray(saved) || saved.length !== count) {
    throw nnError(
      WHERE,
      `field "parameters" must be an array of ${count} numbers (the weights of ${architecture}), got ${describe(saved)}. ` +
        'Check that the architecture fields match the weights, or save the model again.',
    );
  }
  if (count > maxParameters) {
    throw nnError(
      WHERE,
      `the model has ${count} parameters, over the limit of ${maxParameters}. Pass { maxParameters: ${count} } or more to load it.`,
    );
  }
  saved.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw nnError(
        WHERE,
        `field "parameters[${i}]" must be a finite number, got ${describe(x)}. Save the model again.`,
      );
    }
  });
  const model = build();
  const params = model.parameters();
  for (let i = 0; i < params.length; i++) params[i].data = saved[i] as number;
  return model;
}

/** Checks loadModel's options and returns maxParameters. */
function loadOptions(options: LoadModelOptions): number {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw nnError(
      WHERE,
      `options must be an object like { maxParameters: ${MAX_PARAMETERS} }, got ${describe(options)}.`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== 'maxParameters') {
      throw nnError(WHERE, `unknown option "${key}"; the options are: maxParameters. Check its spelling.`);
    }
  }
  return checkInteger(WHERE, 'options.maxParameters', options.maxParameters ?? MAX_PARAMETERS, 1);
}

function expect(s: Record<string, unknown>, field: string, ok: boolean, wanted: string): void {
  if (!ok) {
    throw nnError(
      WHERE,
      `field "${field}" must be ${wanted}, got ${describe(s[field])}. Pass the text saveModel wrote.`,
    );
  }
}

function isCount(x: unknown): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function isActivation(x: unknown): boolean {
  return typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x);
}
