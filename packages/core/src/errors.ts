/**
 * Errors raised at the public boundary of @chainrule/core: each says where it comes from, what was
 * passed, and what is accepted.
 */

/**
 * What was passed, for an error message: its type and a short rendering (the one helper every
 * package uses, so no message ever reads "got a object").
 *
 * @example
 * ```ts
 * console.log(describe({}), '|', describe([1, 2]), '|', describe('x'.repeat(50)).length); // an object | an array of length 2 | 55
 * ```
 */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  switch (typeof x) {
    case 'number':
      return `the number ${x}`;
    case 'string':
      return `the string ${JSON.stringify(x.length > 40 ? x.slice(0, 40) + '…' : x)}`;
    case 'boolean':
      return `the boolean ${x}`;
    case 'bigint':
      return `the bigint ${x}n`;
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
  }
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  const name = className(x as object);
  if (name === null || name === 'Object') return 'an object';
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** The constructor's name, or null (null-prototype objects, proxies whose traps throw). */
function className(x: object): string | null {
  try {
    const name: unknown = Object.getPrototypeOf(x)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? name : null;
  } catch {
    return null;
  }
}

/** A TypeError whose message starts with `@chainrule/core/<where>: `. */
export function usageError(where: string, message: string): TypeError {
  return new TypeError(`@chainrule/core/${where}: ${message}`);
}
