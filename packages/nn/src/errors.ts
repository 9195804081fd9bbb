/**
 * Errors raised at the public boundary of @chainrule/nn: each starts with where it comes from
 * (`@chainrule/nn/<where>: `), says what was wrong and ends with the fix.
 */

/** Describes a value for an error message: its type and a short rendering. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'number') return `the number ${x}`;
  if (typeof x === 'boolean') return `the boolean ${x}`;
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)}`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'function') return 'a function';
  const name = (x as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : `a ${typeof x}`;
}

/** A TypeError whose message starts with `@chainrule/nn/<where>: `. */
export function nnError(where: string, message: string): TypeError {
  return new TypeError(`@chainrule/nn/${where}: ${message}`);
}

/** Throws unless `x` is an integer in [min, max]. */
export function checkInteger(
  where: string,
  name: string,
  x: unknown,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    throw nnError(where, `${name} must be an integer from ${min} to ${max}, got ${describeValue(x)}.`);
  }
  return x;
}

/** Throws unless `x` is a finite number. */
export function checkFinite(where: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw nnError(where, `${name} must be a finite number, got ${describeValue(x)}.`);
  }
  return x;
}
