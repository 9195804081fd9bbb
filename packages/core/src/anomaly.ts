/**
 * Anomaly mode: while it is on, the first node whose forward value or gradient becomes NaN or ±Inf
 * raises an AnomalyError naming that node (id, op, label) and its inputs' values. While it is off,
 * arithmetic follows IEEE semantics, as in PyTorch.
 */
import { describe, usageError } from './errors';
import type { Value } from './value';

/** The switch the engine reads on its hot paths. */
export const anomalyState = { enabled: false };

/**
 * Raised in anomaly mode; `node` is the Value where the non-finite number appeared.
 *
 * @example
 * ```ts
 * const previous = setAnomalyMode(true);
 * try {
 *   new Value(-1).log().backward();
 * } catch (e) {
 *   console.log(e instanceof AnomalyError, (e as AnomalyError).node.op); // true log
 * }
 * setAnomalyMode(previous);
 * ```
 */
export class AnomalyError extends Error {
  constructor(
    message: string,
    readonly node: Value,
  ) {
    super(message);
    this.name = 'AnomalyError';
  }
}

/**
 * Turns anomaly mode on or off for everything that follows; returns the previous setting (off
 * by default). In anomaly mode every forward value and gradient is checked, and the first NaN or
 * infinity throws an {@link AnomalyError} naming the node. `detectAnomaly(fn)` scopes it to one call.
 *
 * @example
 * ```ts
 * const previous = setAnomalyMode(true);
 * try {
 *   new Value(-1).log().backward();
 * } catch (e) {
 *   console.log((e as Error).message);
 *   // prints "@chainrule/core: anomaly: forward value of #2 log is NaN (inputs: #1 leaf = -1). Check the inputs ..."
 * }
 * setAnomalyMode(previous);
 * ```
 */
export function setAnomalyMode(enabled: boolean): boolean {
  if (typeof enabled !== 'boolean') {
    throw usageError('setAnomalyMode', `expected true or false, got ${describe(enabled)}.`);
  }
  const previous = anomalyState.enabled;
  anomalyState.enabled = enabled;
  return previous;
}

/**
 * Runs `fn` with anomaly mode on (like PyTorch's `detect_anomaly`), restoring the previous
 * setting afterwards, and returns what `fn` returns.
 * @example
 * detectAnomaly(() => new Value(-1, 'x').log()); // throws AnomalyError: forward value of #2 log is NaN ...
 */
export function detectAnomaly<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw usageError('detectAnomaly', `expected a function to run in anomaly mode, got ${describe(fn)}.`);
  }
  const previous = setAnomalyMode(true);
  try {
    return fn();
  } finally {
    setAnomalyMode(previous);
  }
}

/**
 * `#12 mul "a"`: how errors and reports name a node (id, op, label when it has one).
 *
 * @example
 * ```ts
 * const p = new Value(2, 'a').mul(3);
 * p.label = 'p';
 * console.log(nodeName(p)); // #2 mul "p" (ids count Values created so far)
 * ```
 */
export function nodeName(v: Value): string {
  // A duck check: value.ts imports this file, so Value is not available here at run time.
  if (typeof v !== 'object' || v === null || typeof v.id !== 'number') {
    throw usageError('nodeName', `expected a Value, got ${describe(v)}.`);
  }
  const op = v.op === '' ? 'leaf' : v.op;
  return `#${v.id} ${op}${v.label ? ` "${v.label}"` : ''}`;
}

function kind(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? '+Inf' : '-Inf';
}

/** Called on every new op node while anomaly mode is on. */
export function checkForward(v: Value): void {
  if (Number.isFinite(v.data)) return;
  const inputs = v.inputs.map((x) => `${nodeName(x)} = ${x.data}`).join(', ');
  throw new AnomalyError(
    `@chainrule/core: anomaly: forward value of ${nodeName(v)} is ${kind(v.data)} (inputs: ${inputs}). ` +
      'Check the inputs against the domain of the op (log and sqrt need positive arguments, division a non-zero divisor).',
    v,
  );
}

/** Called in backward when a contribution to input `index` of `node` is not finite. */
export function reportBackward(node: Value, index: number, contribution: number): never {
  const inputs = node.inputs;
  const values = inputs.map((x) => `${nodeName(x)} = ${x.data}`).join(', ');
  throw new AnomalyError(
    `@chainrule/core: anomaly: gradient flowing from ${nodeName(node)} into its input ${index} ` +
      `(${nodeName(inputs[index])}) is ${kind(contribution)}; upstream grad ${node.grad}, ` +
      `inputs: ${values}. The local derivative of ${node.op} is not finite here: move the input away from the singular point.`,
    node,
  );
}

/** Called when a leaf created in anomaly mode is not finite. */
export function reportLeaf(v: Value): never {
  throw new AnomalyError(`@chainrule/core: anomaly: leaf ${nodeName(v)} was created with value ${v.data}.`, v);
}
