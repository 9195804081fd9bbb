/**
 * stepTrace: the backward pass of core's backwardSteps as plain data keyed like the graph model
 * (`v<id>`, `e<id>:<index>`), so it can be stored in a page, sent to a browser and replayed on a
 * graph without the Values that produced it.
 */
import { backwardSteps, type Value } from '@chainrule/core';
import { inputEdgeKey, valueKey } from './to-graph';

/** One edge of a step: gradient sent from the processed node to one of its inputs. */
export interface TraceEdge {
  /** Edge key `e<id>:<index>`. */
  edge: string;
  /** Key of the input receiving gradient, `v<inputId>`. */
  input: string;
  /** ∂node/∂input. */
  local: number;
  /** upstream × local (0 for constants). */
  contribution: number;
  /** The input's gradient after this contribution (running sum over its uses so far). */
  accumulated: number;
  /** How many contributions the input has received so far, this one included. */
  uses: number;
  /** True when the input is a constant (it receives no gradient). */
  constant: boolean;
}

/** One step: the node processed and the edges it sends gradient along. */
export interface TraceStep {
  /** Key of the processed Value, `v<id>`. */
  node: string;
  /** d output / d node, complete when the step runs. */
  upstream: number;
  edges: TraceEdge[];
}

/** The whole backward pass, serializable as JSON. */
export interface StepTrace {
  /** Key of the output, `v<id>` (its gradient is the seed, 1). */
  output: string;
  steps: TraceStep[];
  /** For every Value key that receives gradient: the number of uses it has in the graph. */
  totalUses: Record<string, number>;
}

/**
 * The backward pass of `root` as plain data.
 * @example
 * const trace = stepTrace(C);
 * trace.steps[0].node; // `v${C.id}`
 */
export function stepTrace(root: Value): StepTrace {
  const { steps } = backwardSteps(root);
  const totalUses: Record<string, number> = {};
  const traceSteps = steps.map((step): TraceStep => {
    const id = step.node.id;
    return {
      node: valueKey(id),
      upstream: step.upstream,
      edges: step.edges.map((e): TraceEdge => {
        const input = valueKey(e.input.id);
        totalUses[input] = e.uses;
        return {
          edge: inputEdgeKey(id, e.index),
          input,
          local: e.local,
          contribution: e.contribution,
          accumulated: e.accumulated,
          uses: e.uses,
          constant: e.input.isConstant,
        };
      }),
    };
  });
  return { output: valueKey(root.id), steps: traceSteps, totalUses };
}
