/**
 * The mathjs instance @chainrule/expr uses for parse, derivative and simplify: mathjs's number-only
 * build (plain JavaScript numbers, no matrices, big numbers or units), created once on first use.
 * Its functions have far fewer type signatures to compile than the full build's, which keeps the
 * command line quick to start. Nothing here evaluates a string.
 */
import { all, create } from 'mathjs/number';
import type { MathJsInstance } from 'mathjs';

let instance: MathJsInstance | undefined;

/** The shared mathjs instance. */
export function math(): MathJsInstance {
  instance ??= create(all) as MathJsInstance;
  return instance;
}
