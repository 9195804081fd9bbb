/**
 * The chain rule, as `Value.backward()` computes it: order the nodes so that each comes before its
 * inputs, seed the output with 1, and for each node in that order add upstream × local gradient
 * into each of its inputs, reading the local gradients from the op table. Start here: every other
 * backward (fast/, tapes, gradients) gives the same doubles as this one.
 */
import { localGradients } from './local-gradients';
import { topoSort } from './topo-sort';
import type { Value } from './value';

/** What a caller may watch as the chain rule runs (backwardSteps records it). */
export interface ChainRuleObserver {
  /** Called as `node` is processed: its gradient is complete, `local` are ∂node/∂input_i. */
  node?(node: Value, upstream: number, local: readonly number[]): void;
  /** Called after `input` (argument `index` of `node`) received `contribution`, its gradient now `grad`. */
  edge?(node: Value, index: number, input: Value, contribution: number, grad: number): void;
}

/**
 * d root / d node for every node under `root` (constants stay 0), computed by the chain rule in
 * the order backward() uses: the newest node first (an op's inputs are older than it).
 * @example
 * const i = new Value(1.5, 'i'), w = new Value(0.8, 'w');
 * chainRule(i.mul(w).sub(0.5).pow(2)).get(w); // 2.1000000000000005
 */
export function chainRule(root: Value, observer: ChainRuleObserver = {}): Map<Value, number> {
  const order = topoSort(root).reverse(); // the root first, every node before its inputs
  const grad = new Map<Value, number>();
  for (const v of order) grad.set(v, 0);
  grad.set(root, 1);
  for (const node of order) {
    if (node.isLeaf) continue;
    const upstream = grad.get(node)!;
    const local = localGradients(node);
    observer.node?.(node, upstream, local);
    node.inputs.forEach((input, i) => {
      // A constant receives nothing: it is a number, not a variable.
      const contribution = input.isConstant ? 0 : upstream * local[i];
      if (!input.isConstant) grad.set(input, grad.get(input)! + contribution);
      observer.edge?.(node, i, input, contribution, grad.get(input)!);
    });
  }
  return grad;
}
