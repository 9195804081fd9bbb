import { Layer } from './layer';
import { MLP } from './mlp';
import { Neuron } from './neuron';
import { Perceptron } from './perceptron';
import { loadModel, saveModel } from './save-load';

describe('saveModel / loadModel', () => {
  test('round trip of every model type keeps architecture, weights and outputs', () => {
    const models = [
      new MLP(2, [5, 3, 1], { activations: ['tanh', 'relu', 'sigmoid'], seed: 3 }),
      new Layer(3, 2, { activation: 'tanh', bias: false }),
      new Neuron(4, { activation: 'linear' }),
      new Perceptron(2, { weights: [0.1, 0.2], bias: 0.3, activation: 'sigmoid' }),
    ];
    for (const model of models) {
      model.parameters().forEach((p, i) => (p.data += i / 7)); // not the seeded init any more
      const text = saveModel(model);
      const back = loadModel(text);
      expect(back.constructor).toBe(model.constructor);
      expect(String(back)).toBe(String(model));
      expect(back.parameters().map((p) => p.data)).toEqual(model.parameters().map((p) => p.data));
      expect(saveModel(back)).toBe(text);
    }
    const mlp = models[0] as MLP;
    const copy = loadModel(JSON.parse(saveModel(mlp))) as MLP;
    expect(copy.forward([0.3, -0.9])[0].data).toBe(mlp.forward([0.3, -0.9])[0].data);
  });

  test('JSON.stringify(model) writes the same object', () => {
    const m = new MLP(2, [2, 1]);
    expect(JSON.stringify(m)).toBe(saveModel(m));
    expect(JSON.parse(saveModel(m))).toMatchObject({
      format: 'chainrule-nn-model',
      version: 1,
      type: 'MLP',
      nin: 2,
      nouts: [2, 1],
    });
  });

  test('malformed or mismatched input names the wrong field', () => {
    const good = JSON.parse(saveModel(new MLP(2, [3, 1])));
    const broken = (patch: object) => JSON.stringify({ ...good, ...patch });
    expect(() => loadModel('{"format": ')).toThrow(/@chainrule\/nn\/loadModel: the text is not valid JSON/);
    expect(() => loadModel('[1, 2]')).toThrow(/expected a model object/);
    expect(() => loadModel(broken({ format: 'other' }))).toThrow(/field "format" must be "chainrule-nn-model"/);
    expect(() => loadModel(broken({ version: 2 }))).toThrow(/field "version" must be 1, got the number 2/);
    expect(() => loadModel(broken({ type: 'CNN' }))).toThrow(/field "type" must be/);
    expect(() => loadModel(broken({ nin: 0 }))).toThrow(/field "nin" must be an integer >= 1/);
    expect(() => loadModel(broken({ nouts: [3, 'x'] }))).toThrow(/field "nouts"/);
    expect(() => loadModel(broken({ activations: ['relu'] }))).toThrow(
      /field "activations" must be an array of 2 activation names/,
    );
    expect(() => loadModel(broken({ bias: 'yes' }))).toThrow(/field "bias" must be true or false/);
    expect(() => loadModel(broken({ parameters: good.parameters.slice(1) }))).toThrow(
      /field "parameters" must be an array of 13 numbers \(the weights of MLP\(2, \[3, 1\]\)\), got an array of length 12/,
    );
    expect(() => loadModel(broken({ nin: 3 }))).toThrow(/field "parameters" must be an array of 16 numbers/);
    const nan = [...good.parameters];
    nan[4] = null;
    expect(() => loadModel(broken({ parameters: nan }))).toThrow(
      /field "parameters\[4\]" must be a finite number, got null/,
    );
    expect(() => loadModel(JSON.stringify({ ...JSON.parse(saveModel(new Layer(2, 2))), nout: -1 }))).toThrow(
      /field "nout"/,
    );
    expect(() => loadModel(JSON.stringify({ ...JSON.parse(saveModel(new Neuron(2))), activation: 'elu' }))).toThrow(
      /field "activation" must be one of/,
    );
  });
});
