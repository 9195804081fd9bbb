import { Value } from '@chainrule/core';
import { Layer } from './layer';
import { MLP } from './mlp';
import { Neuron } from './neuron';
import { rng } from './rng';

describe('MLP', () => {
  test('parameter counts: micrograd MLP(2, [16, 16, 1]) has 337', () => {
    expect(new MLP(2, [16, 16, 1]).parameters()).toHaveLength(337);
    // (nin + 1) * nout per layer
    expect(new MLP(3, [4, 4, 1]).parameterCount).toBe(4 * 4 + 5 * 4 + 5 * 1);
    expect(new MLP(3, [4, 1], { bias: false }).parameterCount).toBe(3 * 4 + 4);
  });

  test('init: weights are the LCG uniform(-1, 1) draws layer by layer, neuron by neuron; biases 0', () => {
    const model = new MLP(2, [3, 2], { seed: 1337 });
    const r = rng(1337);
    const expected: number[] = [];
    for (const [nin, nout] of [
      [2, 3],
      [3, 2],
    ]) {
      for (let i = 0; i < nout; i++) {
        for (let j = 0; j < nin; j++) expected.push(r.uniform(-1, 1));
        expected.push(0);
      }
    }
    expect(model.parameters().map((p) => p.data)).toEqual(expected);
  });

  test('init is deterministic under a seed and changes with it', () => {
    const data = (seed: number) => new MLP(2, [4, 1], { seed }).parameters().map((p) => p.data);
    expect(data(11)).toEqual(data(11));
    expect(data(11)).not.toEqual(data(12));
  });

  test('forward matches a hand computation (ReLU hidden layer, linear output)', () => {
    const model = new MLP(2, [2, 1]);
    const [h0, h1] = model.layers[0].neurons;
    const out = model.layers[1].neurons[0];
    const x = [0.7, -1.3];
    const relu = (v: number) => (v > 0 ? v : 0);
    const pre = (n: Neuron, xs: number[]) => xs.reduce((acc, xj, j) => acc + n.w[j].data * xj, n.b!.data);
    const hidden = [relu(pre(h0, x)), relu(pre(h1, x))];
    const [y] = model.forward(x);
    expect(y.data).toBeCloseTo(pre(out, hidden), 14);
  });

  test('forward takes Values, and gradients flow to them', () => {
    const model = new MLP(2, [3, 1], { activation: 'tanh' });
    const x = [new Value(0.5), new Value(-0.25)];
    const [y] = model.forward(x);
    y.backward();
    const h = 1e-6;
    const f = (a: number, b: number) => model.forward([a, b])[0].data;
    expect(x[0].grad).toBeCloseTo((f(0.5 + h, -0.25) - f(0.5 - h, -0.25)) / (2 * h), 7);
    expect(x[1].grad).toBeCloseTo((f(0.5, -0.25 + h) - f(0.5, -0.25 - h)) / (2 * h), 7);
  });

  test('per-layer activations; last layer linear by default', () => {
    expect(new MLP(2, [2, 1]).layers.map((l) => l.activation)).toEqual(['relu', 'linear']);
    expect(
      new MLP(2, [2, 2, 1], { activation: 'tanh', outputActivation: 'sigmoid' }).layers.map((l) => l.activation),
    ).toEqual(['tanh', 'tanh', 'sigmoid']);
    const model = new MLP(1, [1, 1], { activations: ['sigmoid', 'tanh'] });
    expect(model.layers.map((l) => l.activation)).toEqual(['sigmoid', 'tanh']);
    expect(model.forward([2])[0].op).toBe('tanh');
  });

  test('toString as micrograd prints it', () => {
    expect(String(new MLP(2, [2, 1]))).toBe(
      'MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(2)]]',
    );
    expect(String(new Layer(3, 1, { activation: 'tanh' }))).toBe('Layer of [TanhNeuron(3)]');
    expect(String(new Neuron(4, { activation: 'sigmoid' }))).toBe('SigmoidNeuron(4)');
  });

  test('zeroGrad clears every parameter gradient', () => {
    const model = new MLP(2, [4, 1]);
    model.forward([1, 2])[0].backward();
    expect(model.parameters().some((p) => p.grad !== 0)).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === 0)).toBe(true);
  });

  test('bad arguments give errors naming the field', () => {
    expect(() => new MLP(0, [1])).toThrow(/@chainrule\/nn\/MLP: nin must be an integer from 1/);
    expect(() => new MLP(2, [])).toThrow(/nouts must be a non-empty array/);
    expect(() => new MLP(2, [3, 0])).toThrow(/nouts\[1\] must be an integer/);
    expect(() => new MLP(2, [3, 1], { activations: ['relu'] })).toThrow(
      /options\.activations must list one activation per layer \(2\)/,
    );
    expect(() => new MLP(2, [3, 1], { activation: 'gelu' as 'relu' })).toThrow(
      /options\.activation must be one of 'relu', 'tanh', 'sigmoid', 'linear', got the string "gelu"/,
    );
    expect(() => new MLP(2, [1]).forward([1])).toThrow(/MLP\.forward: input has 1 entries but the model takes 2/);
    expect(() => new MLP(2, [1]).forward([1, '2' as unknown as number])).toThrow(
      /input\[1\] must be a number or a Value/,
    );
  });
});

describe('Neuron', () => {
  test('graph: one dot node over each weight and its input, then the bias; a shared constant per input', () => {
    const n = new Neuron(3, { activation: 'linear' });
    const out = n.forward([1, 2, 3]);
    expect(out.op).toBe('dot');
    expect(out.inputs).toHaveLength(7);
    expect(out.inputs.filter((_, i) => i % 2 === 0 && i < 6)).toEqual(n.w);
    expect(out.inputs.filter((_, i) => i % 2 === 1).map((v) => [v.isConstant, v.data])).toEqual([
      [true, 1],
      [true, 2],
      [true, 3],
    ]);
    expect(out.inputs[6]).toBe(n.b);
    const layer = new Layer(2, 4, { activation: 'linear' });
    const outs = layer.forward([0.5, -1]);
    expect(new Set(outs.map((o) => o.inputs[1])).size).toBe(1);
  });

  test('without bias the dot node has no last input', () => {
    const n = new Neuron(2, { activation: 'linear', bias: false });
    const out = n.forward([1, 2]);
    expect(out.op).toBe('dot');
    expect(out.inputs).toHaveLength(4);
    expect(out.data).toBe(n.w[0].data * 1 + n.w[1].data * 2);
  });

  test("the weighted sum equals micrograd's left fold bit for bit", () => {
    const n = new Neuron(5, { activation: 'linear', seed: 99 });
    n.b!.data = 0.123456789;
    const x = [0.1, -0.7, 3.3, 1e-3, -2.2];
    let act = n.b!.data;
    for (let j = 0; j < 5; j++) act = act + n.w[j].data * x[j];
    expect(n.forward(x).data).toBe(act);
  });

  test('without bias and with one input the output is the product itself', () => {
    const n = new Neuron(1, { activation: 'linear', bias: false });
    expect(n.forward([2]).op).toBe('mul');
    expect(n.parameters()).toHaveLength(1);
  });
});
