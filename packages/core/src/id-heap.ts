/**
 * A binary max-heap of Values keyed by id. Values are created after their inputs, so popping the
 * largest id first visits every node after all nodes that consume it: the engine's walks use this
 * instead of recursion, and hold only the frontier of the graph, not the whole graph.
 */
import type { Value } from './value';

export class IdHeap {
  private readonly items: Value[] = [];

  /** Empties the heap (a pass interrupted by an error may have left nodes in it). */
  clear(): void {
    this.items.length = 0;
  }

  get size(): number {
    return this.items.length;
  }

  push(v: Value): void {
    const items = this.items;
    let i = items.length;
    items.push(v);
    const id = v.id;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].id >= id) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = v;
  }

  pop(): Value {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      const id = last.id;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && items[child + 1].id > items[child].id) child++;
        if (items[child].id <= id) break;
        items[i] = items[child];
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
