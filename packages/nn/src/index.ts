/**
 * @chainrule/nn: neurons, layers, MLPs, losses and optimizers on the chainrule engine, in
 * micrograd's vocabulary; seeded data and initialisation; models saved as JSON.
 */
export { rng, Rng } from './rng';
export { makeMoons, specMoons } from './moons';
export type { Dataset, MoonsOptions } from './moons';
export { ACTIVATIONS } from './activation';
export type { Activation } from './activation';
export type { InitOptions } from './init';
export { Module } from './module';
export type { ModelJSON } from './module';
export { Neuron } from './neuron';
export type { NeuronOptions } from './neuron';
export { Perceptron } from './perceptron';
export type { PerceptronOptions } from './perceptron';
export { Layer } from './layer';
export type { LayerOptions } from './layer';
export { MLP } from './mlp';
export type { MLPOptions } from './mlp';
export { mse } from './mse';
export { hinge } from './hinge';
export { binaryCrossEntropy } from './binary-cross-entropy';
export type { BinaryCrossEntropyOptions } from './binary-cross-entropy';
export { crossEntropy } from './cross-entropy';
export { l2Penalty } from './l2-penalty';
export { accuracy } from './accuracy';
export { Optimizer } from './optimizer';
export { SGD } from './sgd';
export type { SGDOptions } from './sgd';
export { Adam } from './adam';
export type { AdamOptions } from './adam';
export { saveModel, loadModel } from './save-load';
export type { LoadModelOptions } from './save-load';
