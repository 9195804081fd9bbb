/**
 * Test helper: the VizError a call throws. A call that throws anything else, or nothing, fails the
 * test with what it did instead.
 */
import { VizError } from '../viz-error';

export function vizErrorOf(call: () => unknown): VizError {
  let thrown: unknown;
  try {
    call();
  } catch (e) {
    thrown = e;
  }
  if (thrown instanceof VizError) return thrown;
  throw new Error(
    thrown === undefined ? 'expected a VizError, nothing was thrown' : `expected a VizError, got ${String(thrown)}`,
  );
}
