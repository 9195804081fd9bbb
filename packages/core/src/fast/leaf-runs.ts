/**
 * Where a tape's leaves keep their numbers, and the copies between them and the tape. Leaves live
 * in node-store blocks (see value.ts), and leaves made one after another sit in consecutive slots
 * of one block: forward copies whole runs of them into the tape, backward adds whole runs of
 * gradients back, instead of going through each leaf's getter and setter.
 */
import type { Block } from './node-store';
import type { Value } from '../value';

/** Leaf runs at least this long are copied into a tape with `set` instead of a loop. */
const COPY_RUN = 64;

export class LeafRuns {
  /** Run r is leaves starts[r] .. starts[r + 1] - 1, slots slots[r] on of block blocks[r]. */
  private readonly blocks: Block[] = [];
  private readonly slots: number[] = [];
  private readonly starts: number[] = [];

  /** The runs of `leaves`, which are slots 0 .. leaves.length - 1 of the tape. */
  constructor(leaves: readonly Value[]) {
    leaves.forEach((leaf, i) => {
      const r = this.blocks.length - 1;
      const continues = r >= 0 && leaf._blk === this.blocks[r] && leaf._slot === this.slots[r] + i - this.starts[r];
      if (continues) return;
      this.blocks.push(leaf._blk);
      this.slots.push(leaf._slot);
      this.starts.push(i);
    });
    this.starts.push(leaves.length);
  }

  /** Copies every leaf's data into its slot of `values`. */
  readInto(values: Float64Array): void {
    const starts = this.starts;
    for (let r = 0; r < this.blocks.length; r++) {
      const data = this.blocks[r].data;
      const start = starts[r];
      const count = starts[r + 1] - start;
      const slot = this.slots[r];
      // A long run is one memory copy, faster than the loop; a short one is not worth the view
      // that takes.
      if (count >= COPY_RUN) values.set(data.subarray(slot, slot + count), start);
      else for (let i = 0; i < count; i++) values[start + i] = data[slot + i];
    }
  }

  /** Adds each leaf's slot of `grads` into the leaf's gradient. */
  addGradients(grads: Float64Array): void {
    const starts = this.starts;
    for (let r = 0; r < this.blocks.length; r++) {
      const leafGrads = this.blocks[r].grad;
      const offset = this.slots[r] - starts[r];
      for (let i = starts[r]; i < starts[r + 1]; i++) leafGrads[i + offset] += grads[i];
    }
  }
}
