/**
 * Hostile and oversized input to @chainrule/nn, as tables: models at real sizes (no call-stack
 * limits), model files that lie about their size (refused before anything is built) and wrong
 * types (a message that says what was passed).
 */
import { crossEntropy } from './cross-entropy';
import { Layer } from './layer';
import { MLP } from './mlp';
import { Neuron } from './neuron';
import { SGD } from './sgd';
import { Adam } from './adam';
import { binaryCrossEntropy } from './binary-cross-entropy';
import { makeMoons } from './moons';
import { Perceptron } from './perceptron';
import { loadModel, saveModel } from './save-load';

/* eslint-disable @typescript-eslint/no-explicit-any -- the point is to pass what the types forbid */
const bad = (x: unknown): any => x;

describe('a 784-256-10 MLP (MNIST size) builds, trains one step, saves and loads', () => {
  const model = new MLP(784, [256, 10], { seed: 2 });
  const expected = 784 * 256 + 256 + 256 * 10 + 10;

  it('lists its parameters and zeroes them without a stack overflow', () => {
    expect(model.parameters().length).toBe(expected);
    expect(new Layer(784, 256).parameters().length).toBe(784 * 256 + 256);
    model.zeroGrad();
  });

  it('trains one step with SGD and Adam: the loss goes down', () => {
    const x = Array.from({ length: 784 }, (_, i) => ((i * 37) % 255) / 255 / 28);
    for (const optimizer of [new SGD(model, { lr: 1e-3 }), new Adam(model, { lr: 1e-4 })]) {
      const before = crossEntropy(model.forward(x), 3);
      optimizer.zeroGrad();
      before.backward();
      optimizer.step();
      const after = crossEntropy(model.forward(x), 3).data;
      expect(before.data).toBeGreaterThan(0.1);
      expect(after).toBeLessThan(before.data);
    }
  });

  it('saves and loads with the same weights', () => {
    const text = saveModel(model);
    const copy = loadModel(text);
    expect(copy.parameters().length).toBe(expected);
    expect(saveModel(copy)).toBe(text);
  });
});

const header = '"format":"chainrule-nn-model","version":1';

/** [case, model text, message]: each is refused at once, before any model is built. */
const lyingFiles: [string, string, RegExp][] = [
  [
    'an MLP claiming nin = 100000 with one weight (139 bytes)',
    `{${header},"type":"MLP","nin":100000,"nouts":[100000,1],"activations":["relu","linear"],"bias":true,"parameters":[0]}`,
    /field "parameters" must be an array of 10000200001 numbers .*got an array of length 1/,
  ],
  [
    'a Layer claiming 10^6 neurons',
    `{${header},"type":"Layer","nin":1000,"nout":1000000,"activation":"relu","bias":true,"parameters":[]}`,
    /must be an array of 1001000000 numbers/,
  ],
  [
    'a Neuron claiming nin = 10^12',
    `{${header},"type":"Neuron","nin":1000000000000,"activation":"relu","bias":true,"parameters":[1]}`,
    /must be an array of 1000000000001 numbers/,
  ],
  [
    'an MLP with 10^6 layers of size 1',
    `{${header},"type":"MLP","nin":1,"nouts":[${Array(100001).fill(1).join(',')}],"activations":[${Array(100001).fill('"relu"').join(',')}],"bias":true,"parameters":[0]}`,
    /field "nouts" has 100001 layers, over the limit of 10000/,
  ],
];

describe('model files are checked against their size before anything is built', () => {
  it.each(lyingFiles)('%s', (_name, text, message) => {
    const start = Date.now();
    expect(() => loadModel(text)).toThrow(message);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('an honest file over maxParameters is refused with the option that raises it', () => {
    const text = saveModel(new MLP(20, [20, 1]));
    expect(() => loadModel(text, { maxParameters: 100 })).toThrow(
      /^@chainrule\/nn\/loadModel: the model has 441 parameters, over the limit of 100\. Pass \{ maxParameters: 441 \} or more/,
    );
    expect(loadModel(text, { maxParameters: 441 }).parameters().length).toBe(441);
  });

  it.each([
    ['a negative number', -1],
    ['a string', '5'],
    ['a fraction', 2.5],
  ])('maxParameters as %s is refused', (_name, maxParameters) => {
    expect(() => loadModel(saveModel(new Neuron(1)), bad({ maxParameters }))).toThrow(
      /^@chainrule\/nn\/loadModel: options\.maxParameters must be an integer from 1/,
    );
  });

  it('an option typo is refused', () => {
    expect(() => loadModel(saveModel(new Neuron(1)), bad({ maxParameter: 5 }))).toThrow(
      /^@chainrule\/nn\/loadModel: unknown option "maxParameter"; the options are: maxParameters/,
    );
  });
});

/** [case, call, message]: what was passed is named in plain words. */
const wrongTypes: [string, () => unknown, RegExp][] = [
  ['MLP with nouts an object', () => new MLP(2, bad({})), /nouts must be a non-empty array .*got an object/],
  ['MLP with nin a boolean', () => new MLP(bad(true), [1]), /nin must be an integer .*got the boolean true/],
  ['SGD of a symbol', () => new SGD(bad(Symbol('p'))), /params must be a Module .*got a symbol/],
  ['loadModel of a number', () => loadModel(bad(5)), /expected a model object .*got the number 5/],
  ['Layer with a bigint nout', () => new Layer(2, bad(3n)), /nout must be an integer .*got the bigint 3n/],
];

describe('wrong types: the message names what was passed', () => {
  it.each(wrongTypes)('%s', (_name, call, message) => {
    expect(call).toThrow(message);
    expect(call).not.toThrow(/got a object/);
  });
});

/** [call, message]: a misspelt option is refused, not silently replaced by its default. */
const typos: [string, () => unknown, RegExp][] = [
  [
    'SGD learningRate',
    () => new SGD(new Neuron(1), bad({ learningRate: 0.1 })),
    /^@chainrule\/nn\/SGD: unknown option "learningRate"; the options are: lr, schedule, momentum/,
  ],
  ['Adam beta1', () => new Adam(new Neuron(1), bad({ beta1: 0.8 })), /^@chainrule\/nn\/Adam: unknown option "beta1"/],
  [
    'MLP activaton',
    () => new MLP(2, [1], bad({ activaton: 'tanh' })),
    /^@chainrule\/nn\/MLP: unknown option "activaton"/,
  ],
  ['Layer biases', () => new Layer(2, 1, bad({ biases: false })), /^@chainrule\/nn\/Layer: unknown option "biases"/],
  ['Neuron sed', () => new Neuron(2, bad({ sed: 3 })), /^@chainrule\/nn\/Neuron: unknown option "sed"/],
  [
    'Perceptron weight',
    () => new Perceptron(1, bad({ weight: [1] })),
    /^@chainrule\/nn\/Perceptron: unknown option "weight"/,
  ],
  ['makeMoons noize', () => makeMoons(10, bad({ noize: 0 })), /^@chainrule\/nn\/makeMoons: unknown option "noize"/],
  ['binaryCrossEntropy logits', () => binaryCrossEntropy([0.5], [1], bad({ logits: true })), /unknown option "logits"/],
  [
    'SGD options a number',
    () => new SGD(new Neuron(1), bad(0.1)),
    /^@chainrule\/nn\/SGD: options must be an object, got the number 0\.1/,
  ],
];

describe('option typos are refused', () => {
  it.each(typos)('%s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});
