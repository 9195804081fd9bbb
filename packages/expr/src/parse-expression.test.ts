// parseExpression against closed forms: precedence, associativity, unary minus, every function's
// value and gradient, assignments naming nodes, and the article's perceptron numbers.
import { Value } from '@chainrule/core';
import { parseExpression } from './parse-expression';

function valueAt(src: string, values: Record<string, number> = {}): number {
  return parseExpression(src, values).output.data;
}

function gradAt(src: string, name: string, values: Record<string, number>): number {
  const { output, variables } = parseExpression(src, values);
  output.backward();
  return variables[name].grad;
}

describe('parseExpression: operators', () => {
  it('gives * and / precedence over + and -', () => {
    expect(valueAt('2 + 3 * 4 - 10 / 5')).toBe(12);
  });
  it('makes ^ right-associative and tighter than unary minus', () => {
    expect(valueAt('2^3^2')).toBe(512);
    expect(valueAt('-2^2')).toBe(-4);
    expect(valueAt('(-2)^2')).toBe(4);
  });
  it('reads unary minus and plus, also in exponents', () => {
    expect(valueAt('2^-1')).toBe(0.5);
    expect(valueAt('--3 + +2')).toBe(5);
    expect(valueAt('x - -y', { x: 1, y: 2 })).toBe(3);
  });
  it('reads implicit multiplication and number forms', () => {
    expect(valueAt('2x', { x: 4 })).toBe(8);
    expect(valueAt('1.5e2 + .5 + 0x10')).toBe(166.5);
  });
  it('knows pi and e', () => {
    expect(valueAt('pi')).toBe(Math.PI);
    expect(valueAt('e^2')).toBeCloseTo(Math.E ** 2, 14);
  });
  it('differentiates a product with a repeated variable (x*x has two edges)', () => {
    expect(gradAt('x*x*y', 'x', { x: 3, y: 2 })).toBe(12);
    expect(gradAt('x/y', 'y', { x: 3, y: 2 })).toBeCloseTo(-0.75, 14);
    expect(gradAt('x^y', 'y', { x: 3, y: 2 })).toBeCloseTo(9 * Math.log(3), 12);
  });
});

describe('parseExpression: every function, value and gradient vs closed forms', () => {
  const x = 0.7;
  const sig = 1 / (1 + Math.exp(-x));
  const cases: [string, number, number][] = [
    ['exp', Math.exp(x), Math.exp(x)],
    ['log', Math.log(x), 1 / x],
    ['tanh', Math.tanh(x), 1 - Math.tanh(x) ** 2],
    ['sigmoid', sig, sig * (1 - sig)],
    ['relu', x, 1],
    ['sin', Math.sin(x), Math.cos(x)],
    ['cos', Math.cos(x), -Math.sin(x)],
    ['sqrt', Math.sqrt(x), 0.5 / Math.sqrt(x)],
    ['abs', x, 1],
    ['square', x * x, 2 * x],
  ];
  it.each(cases)('%s', (fn, value, derivative) => {
    expect(valueAt(`${fn}(x)`, { x })).toBeCloseTo(value, 14);
    expect(gradAt(`${fn}(x)`, 'x', { x })).toBeCloseTo(derivative, 14);
  });
  it('relu and abs below zero', () => {
    expect(valueAt('relu(x)', { x: -2 })).toBe(0);
    expect(gradAt('relu(x)', 'x', { x: -2 })).toBe(0);
    expect(gradAt('abs(x)', 'x', { x: -2 })).toBe(-1);
  });
  it('builds the op each function names', () => {
    expect(parseExpression('tanh(x)', { x: 1 }).output.op).toBe('tanh');
    expect(parseExpression('square(x)', { x: 1 }).output.op).toBe('square');
    expect(parseExpression('x^2', { x: 1 }).output.op).toBe('pow');
  });
});

describe('parseExpression: statements', () => {
  const article = { i: 1.5, y: 0.5, w: 0.8 };
  it("reproduces the article's first step: C = 0.49, dC/dw = 2.1", () => {
    const { output, variables, named } = parseExpression('a = i*w; C = (a - y)^2', article);
    output.backward();
    expect(output.data).toBeCloseTo(0.49, 14);
    expect(variables.w.grad).toBeCloseTo(2.1, 14);
    expect(output.label).toBe('C');
    expect(named.a.label).toBe('a');
    expect(named.a.op).toBe('mul');
    expect(output.inputs[0].inputs[0]).toBe(named.a);
    expect(Object.keys(variables)).toEqual(['i', 'w', 'y']);
    expect(variables.w.label).toBe('w');
  });
  it('separates statements by newlines and ignores comments', () => {
    const src = '# the perceptron\na = i*w\nC = (a - y)^2  # the cost\n';
    expect(valueAt(src, article)).toBeCloseTo(0.49, 14);
  });
  it('makes a name assigned a number an input leaf', () => {
    const { output, variables } = parseExpression('w = 0.8; C = (1.5*w - 0.5)^2');
    output.backward();
    expect(variables.w.isLeaf).toBe(true);
    expect(variables.w.grad).toBeCloseTo(2.1, 14);
  });
  it('the output may itself be an assignment, or an alias of a leaf', () => {
    expect(parseExpression('a = x*2', { x: 1 }).output.label).toBe('a');
    const { output, variables } = parseExpression('a = x', { x: 1 });
    expect(output).toBe(variables.x);
    expect(output.label).toBe('x');
  });
  it('walks long chains without recursion', () => {
    const src = Array.from({ length: 20000 }, () => 'x').join('+');
    const { output, variables } = parseExpression(src, { x: 1 });
    output.backward();
    expect(output.data).toBe(20000);
    expect(variables.x.grad).toBe(20000);
  });
});

describe('parseExpression: Values as inputs', () => {
  it('uses a given Value as the variable node, so gradients reach it', () => {
    const w = new Value(0.8, 'weight');
    const { output, variables } = parseExpression('(1.5*w - 0.5)^2', { w });
    expect(variables.w).toBe(w);
    output.backward();
    expect(w.grad).toBeCloseTo(2.1, 14);
    expect(w.label).toBe('weight');
  });
});
