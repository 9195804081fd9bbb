/**
 * Replay helpers shared by the tape tests: trace with `new Function` forbidden (the generic loops,
 * as under a CSP without 'unsafe-eval'), and one replay of a tape at a point.
 */
import { _setFunctionMaker } from '../fast/tape-compile';
import { trace, type Tape } from '../fast/tape';
import type { Value } from '../value';

/** Traces with `new Function` forbidden, as under a CSP without 'unsafe-eval'. */
export function traceWithoutEval(root: Value): Tape {
  _setFunctionMaker(() => {
    throw new EvalError('Refused to evaluate a string as JavaScript');
  });
  try {
    return trace(root);
  } finally {
    _setFunctionMaker();
  }
}

/** Replays `tape` at `point` (leaves' data set, gradients zeroed) and returns its values, gradients and leaf gradients. */
export function replay(tape: Tape, point: number[]): { values: number[]; grads: number[]; leafGrads: number[] } {
  tape.leaves.forEach((leaf, i) => {
    leaf.data = point[i];
    leaf.grad = 0;
  });
  tape.forward();
  tape.backward();
  return { values: Array.from(tape.values), grads: Array.from(tape.grads), leafGrads: tape.leaves.map((l) => l.grad) };
}
