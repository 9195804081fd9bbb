/**
 * gradients(), grad, valueAndGrad, hessian and jvp: higher-order derivatives against closed forms
 * and finite differences, and forward mode against reverse mode on composite functions.
 */
import { grad, hessian, valueAndGrad } from './functional';
import { gradients } from './gradients';
import { jvp } from './jvp';
import { centralDifference } from './numeric';
import { Value } from './value';

test('d²/dx² x³ at 2 is 12 and d³/dx³ is 6', () => {
  const x = new Value(2, 'x');
  const y = x.pow(3);
  const [d1] = gradients(y, [x], { createGraph: true });
  const [d2] = gradients(d1, [x], { createGraph: true });
  const [d3] = gradients(d2, [x], { createGraph: true });
  const [d4] = gradients(d3, [x]);
  expect([d1.data, d2.data, d3.data, d4.data]).toEqual([12, 12, 6, 0]);
  expect(x.grad).toBe(0);
});

test('higher derivatives of x*x*x built from mul (fan-out) match the closed form', () => {
  const x = new Value(2, 'x');
  const [d1] = gradients(x.mul(x).mul(x), [x], { createGraph: true });
  const [d2] = gradients(d1, [x], { createGraph: true });
  expect([d1.data, d2.data, gradients(d2, [x])[0].data]).toEqual([12, 12, 6]);
});

describe('hessian', () => {
  const f = (x: Value, y: Value, z: Value) => x.mul(y).sin().add(y.mul(z).exp()).add(x.div(z)).add(x.pow(y));
  const point = [0.7, 1.3, 0.4];
  const gradAt = (i: number) => (xs: number[]) => grad(f)(...xs)[i];

  test('every entry, cross terms included, agrees with differences of the gradient', () => {
    const H = hessian(f)(...point);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        expect(H[i][j]).toBeCloseTo(centralDifference(gradAt(i), point, j, 1e-5), 6);
      }
    }
    expect(H[0][1]).toBeCloseTo(H[1][0], 12);
    expect(H[1][2]).toBeCloseTo(H[2][1], 12);
  });

  test('a closed form: x²y has Hessian [[2y, 2x], [2x, 0]]', () => {
    expect(hessian((x, y) => x.mul(x).mul(y))(2, 3)).toEqual([
      [6, 4],
      [4, 0],
    ]);
  });
});

test('valueAndGrad and grad on the article', () => {
  const loss = (w: Value) => w.mul(1.5).sub(0.5).pow(2);
  const { value, grads } = valueAndGrad(loss)(0.8);
  expect(value).toBeCloseTo(0.49, 14);
  expect(grads[0]).toBeCloseTo(2.1, 14);
  expect(grad(loss)(0.8)[0]).toBe(grads[0]);
});

test('an input the output does not depend on gets 0', () => {
  const x = new Value(1);
  const unused = new Value(5);
  expect(gradients(x.exp(), [unused])[0].data).toBe(0);
  expect(gradients(x.exp(), [unused], { createGraph: true })[0].data).toBe(0);
});

test('jvp agrees with reverse mode on a composite function in random directions', () => {
  const f = (a: Value, b: Value, c: Value) =>
    a.mul(b).tanh().add(b.sigmoid().mul(c)).sub(a.square().log()).div(c.add(3));
  const at = [0.3, -1.2, 0.8];
  const reverse = grad(f)(...at);
  for (const t of [
    [1, 0, 0],
    [0.5, -2, 1],
    [0, 0, 3],
  ]) {
    const expected = reverse.reduce((acc, g, i) => acc + g * t[i], 0);
    expect(jvp(f, at, t).tangent).toBeCloseTo(expected, 12);
  }
});

test('bad input to the functional API names what was passed', () => {
  expect(() => gradients(3 as never, [])).toThrow(
    '@chainrule/core/gradients: output must be a Value, got the number 3',
  );
  expect(() => grad((x: Value) => x)('1' as never)).toThrow(
    'valueAndGrad: the arguments[0] must be a number, got the string "1"',
  );
  expect(() => jvp((x) => x, [1], [1, 2])).toThrow('primals and tangents must have the same length');
  expect(() => grad((() => 3) as never)(1)).toThrow('f must return a Value, got the number 3');
});
