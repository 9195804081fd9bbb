/**
 * A binary max-heap of Values keyed by id. Values are created after their inputs, so popping the
 * largest id first visits every node after all nodes that consume it: the engine's walks use this
 * instead of recursion, and hold only the frontier of the graph, not the whole graph.
 */
import type { Value } from './value';

export class IdHeap {
  private readonly items: Value[] = [];
  /** The id of items[i], kept beside it so comparisons read a number, not a Value. */
  private readonly ids: number[] = [];

  /** Empties the heap (a pass interrupted by an error may have left nodes in it). */
  clear(): void {
    this.items.length = 0;
    this.ids.length = 0;
  }

  get size(): number {
    return this.items.length;
  }

  push(v: Value): void {
    const { items, ids } = this;
    let i = items.length;
    const id = v.id;
    items.push(v);
    ids.push(id);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (ids[parent] >= id) break;
      items[i] = items[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    items[i] = v;
    ids[i] = id;
  }

  pop(): Value {
    const { items, ids } = this;
    const top = items[0];
    const last = items.pop()!;
    const id = ids.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && ids[child + 1] > ids[child]) child++;
        if (ids[child] <= id) break;
        items[i] = items[child];
        ids[i] = ids[child];
        i = child;
      }
      items[i] = last;
      ids[i] = id;
    }
    return top;
  }
}
