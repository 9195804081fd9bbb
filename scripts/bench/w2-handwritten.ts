/**
 * W2 written by hand: the micrograd moons MLP (2→16→16→1, ReLU, hinge + L2, SGD) as plain loops
 * over Float64Arrays with explicit derivative code, no graph. It is the speed limit the engine's
 * W2 step is measured against, and follows the spec's order of operations (left-fold sums).
 */

/** Layer sizes of micrograd's MLP(2, [16, 16, 1]). */
const SIZES = [2, 16, 16, 1];

/** A hand-written W2 trainer: flat parameters, explicit forward and backward loops. */
export class HandwrittenW2 {
  /** Parameters in micrograd order: per layer, per neuron, w[0..nin-1] then b. */
  readonly params: Float64Array;
  private readonly grads: Float64Array;
  private readonly offsets: number[] = [];
  /** acts[l]: the inputs of layer l (acts[0] = the point); acts[last] = the score. */
  private readonly acts = SIZES.map((n) => new Float64Array(n));
  private readonly deltas = SIZES.map((n) => new Float64Array(n));

  /** A trainer over `X`, `y` starting from `initial` parameters (copied). */
  constructor(
    private readonly X: readonly number[][],
    private readonly y: readonly number[],
    initial: ArrayLike<number>,
  ) {
    this.params = Float64Array.from(initial);
    this.grads = new Float64Array(this.params.length);
    let offset = 0;
    for (let l = 0; l < SIZES.length - 1; l++) {
      this.offsets.push(offset);
      offset += SIZES[l + 1] * (SIZES[l] + 1);
    }
  }

  /** One training step with learning rate `lr`; returns the loss and the accuracy of its forward. */
  step(lr: number): { loss: number; accuracy: number } {
    const { params, grads, offsets, acts, deltas, X, y } = this;
    const layers = SIZES.length - 1;
    const n = X.length;
    const alpha = 1e-4;
    grads.fill(0);
    let marginSum = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      // forward
      acts[0][0] = X[i][0];
      acts[0][1] = X[i][1];
      for (let l = 0; l < layers; l++) {
        const nin = SIZES[l];
        const input = acts[l];
        const out = acts[l + 1];
        const last = l === layers - 1;
        for (let o = 0; o < SIZES[l + 1]; o++) {
          const base = offsets[l] + o * (nin + 1);
          let act = params[base + nin];
          for (let j = 0; j < nin; j++) act = act + params[base + j] * input[j];
          out[o] = last || act > 0 ? act : 0;
        }
      }
      const score = acts[layers][0];
      const pre = score * -y[i] + 1;
      const margin = pre > 0 ? pre : 0;
      marginSum = marginSum + margin;
      if (score > 0 === y[i] > 0) correct++;
      // backward: d total / d margin_i = 1/n; the hinge passes -y where its relu is open
      if (!(pre > 0)) continue;
      deltas[layers][0] = (1.0 / n) * -y[i];
      for (let l = layers - 1; l >= 0; l--) {
        const nin = SIZES[l];
        const input = acts[l];
        const dOut = deltas[l + 1];
        const dIn = deltas[l];
        dIn.fill(0);
        const last = l === layers - 1;
        for (let o = 0; o < SIZES[l + 1]; o++) {
          // relu' = 1 where the output is > 0 (hidden layers only)
          const d = last || acts[l + 1][o] > 0 ? dOut[o] : 0;
          if (d === 0) continue;
          const base = offsets[l] + o * (nin + 1);
          for (let j = 0; j < nin; j++) {
            grads[base + j] += d * input[j];
            dIn[j] += d * params[base + j];
          }
          grads[base + nin] += d;
        }
      }
    }
    const dataLoss = marginSum * (1.0 / n);
    let squares = 0;
    for (let k = 0; k < params.length; k++) squares = squares + params[k] * params[k];
    const loss = dataLoss + squares * alpha;
    for (let k = 0; k < params.length; k++) {
      const g = grads[k] + alpha * (2 * params[k]);
      params[k] -= lr * g;
    }
    return { loss, accuracy: correct / n };
  }
}
