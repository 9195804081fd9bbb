/**
 * saveModel / loadModel: a model as JSON text (format tag, version, type, architecture, weights)
 * and back. Loading checks every field and names the one that is wrong.
 */
import { ACTIVATIONS } from './activation';
import type { Activation } from './activation';
import { describeValue, nnError } from './errors';
import { Layer } from './layer';
import { MLP } from './mlp';
import { Module, MODEL_FORMAT, MODEL_VERSION } from './module';
import { Neuron } from './neuron';
import { Perceptron } from './perceptron';

const WHERE = 'loadModel';
const TYPES = ['Neuron', 'Perceptron', 'Layer', 'MLP'];

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
    throw nnError('saveModel', `expected a Module (Neuron, Perceptron, Layer, MLP), got ${describeValue(model)}.`);
  return JSON.stringify(model.toJSON(), null, indent);
}

/**
 * A model rebuilt from `saveModel`'s text (or the parsed object), with the saved weights.
 * Throws an error naming the wrong field when the input is malformed or does not fit its type.
 * @example
 * ```ts
 * const model = new MLP(2, [4, 1]);
 * const copy = loadModel(saveModel(model)) as MLP; // or loadModel(fs.readFileSync('model.json', 'utf8'))
 * console.log(copy.forward([0.5, -1])[0].data === model.forward([0.5, -1])[0].data); // true
 * ```
 */
export function loadModel(json: string | object): Module {
  let spec: unknown = json;
  if (typeof json === 'string') {
    try {
      spec = JSON.parse(json);
    } catch (e) {
      throw nnError(WHERE, `the text is not valid JSON (${(e as Error).message}). Pass the text saveModel wrote.`);
    }
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw nnError(WHERE, `expected a model object (saveModel's output), got ${describeValue(spec)}.`);
  }
  const s = spec as Record<string, unknown>;
  expect(s, 'format', s.format === MODEL_FORMAT, `"${MODEL_FORMAT}"`);
  expect(s, 'version', s.version === MODEL_VERSION, `${MODEL_VERSION}`);
  expect(s, 'type', typeof s.type === 'string' && TYPES.includes(s.type), TYPES.map((t) => `"${t}"`).join(', '));
  const nin = s.nin as number;
  expect(s, 'nin', isCount(nin), 'an integer >= 1');
  expect(s, 'bias', typeof s.bias === 'boolean', 'true or false');
  const bias = s.bias as boolean;
  let model: Module;
  if (s.type === 'MLP') {
    const nouts = s.nouts as number[];
    expect(
      s,
      'nouts',
      Array.isArray(nouts) && nouts.length > 0 && nouts.every(isCount),
      'a non-empty array of integers >= 1',
    );
    const activations = s.activations as Activation[];
    expect(
      s,
      'activations',
      Array.isArray(activations) && activations.length === nouts.length && activations.every(isActivation),
      `an array of ${nouts.length} activation names (${ACTIVATIONS.join(', ')})`,
    );
    model = new MLP(nin, nouts, { activations, bias });
  } else {
    expect(s, 'activation', isActivation(s.activation), `one of ${ACTIVATIONS.join(', ')}`);
    const activation = s.activation as Activation;
    if (s.type === 'Layer') {
      expect(s, 'nout', isCount(s.nout), 'an integer >= 1');
      model = new Layer(nin, s.nout as number, { activation, bias });
    } else if (s.type === 'Perceptron') {
      model = new Perceptron(nin, { activation, bias: bias ? 0 : false });
    } else {
      model = new Neuron(nin, { activation, bias });
    }
  }
  const params = model.parameters();
  const saved = s.parameters;
  if (!Array.isArray(saved) || saved.length !== params.length) {
    throw nnError(
      WHERE,
      `field "parameters" must be an array of ${params.length} numbers (the weights of ${model}), got ${describeValue(saved)}. ` +
        'Check that the architecture fields match the weights, or save the model again.',
    );
  }
  saved.forEach((x, i) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw nnError(
        WHERE,
        `field "parameters[${i}]" must be a finite number, got ${describeValue(x)}. Save the model again.`,
      );
    }
    params[i].data = x;
  });
  return model;
}

function expect(s: Record<string, unknown>, field: string, ok: boolean, wanted: string): void {
  if (!ok) {
    throw nnError(
      WHERE,
      `field "${field}" must be ${wanted}, got ${describeValue(s[field])}. Pass the text saveModel wrote.`,
    );
  }
}

function isCount(x: unknown): boolean {
  return typeof x === 'number' && Number.isInteger(x) && x >= 1;
}

function isActivation(x: unknown): boolean {
  return typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x);
}
