/**
 * How the checks name a node for a reader: its label, a constant's number, else a short
 * expression of its inputs' names (`x − 1`, `relu(h)`); engine ids are never shown.
 */
import { formatNumber } from './format-comparison';
import type { OpRow } from './op-row';
import type { Value } from './value';

const INFIX = new Set(['add', 'sub', 'mul', 'div', 'pow']);

/** The node's name: label, number, or its op over its inputs' names (one level, then `…`). */
export function displayName(v: Value, depth = 1): string {
  if (v.label) return v.label;
  if (v.isLeaf) return v.isConstant ? formatNumber(v.data) : 'an unlabelled input';
  if (depth === 0) return '…';
  const row = v._row as OpRow;
  const args = v.inputs.map((x) => displayName(x, depth - 1));
  if (row.arity === 2 && INFIX.has(row.name)) return `${args[0]} ${row.symbol} ${args[1]}`;
  if (row.name === 'neg') return `−${args[0]}`;
  return `${row.name}(${args.join(', ')})`;
}
