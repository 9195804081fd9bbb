/**
 * The mathjs instance @chainrule/expr uses: only the parser, derivative and simplify (created once,
 * on first use). Importing just these factories lets a bundler drop the rest of mathjs, which keeps
 * the command line quick to start. Nothing here evaluates a string.
 */
import { create, derivativeDependencies, parseDependencies, simplifyDependencies } from 'mathjs';
import type { MathJsInstance } from 'mathjs';

let instance: MathJsInstance | undefined;

/** The shared mathjs instance (parse, derivative, simplify). */
export function math(): MathJsInstance {
  instance ??= create({ parseDependencies, derivativeDependencies, simplifyDependencies }) as MathJsInstance;
  return instance;
}
