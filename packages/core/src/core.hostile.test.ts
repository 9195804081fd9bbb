/**
 * Hostile and broken input to every public function of @chainrule/core, as a table: each row is
 * a call and what it must do — throw a boundary error (where it comes from, what was wrong) or give
 * the documented IEEE result. Domain errors run with anomaly mode off (IEEE) and on (AnomalyError).
 */
import { AnomalyError, detectAnomaly, nodeName, setAnomalyMode } from './anomaly';
import { backwardSteps } from './backward-steps';
import { checkNodes } from './check-nodes';
import { compareDerivatives } from './compare-derivatives';
import { describeGraph } from './describe-graph';
import { grad, hessian, valueAndGrad } from './functional';
import { gradcheck } from './gradcheck';
import { gradients } from './gradients';
import { jvp } from './jvp';
import { localGradients, localGradientValues } from './local-gradients';
import { trace } from './fast/tape';
import { topoSort } from './topo-sort';
import { applyOp, constant, sum, toValue, Value } from './value';

/* eslint-disable @typescript-eslint/no-explicit-any -- the point is to pass what the types forbid */
const bad = (x: unknown): any => x;
const x = (): Value => new Value(0.5, 'x');
const square = (v: Value): Value => v.square();

/** [call, error message pattern]: each must throw a TypeError whose message matches. */
const usageErrors: [string, () => unknown, RegExp][] = [
  [
    'new Value of a string',
    () => new Value(bad('1')),
    /^@chainrule\/core\/Value: data must be a number, got the string "1"/,
  ],
  [
    'new Value of undefined',
    () => new Value(bad(undefined)),
    /^@chainrule\/core\/Value: data must be a number, got undefined/,
  ],
  ['new Value with a numeric label', () => new Value(1, bad(5)), /^@chainrule\/core\/Value: label must be a string/],
  [
    'Value.add of a string',
    () => x().add(bad('2')),
    /^@chainrule\/core\/Value\.add: expected a Value or a number, got the string "2"/,
  ],
  [
    'Value.mul of null',
    () => x().mul(bad(null)),
    /^@chainrule\/core\/Value\.mul: expected a Value or a number, got null/,
  ],
  [
    'Value.pow of an object',
    () => x().pow(bad({})),
    /^@chainrule\/core\/Value\.pow: expected a Value or a number, got an object/,
  ],
  [
    'Value.div of undefined',
    () => x().div(bad(undefined)),
    /^@chainrule\/core\/Value\.div: expected a Value or a number, got undefined/,
  ],
  [
    'Value.sub of a bigint',
    () => x().sub(bad(1n)),
    /^@chainrule\/core\/Value\.sub: expected a Value or a number, got the bigint 1n/,
  ],
  ['sum of a string', () => sum(bad('abc')), /^@chainrule\/core\/sum: expected an array/],
  ['sum with a string term', () => sum([x(), bad('a')]), /^@chainrule\/core\/sum: .*the string "a"/],
  ['toValue of a string', () => toValue(bad('x')), /^@chainrule\/core\/toValue: expected a Value or a number/],
  ['constant of a string', () => constant(bad('1')), /^@chainrule\/core\/.*must be a number, got the string "1"/],
  ['applyOp with a non-row', () => applyOp(bad({}), []), /^@chainrule\/core\/applyOp: .*non-empty string name/],
  [
    'applyOp with a wrong arity',
    () => applyOp(bad({ name: 'f', arity: 3 }), []),
    /^@chainrule\/core\/applyOp: .*arity/,
  ],
  [
    'gradients of a number',
    () => gradients(bad(1), []),
    /^@chainrule\/core\/gradients: output must be a Value, got the number 1/,
  ],
  [
    'gradients with inputs a string',
    () => gradients(x(), bad('x')),
    /^@chainrule\/core\/gradients: inputs must be an array of Values/,
  ],
  [
    'gradients with a number input',
    () => gradients(x(), bad([1])),
    /^@chainrule\/core\/gradients: inputs must be an array of Values, got an array of length 1/,
  ],
  ['grad of a non-function', () => grad(bad(5))(1), /^@chainrule\/core\/valueAndGrad: f must be a function/],
  [
    'grad at a string',
    () => grad(square)(bad('1')),
    /^@chainrule\/core\/valueAndGrad: the arguments\[0\] must be a number/,
  ],
  [
    'grad of f returning a number',
    () => grad(bad(() => 3))(1),
    /^@chainrule\/core\/valueAndGrad: f must return a Value, got the number 3/,
  ],
  [
    'valueAndGrad at null',
    () => valueAndGrad(square)(bad(null)),
    /^@chainrule\/core\/valueAndGrad: the arguments\[0\] must be a number, got null/,
  ],
  [
    'hessian at a string',
    () => hessian(square)(bad('a')),
    /^@chainrule\/core\/hessian: the arguments\[0\] must be a number/,
  ],
  [
    'jvp with lengths that differ',
    () => jvp(square, [1], [1, 2]),
    /^@chainrule\/core\/jvp: primals and tangents must have the same length/,
  ],
  [
    'jvp with string primals',
    () => jvp(square, bad(['a']), [1]),
    /^@chainrule\/core\/jvp: primals\[0\] must be a number/,
  ],
  [
    'jvp with tangents not an array',
    () => jvp(square, [1], bad(1)),
    /^@chainrule\/core\/jvp: tangents must be an array of numbers/,
  ],
  [
    'jvp with more inputs than a call can take',
    () => jvp((...ls) => sum(ls), new Array(70_000).fill(1), new Array(70_000).fill(1)),
    /^@chainrule\/core\/jvp: got 70000 inputs, more than the 65536 arguments/,
  ],
  ['topoSort of null', () => topoSort(bad(null)), /^@chainrule\/core\/topoSort: expected a Value, got null/],
  [
    'backwardSteps of an object',
    () => backwardSteps(bad({})),
    /^@chainrule\/core\/backwardSteps: expected a Value, got an object/,
  ],
  ['trace of a number', () => trace(bad(3)), /^@chainrule\/core\/trace: expected a Value, got the number 3/],
  ['describeGraph of a string', () => describeGraph(bad('x')), /^@chainrule\/core\/describeGraph: expected a Value/],
  ['checkNodes of a number', () => checkNodes(bad(1)), /^@chainrule\/core\/checkNodes: expected a Value/],
  [
    'checkNodes with maxNodes -1',
    () => checkNodes(x(), { maxNodes: -1 }),
    /^@chainrule\/core\/checkNodes: maxNodes must be a non-negative number/,
  ],
  [
    'checkNodes on a graph over maxNodes',
    () => checkNodes(x().exp().exp(), { maxNodes: 1 }),
    /^@chainrule\/core\/checkNodes: the graph has 3 nodes to check, more than maxNodes \(1\)/,
  ],
  [
    'localGradients of a number',
    () => localGradients(bad(1)),
    /^@chainrule\/core\/localGradients: expected a Value, got the number 1/,
  ],
  [
    'localGradientValues of null',
    () => localGradientValues(bad(null)),
    /^@chainrule\/core\/localGradientValues: expected a Value, got null/,
  ],
  [
    'gradcheck at a string',
    () => gradcheck(square, bad('x')),
    /^@chainrule\/core\/gradcheck: xs must be an array of numbers/,
  ],
  [
    'gradcheck with an option typo',
    () => gradcheck(square, [1], bad({ esp: 1e-3 })),
    /^@chainrule\/core\/gradcheck: unknown option "esp"; the options are: eps, atol, rtol\. Check its spelling/,
  ],
  [
    'compareDerivatives with an option typo',
    () => compareDerivatives(square, [1], [null], bad({ name: ['x'] })),
    /^@chainrule\/core\/compareDerivatives: unknown option "name"; the options are: eps, atol, rtol, names/,
  ],
  [
    'checkNodes with an option typo',
    () => checkNodes(x().square(), bad({ maxNode: 5 })),
    /^@chainrule\/core\/checkNodes: unknown option "maxNode"; the options are: eps, atol, rtol, maxNodes/,
  ],
  [
    'gradcheck with eps 0',
    () => gradcheck(square, [1], { eps: 0 }),
    /^@chainrule\/core\/gradcheck: eps must be a positive finite number, got the number 0/,
  ],
  [
    'gradcheck with eps NaN',
    () => gradcheck(square, [1], { eps: NaN }),
    /^@chainrule\/core\/gradcheck: eps must be a positive finite number, got the number NaN/,
  ],
  [
    'gradcheck with atol -1',
    () => gradcheck(square, [1], { atol: -1 }),
    /^@chainrule\/core\/gradcheck: atol must be a non-negative finite number/,
  ],
  [
    'gradcheck with options null',
    () => gradcheck(square, [1], bad(null)),
    /^@chainrule\/core\/gradcheck: options must be an object/,
  ],
  [
    'compareDerivatives with manual a string',
    () => compareDerivatives(square, [1], bad('x')),
    /^@chainrule\/core\/compareDerivatives: manual must be an array of functions/,
  ],
  [
    'compareDerivatives with too many manuals',
    () => compareDerivatives(square, [1], [() => 2, () => 0]),
    /^@chainrule\/core\/compareDerivatives: manual has 2 entries but f has 1 inputs/,
  ],
  [
    'compareDerivatives with a manual returning a string',
    () => compareDerivatives(square, [1], [bad(() => '2')]),
    /^@chainrule\/core\/compareDerivatives: manual\[0\] returned the string "2"/,
  ],
  [
    'detectAnomaly of a non-function',
    () => detectAnomaly(bad(5)),
    /^@chainrule\/core\/detectAnomaly: expected a function/,
  ],
  [
    'setAnomalyMode of a string',
    () => setAnomalyMode(bad('yes')),
    /^@chainrule\/core\/setAnomalyMode: expected true or false, got the string "yes"/,
  ],
  ['nodeName of a number', () => nodeName(bad(1)), /^@chainrule\/core\/nodeName: expected a Value, got the number 1/],
];

describe('non-number and wrong-type input: a TypeError that names the function and the fix', () => {
  it.each(usageErrors)('%s', (_name, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as Error).message).toMatch(message);
  });
});

/**
 * [case, build and differentiate, IEEE value, IEEE gradient of the leaf, the anomaly message].
 * Anomaly mode off: the documented IEEE results. On: an AnomalyError naming the node.
 */
const domainErrors: [string, () => { out: Value; leaf: Value }, number, number, RegExp][] = [
  ['log 0', () => leafThen(0, (v) => v.log()), -Infinity, Infinity, /forward value of #\d+ log is -Inf/],
  ['log -1', () => leafThen(-1, (v) => v.log()), NaN, -1, /forward value of #\d+ log is NaN/],
  ['sqrt -1', () => leafThen(-1, (v) => v.sqrt()), NaN, NaN, /forward value of #\d+ sqrt is NaN/],
  [
    'sqrt 0 (finite value, infinite gradient)',
    () => leafThen(0, (v) => v.sqrt()),
    0,
    Infinity,
    /gradient flowing from #\d+ sqrt into its input 0 .* is \+Inf/,
  ],
  ['0 ^ -1', () => leafThen(0, (v) => v.pow(-1)), Infinity, -Infinity, /forward value of #\d+ pow is \+Inf/],
  ['(-8) ^ (1/3)', () => leafThen(-8, (v) => v.pow(1 / 3)), NaN, NaN, /forward value of #\d+ pow is NaN/],
  [
    '1 / 0',
    () => leafThen(0, (v) => new Value(1, 'one').div(v)),
    Infinity,
    -Infinity,
    /forward value of #\d+ div is \+Inf/,
  ],
  ['NaN leaf', () => leafThen(NaN, (v) => v.mul(2)), NaN, 2, /leaf #\d+ leaf "t" was created with value NaN/],
  [
    '+Inf leaf times 0',
    () => leafThen(Infinity, (v) => v.mul(0)),
    NaN,
    0,
    /leaf #\d+ leaf "t" was created with value Infinity/,
  ],
  [
    '-Inf leaf through exp',
    () => leafThen(-Infinity, (v) => v.exp()),
    0,
    0,
    /leaf #\d+ leaf "t" was created with value -Infinity/,
  ],
  ['exp overflow', () => leafThen(1000, (v) => v.exp()), Infinity, Infinity, /forward value of #\d+ exp is \+Inf/],
];

function leafThen(data: number, f: (v: Value) => Value): { out: Value; leaf: Value } {
  const leaf = new Value(data, 't');
  const out = f(leaf);
  out.backward();
  return { out, leaf };
}

describe('domain errors', () => {
  it.each(domainErrors)('%s: IEEE result with anomaly mode off', (_name, run, value, gradient) => {
    const { out, leaf } = run();
    expect(out.data).toBe(value);
    expect(leaf.grad).toBe(gradient);
  });

  it.each(domainErrors)(
    '%s: AnomalyError naming the node with anomaly mode on',
    (_name, run, _value, _gradient, message) => {
      let thrown: unknown;
      try {
        detectAnomaly(run);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(AnomalyError);
      expect((thrown as Error).message).toMatch(message);
      expect(setAnomalyMode(false)).toBe(false); // detectAnomaly restored the setting
    },
  );
});

describe('NaN and infinite numbers through the functional API follow IEEE', () => {
  it.each([
    ['grad at NaN', () => grad(square)(NaN), [NaN]],
    ['valueAndGrad at +Inf', () => valueAndGrad(square)(Infinity), { value: Infinity, grads: [Infinity] }],
    ['jvp at NaN', () => jvp(square, [NaN], [1]), { value: NaN, tangent: NaN }],
    ['hessian at -Inf', () => hessian(square)(-Infinity), [[2]]],
  ] as [string, () => unknown, unknown][])('%s', (_name, call, expected) => {
    expect(call()).toEqual(expected);
  });

  it('gradcheck at NaN reports a failing row instead of throwing', () => {
    const result = gradcheck(square, [NaN]);
    expect(result.ok).toBe(false);
    expect(result.rows[0].analytic).toBeNaN();
  });
});
