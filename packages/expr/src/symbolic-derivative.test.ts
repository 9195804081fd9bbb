// symbolicDerivative against closed forms and against autograd: the formula it prints, evaluated
// at points, must match the known derivative and the gradient parseExpression's graph gives.
import { compareGradients } from '@chainrule/core';
import { evaluateFormula } from './evaluate-formula';
import { ExpressionError } from './expression-error';
import { parseExpression } from './parse-expression';
import { symbolicDerivative } from './symbolic-derivative';

function autograd(src: string, name: string, values: Record<string, number>): number {
  const { output, variables } = parseExpression(src, values);
  output.backward();
  return variables[name].grad;
}

describe('symbolicDerivative', () => {
  it("gives the article's dC/dw, inlining the assignment", () => {
    const formula = symbolicDerivative('a = i*w; C = (a - y)^2', 'w');
    expect(formula).toBe('2 * i * (i * w - y)');
    expect(evaluateFormula(formula, { i: 1.5, w: 0.8, y: 0.5 })).toBeCloseTo(2.1, 14);
  });

  it('writes the rules for relu, sigmoid, tanh and square in their own terms', () => {
    expect(symbolicDerivative('relu(x)^2', 'x')).toBe('2 * relu(x) * step(x)');
    expect(symbolicDerivative('sigmoid(x)', 'x')).toBe('sigmoid(x) * (1 - sigmoid(x))');
    expect(symbolicDerivative('tanh(x)', 'x')).toBe('1 - tanh(x) ^ 2');
    expect(symbolicDerivative('square(x)', 'x')).toBe('2 * x');
  });

  it('writes quotients as derived by hand: -x / y ^ 2, not -(x * 1 / y ^ 2)', () => {
    expect(symbolicDerivative('x/y', 'y')).toBe('-x / y ^ 2');
    expect(symbolicDerivative('1/x', 'x')).toBe('-1 / x ^ 2');
    expect(evaluateFormula(symbolicDerivative('x/y', 'y'), { x: 3, y: 2 })).toBeCloseTo(-0.75, 14);
  });

  const formulas: [string, Record<string, number>][] = [
    ['exp(x) * x^2', { x: 0.7 }],
    ['log(x) / y', { x: 0.7, y: 1.3 }],
    ['tanh(2*x + y)', { x: 0.7, y: -0.2 }],
    ['sigmoid(x*y)', { x: 0.7, y: 1.3 }],
    ['relu(x - y) * x', { x: 0.7, y: 0.2 }],
    ['relu(x - y) * x', { x: 0.1, y: 0.2 }],
    ['sin(x) * cos(y)', { x: 0.7, y: 1.3 }],
    ['sqrt(x) + abs(x - y)', { x: 0.7, y: 1.3 }],
    ['square(x - y)', { x: 0.7, y: 1.3 }],
    ['x^y', { x: 0.7, y: 1.3 }],
    ['e^x + pi*x', { x: 0.7 }],
    ['h = tanh(x*w + b); o = sigmoid(h*v); L = (o - t)^2', { x: 0.5, w: -1.2, b: 0.3, v: 2, t: 1 }],
    ['relu(relu(x) * y - 1)', { x: 1.7, y: 1.3 }],
  ];
  it.each(formulas)('d/dx of %s evaluates to the autograd gradient', (src, values) => {
    const at = Object.keys(values).includes('w') ? 'w' : 'x';
    const formula = symbolicDerivative(src, at);
    expect(evaluateFormula(formula, values)).toBeCloseTo(autograd(src, at, values), 10);
  });

  it('folds constants inside every function (each needs its mathjs function)', () => {
    const src =
      'exp(2) * log(3) * sin(1) * cos(1) * tanh(1) * sqrt(2) * abs(-1) * square(3) * relu(2) * sigmoid(0) * x^2 / 4 - 1';
    const formula = symbolicDerivative(src, 'x');
    expect(evaluateFormula(formula, { x: 0.7 })).toBeCloseTo(autograd(src, 'x', { x: 0.7 }), 10);
  });

  // mathjs's simplifyCore takes exponential time on long sums (24 terms: a minute); these must not hang.
  it('handles long sums (timeout as a hang guard)', () => {
    const sum = Array.from({ length: 300 }, (_, k) => `x${k}*x${k}`).join(' + ');
    expect(symbolicDerivative(sum, 'x7')).toBe('2 * x7');
    const square = '(' + Array.from({ length: 30 }, (_, k) => `x${k}`).join(' + ') + ')^2';
    const values = Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`x${k}`, k / 7]));
    expect(evaluateFormula(symbolicDerivative(square, 'x3'), values)).toBeCloseTo(autograd(square, 'x3', values), 10);
  }, 10_000);

  it('differentiates by a name assigned a number', () => {
    expect(symbolicDerivative('w = 0.8; C = (1.5*w - 0.5)^2', 'w')).toBe('3 * (1.5 * w - 0.5)');
  });

  it('differentiates by an intermediate: the formula downstream of it, in terms of it', () => {
    const article = 'a = i*w; C = (a - y)^2';
    const dCda = symbolicDerivative(article, 'a');
    expect(dCda).toBe('2 * (a - y)');
    expect(evaluateFormula(dCda, { a: 1.5 * 0.8, y: 0.5 })).toBeCloseTo(1.4, 14);
    expect(symbolicDerivative(article, 'C')).toBe('1');
    // a's own inputs used again downstream: only the paths through a count, as in backward.
    expect(symbolicDerivative('a = x*2; C = a*x', 'a')).toBe('x');
  });

  it("hand-derived formulas that use the intermediates' values, checked by compareGradients (the API path)", () => {
    const article = 'a = i*w; C = (a - y)^2';
    const { output } = parseExpression(article, { i: 1.5, w: 0.8, y: 0.5 });
    // compareGradients gives the functions every labelled node's value: inputs and intermediates.
    const by = (formula: string) => (v: Readonly<Record<string, number>>) => evaluateFormula(formula, v);
    const right = compareGradients(output, { w: by('2*(a - y)*i'), a: by('2*(a - y)') });
    expect(right.ok).toBe(true);
    expect(right.rows.map((r) => [r.name, Number(r.manual!.toPrecision(12))])).toEqual([
      ['a', 1.4],
      ['w', 2.1],
    ]);
    const wrong = compareGradients(output, { w: by('(a - y)*i'), a: by('a - y') });
    expect(wrong.firstWrong?.name).toBe('a');
    expect(evaluateFormula(symbolicDerivative(article, 'a'), right.values)).toBeCloseTo(1.4, 14);
  });

  it('an intermediate of a network: dL/dh matches the gradient backward leaves on h', () => {
    const src = 'h = tanh(x*w + b); o = sigmoid(h*v); L = (o - t)^2';
    const values = { x: 0.5, w: -1.2, b: 0.3, v: 2, t: 1 };
    const { output, named } = parseExpression(src, values);
    output.backward();
    const at = { ...values, h: named.h.data, o: named.o.data };
    expect(evaluateFormula(symbolicDerivative(src, 'h'), at)).toBeCloseTo(named.h.grad, 12);
    expect(evaluateFormula(symbolicDerivative(src, 'o'), at)).toBeCloseTo(named.o.grad, 12);
  });

  it('rejects a variable the formula does not have, and formulas too large to simplify', () => {
    expect(() => symbolicDerivative('x^2', 'y')).toThrow(/no such variable.*Its variables are: x/s);
    expect(() => symbolicDerivative('a = x^2; a + 1', 'b')).toThrow(/Its variables are: x; its named nodes: a/s);
    const blowUp = 'a1 = x*x; ' + Array.from({ length: 12 }, (_, k) => `a${k + 2} = a${k + 1}*a${k + 1}`).join('; ');
    const error = (() => {
      try {
        symbolicDerivative(blowUp, 'x');
      } catch (e) {
        return e as ExpressionError;
      }
    })();
    expect(error?.kind).toBe('too-large');
  });
});

describe('evaluateFormula', () => {
  it('reads step and sech and ignores values the formula does not use', () => {
    expect(evaluateFormula('step(x) + step(-x)', { x: 2, unused: 1 })).toBe(1);
    expect(evaluateFormula('sech(x)^2', { x: 0.5 })).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 14);
  });
});
