/**
 * topoSort: the nodes under a root in topological order (every node after its inputs), computed
 * iteratively. Number operands appear as constant Values, as in `Value.inputs`.
 */
import { usageError, describe } from './errors';
import { Value } from './value';
import { sortById, walk } from './walk';

/**
 * Every Value under `root`, each after all of its inputs: leaves first, the root last.
 * @example
 * topoSort(a.mul(b).add(c)).map((v) => v.op); // ['', '', '', 'mul', 'add'] (leaves first)
 */
export function topoSort(root: Value): Value[] {
  if (!(root instanceof Value)) throw usageError('topoSort', `expected a Value, got ${describe(root)}.`);
  let leaves: Value[] = [];
  const ops: Value[] = [];
  walk(
    root,
    (v) => ops.push(v),
    (v) => leaves.push(v),
    true,
  );
  leaves = sortById(leaves);
  for (let i = ops.length - 1; i >= 0; i--) leaves.push(ops[i]);
  return leaves;
}
