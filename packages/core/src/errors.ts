/**
 * Errors raised at the public boundary of @chainrule/core: each says where it comes from, what was
 * passed, and what is accepted.
 */

/** Describes a value for an error message: its type and a short rendering. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'number') return `the number ${x}`;
  if (typeof x === 'string') return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)}`;
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'function') return 'a function';
  if (typeof x !== 'object') return `a ${typeof x}`;
  const name = (x as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}

/** A TypeError whose message starts with `@chainrule/core/<where>: `. */
export function usageError(where: string, message: string): TypeError {
  return new TypeError(`@chainrule/core/${where}: ${message}`);
}
