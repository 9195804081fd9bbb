/**
 * Forward mode: a Jacobian-vector product carried through the graph in topological order, each
 * node's tangent the sum of its local gradients (from the op table) times its inputs' tangents.
 */
import { usageError } from './errors';
import { callOnLeaves, checkNumbers } from './leaves';
import { localGradients } from './local-gradients';
import { topoSort } from './topo-sort';
import type { Value } from './value';

/**
 * The value of `f` at `primals` and its directional derivative along `tangents`.
 * @example
 * jvp((x, y) => x.mul(y), [3, 4], [1, 0]); // { value: 12, tangent: 4 }
 */
export function jvp(
  f: (...xs: Value[]) => Value,
  primals: readonly number[],
  tangents: readonly number[],
): { value: number; tangent: number } {
  checkNumbers('jvp', 'primals', primals);
  checkNumbers('jvp', 'tangents', tangents);
  if (primals.length !== tangents.length) {
    throw usageError(
      'jvp',
      `primals and tangents must have the same length, got ${primals.length} and ${tangents.length}.`,
    );
  }
  const { leaves, out } = callOnLeaves('jvp', f, primals);
  const tangent = new Map<Value, number>();
  leaves.forEach((leaf, i) => tangent.set(leaf, tangents[i]));
  for (const node of topoSort(out)) {
    if (node.isLeaf) continue;
    const local = localGradients(node);
    const inputs = node.inputs;
    let t = 0;
    for (let i = 0; i < inputs.length; i++) {
      // Constants carry no tangent; a zero tangent still counts (0 × ∞ = NaN, as in reverse mode).
      const ti = tangent.get(inputs[i]);
      if (ti !== undefined) t += local[i] * ti;
    }
    tangent.set(node, t);
  }
  return { value: out.data, tangent: tangent.get(out) ?? 0 };
}
