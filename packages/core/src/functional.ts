/**
 * JAX-style function transforms over Value functions: `grad`, `valueAndGrad` and `hessian` turn
 * `f(...Value) => Value` into functions of plain numbers.
 */
import { gradients } from './gradients';
import { callOnLeaves, checkNumbers } from './leaves';
import type { Value } from './value';

type ValueFn = (...xs: Value[]) => Value;

/**
 * `f`'s value and gradient at plain numbers.
 * @example
 * valueAndGrad((x, y) => x.mul(y))(3, 4); // { value: 12, grads: [4, 3] }
 */
export function valueAndGrad(f: ValueFn): (...xs: number[]) => { value: number; grads: number[] } {
  return (...xs) => {
    checkNumbers('valueAndGrad', 'the arguments', xs);
    const { leaves, out } = callOnLeaves('valueAndGrad', f, xs);
    return { value: out.data, grads: gradients(out, leaves).map((g) => g.data) };
  };
}

/**
 * `f`'s gradient at plain numbers.
 * @example
 * grad((w) => w.mul(1.5).sub(0.5).square())(0.8); // [2.1]
 */
export function grad(f: ValueFn): (...xs: number[]) => number[] {
  const both = valueAndGrad(f);
  // eslint-disable-next-line no-restricted-syntax -- xs are this call's own arguments, already on the stack
  return (...xs) => both(...xs).grads;
}

/**
 * `f`'s matrix of second derivatives at plain numbers, by reverse-over-reverse differentiation.
 * @example
 * hessian((x, y) => x.mul(x).mul(y))(2, 3); // [[6, 4], [4, 0]]
 */
export function hessian(f: ValueFn): (...xs: number[]) => number[][] {
  return (...xs) => {
    checkNumbers('hessian', 'the arguments', xs);
    const { leaves, out } = callOnLeaves('hessian', f, xs);
    const first = gradients(out, leaves, { createGraph: true });
    return first.map((g) => gradients(g, leaves).map((h) => h.data));
  };
}
