/**
 * The tolerances shared by the checking tools (gradcheck, compareDerivatives, checkNodes):
 * PyTorch's float64 defaults, validated at the public boundary.
 */
import { describe, usageError } from './errors';

/** Tolerances of the numeric checks: a row agrees when |a − b| <= atol + rtol·|b|. */
export interface Tolerances {
  /** Step of the central differences. Default 1e-6. */
  eps?: number;
  /** Absolute tolerance. Default 1e-5. */
  atol?: number;
  /** Relative tolerance (of the numeric derivative). Default 1e-3. */
  rtol?: number;
}

/**
 * The one set of defaults every check reads (the API, the command line and the demo): PyTorch's
 * gradcheck for float64.
 *
 * @example
 * ```ts
 * console.log(DEFAULT_TOLERANCES); // { eps: 0.000001, atol: 0.00001, rtol: 0.001 }
 * ```
 */
export const DEFAULT_TOLERANCES = Object.freeze({ eps: 1e-6, atol: 1e-5, rtol: 1e-3 } as const);

/**
 * The tolerances with defaults filled in; each must be a positive finite number (atol, rtol may be
 * 0). A key that is neither a tolerance nor one of the caller's `also` is refused (a typo such as
 * `esp` would otherwise leave the default in place without a word).
 */
export function resolveTolerances(
  where: string,
  options: Tolerances = {},
  also: readonly string[] = [],
): Required<Tolerances> {
  if (typeof options !== 'object' || options === null) {
    throw usageError(
      where,
      `options must be an object like { eps: 1e-6, atol: 1e-5, rtol: 1e-3 }, got ${describe(options)}.`,
    );
  }
  const known = ['eps', 'atol', 'rtol', ...also];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw usageError(where, `unknown option "${key}"; the options are: ${known.join(', ')}. Check its spelling.`);
    }
  }
  const resolved = { ...DEFAULT_TOLERANCES, ...options };
  for (const key of ['eps', 'atol', 'rtol'] as const) {
    const x = resolved[key];
    const bad = typeof x !== 'number' || !Number.isFinite(x) || x < 0 || (key === 'eps' && x === 0);
    if (bad) {
      throw usageError(
        where,
        `${key} must be a ${key === 'eps' ? 'positive' : 'non-negative'} finite number, got ${describe(x)}; the default is ${DEFAULT_TOLERANCES[key]}.`,
      );
    }
  }
  return resolved;
}
