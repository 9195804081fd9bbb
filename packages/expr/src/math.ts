/**
 * The mathjs instance @chainrule/expr uses for parse, derivative and simplify: mathjs's number-only
 * build (plain JavaScript numbers, no matrices, big numbers or units), with only the functions
 * these need plus the arithmetic and the functions simplify may fold when constants meet, created
 * once on first use. Importing just these factories lets the command line's bundle leave the rest
 * of mathjs out and start quickly. Nothing here evaluates a string.
 */
import {
  absDependencies,
  addDependencies,
  cosDependencies,
  create,
  derivativeDependencies,
  divideDependencies,
  expDependencies,
  logDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  sechDependencies,
  simplifyDependencies,
  sinDependencies,
  sqrtDependencies,
  subtractDependencies,
  tanhDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
} from 'mathjs/number';
import type { MathJsInstance } from 'mathjs';

let instance: MathJsInstance | undefined;

/** The shared mathjs instance. */
export function math(): MathJsInstance {
  instance ??= create({
    parseDependencies,
    derivativeDependencies,
    simplifyDependencies,
    addDependencies,
    subtractDependencies,
    multiplyDependencies,
    divideDependencies,
    powDependencies,
    unaryMinusDependencies,
    unaryPlusDependencies,
    expDependencies,
    logDependencies,
    sinDependencies,
    cosDependencies,
    tanhDependencies,
    sechDependencies,
    sqrtDependencies,
    absDependencies,
  }) as MathJsInstance;
  return instance;
}
