/**
 * describeStep: the "this step" text of the explorer page for one position of the backward pass:
 * which node passes which gradient to which inputs (upstream × local = contribution, with the
 * running sum at fan-out), the seed at the start and "done" at the end.
 */
import type { StepTrace } from '../step-trace';
import { formatNumber } from './format-number';

export interface StepDescription {
  /** Sentences about the step. */
  lines: string[];
  /** One line per edge the step sends gradient along. */
  sends: string[];
  /** True at the last position of a non-empty pass. */
  done: boolean;
}

/**
 * What happens at `position` (0 = start, k = step k) of `trace`; `names` from nodeNames.
 * @example
 * describeStep(trace, names, 3).sends; // ['• i: 1.4 × 0.8 = 1.12', '• w: 1.4 × 1.5 = 2.1']
 */
export function describeStep(trace: StepTrace, names: Map<string, string>, position: number): StepDescription {
  const count = trace.steps.length;
  const name = (key: string): string => names.get(key) ?? key;
  if (position === 0) {
    const root = name(trace.output);
    return {
      lines: [
        `Start: ∂${root}/∂${root} = 1, the seed. Gradients appear as backward computes them.`,
        count === 0
          ? 'The output is a leaf: there is nothing to step through.'
          : 'Press → or “next” to run the first step.',
      ],
      sends: [],
      done: false,
    };
  }
  const step = trace.steps[position - 1];
  const upstream = formatNumber(step.upstream);
  return {
    lines: [`Step ${position}: ${name(step.node)} passes its gradient ${upstream} back to its inputs:`],
    // Constants hidden from the graph (constants: false) have no name: leave them out.
    sends: step.edges
      .filter((edge) => !edge.constant || names.has(edge.input))
      .map((edge) =>
        edge.constant
          ? `• ${name(edge.input)}: a constant, receives nothing`
          : `• ${name(edge.input)}: ${upstream} × ${formatNumber(edge.local)} = ${formatNumber(edge.contribution)}` +
            (edge.uses > 1 ? ` (sum so far ${formatNumber(edge.accumulated)})` : ''),
      ),
    done: position === count,
  };
}
