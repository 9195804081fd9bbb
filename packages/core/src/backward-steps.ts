/**
 * backwardSteps: the backward pass written out as data, one step per op node in the order backward
 * processes them: the node's upstream gradient, and for each input its local gradient, the
 * contribution (upstream × local) and the running sum of that input's gradient (fan-out), as the
 * reference chain rule (chain-rule.ts) computes them. Nothing is mutated: `.grad` fields are left
 * as they were.
 */
import { describe, usageError } from './errors';
import { chainRule } from './chain-rule';
import { Value } from './value';

/** One edge of a backward step: what flows from the node into one of its inputs. */
export interface EdgeStep {
  /** The input receiving gradient along this edge. */
  input: Value;
  /** Argument position of the input (edge i = argument i). */
  index: number;
  /** ∂node/∂input. */
  local: number;
  /** upstream × local: what this edge adds to the input's gradient (0 for constants). */
  contribution: number;
  /** The input's gradient after this contribution: the running sum over its uses so far. */
  accumulated: number;
  /** How many contributions the input has received so far, this one included. */
  uses: number;
}

/** One node of the backward pass, in the order the pass processes them (output first). */
export interface BackwardStep {
  /** Position in the pass, from 0. */
  index: number;
  /** The node processed in this step. */
  node: Value;
  /** d output / d node: complete when the step runs. */
  upstream: number;
  edges: EdgeStep[];
}

/** The whole backward pass as data, as returned by `backwardSteps(root)`. */
export interface BackwardTrace {
  output: Value;
  steps: BackwardStep[];
  /** Final d output / d node for every node reached (leaves included, constants 0). */
  grads: Map<Value, number>;
}

/**
 * The chain rule written out for `root`.
 * @example
 * const steps = backwardSteps(c).steps;
 * steps[0].edges[0]; // { input: a, local: 2(a - y), contribution: ..., accumulated: ... }
 */
export function backwardSteps(root: Value): BackwardTrace {
  if (!(root instanceof Value)) throw usageError('backwardSteps', `expected a Value, got ${describe(root)}.`);
  const uses = new Map<Value, number>();
  const steps: BackwardStep[] = [];
  let local: readonly number[] = [];
  const grads = chainRule(root, {
    node: (node, upstream, nodeLocal) => {
      local = nodeLocal;
      steps.push({ index: steps.length, node, upstream, edges: [] });
    },
    edge: (_node, index, input, contribution, accumulated) => {
      const count = (uses.get(input) ?? 0) + 1;
      uses.set(input, count);
      steps[steps.length - 1].edges.push({ input, index, local: local[index], contribution, accumulated, uses: count });
    },
  });
  return { output: root, steps, grads };
}
