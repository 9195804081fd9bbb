/**
 * The order of walk.ts, through topoSort: op nodes by creation order whether their ids sit close
 * together (placed by id) or far apart (sorted), and each leaf once however many ops read it.
 */
import { topoSort } from './topo-sort';
import { sum, Value } from './value';

/** Makes `n` nodes that no graph below uses, to spread the ids of the next ones apart. */
function unrelated(n: number): void {
  let v = new Value(0);
  for (let i = 0; i < n; i++) v = v.add(1);
}

test('ops close together come out inputs first, in creation order', () => {
  const x = new Value(2, 'x');
  const y = new Value(3, 'y');
  const a = x.mul(y);
  const b = a.tanh();
  const c = b.add(a);
  expect(topoSort(c)).toEqual([x, y, a, b, c]);
  topoSort(c).forEach((v, i, all) => i > 0 && expect(v.id).toBeGreaterThan(all[i - 1].id));
});

test('ops and leaves far apart in id come out in creation order too', () => {
  const x = new Value(2, 'x');
  unrelated(5000);
  const a = x.mul(x);
  unrelated(5000);
  const y = new Value(4, 'y');
  unrelated(5000);
  const b = a.add(y);
  const order = topoSort(b); // leaves first (by id), then the ops (by id)
  expect(order).toHaveLength(4);
  [x, y, a, b].forEach((v, i) => expect(order[i]).toBe(v));
});

test('a leaf read by many ops is listed once', () => {
  const x = new Value(1.5, 'x');
  const terms = Array.from({ length: 100 }, (_, i) => x.mul(i));
  const order = topoSort(sum(terms));
  expect(order.filter((v) => v === x)).toHaveLength(1);
  expect(order).toHaveLength(1 + 100 + 100 + 1); // x, the 100 number operands as constants, the products, the sum
});

test('a graph without leaves: an empty sum', () => {
  const empty = sum([]);
  expect(topoSort(empty)).toEqual([empty]);
});
