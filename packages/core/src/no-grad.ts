/**
 * noGrad(fn): runs fn with graph recording off, as PyTorch's `torch.no_grad()`: every op inside
 * returns a constant holding its number instead of a node with inputs, for evaluation and for
 * optimizer updates.
 */
import { describe, usageError } from './errors';
import { _setRecording } from './value';

/**
 * Runs `fn` with graph recording off and returns what it returns; ops inside give constants (no
 * inputs, no gradient), and the previous mode comes back afterwards, also when `fn` throws.
 * @example
 * const w = new Value(0.8, 'w');
 * const y = noGrad(() => w.mul(1.5)); // y.data = 1.2, y.isConstant = true: nothing to backpropagate
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw usageError('noGrad', `expected a function to run without a graph, got ${describe(fn)}.`);
  }
  const previous = _setRecording(false);
  try {
    return fn();
  } finally {
    _setRecording(previous);
  }
}
