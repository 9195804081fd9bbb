/**
 * MLP-shaped graphs built with core ops only (no @chainrule/nn), for tests and benches of the
 * drawings: micrograd's neuron relu(b + Σ w_j·x_j) as one n-ary sum, layers of neurons, a hinge
 * loss over a batch and an L2 penalty, like the benchmark's W2 (seeded, deterministic).
 */
import { Value, sum } from '@chainrule/core';

/** A deterministic uniform generator in [lo, hi) (a 32-bit LCG: enough for test data). */
function lcg(seed: number): (lo: number, hi: number) => number {
  let state = seed >>> 0;
  return (lo, hi) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return lo + ((hi - lo) * state) / 2 ** 32;
  };
}

export interface MlpGraph {
  loss: Value;
  parameters: Value[];
}

/**
 * The loss of an MLP with layer sizes `sizes` (e.g. [2, 16, 16, 1]) over `batch` points: hinge
 * margins relu(1 − y·score) averaged, plus 1e-4 Σ p². With sizes [2, 16, 16, 1] and batch 100 this is
 * W2's graph (about 65k Values). Without `regularization` the penalty is left out.
 */
export function mlpLoss(sizes: readonly number[], batch: number, seed = 1, regularization = true): MlpGraph {
  const uniform = lcg(seed);
  const layers: Array<Array<{ w: Value[]; b: Value }>> = [];
  const parameters: Value[] = [];
  for (let l = 1; l < sizes.length; l++) {
    const layer = [];
    for (let n = 0; n < sizes[l]; n++) {
      const w = Array.from({ length: sizes[l - 1] }, () => new Value(uniform(-1, 1)));
      const b = new Value(0);
      parameters.push(...w, b);
      layer.push({ w, b });
    }
    layers.push(layer);
  }
  const margins: Value[] = [];
  for (let p = 0; p < batch; p++) {
    let x: Array<Value | number> = Array.from({ length: sizes[0] }, () => uniform(-1.5, 1.5));
    layers.forEach((layer, l) => {
      const last = l === layers.length - 1;
      x = layer.map(({ w, b }) => {
        const act = sum([b, ...w.map((wj, j) => wj.mul(x[j]))]);
        return last ? act : act.relu();
      });
    });
    const y = p % 2 === 0 ? 1 : -1;
    margins.push((x[0] as Value).mul(-y).add(1).relu());
  }
  const dataLoss = sum(margins).mul(1 / batch);
  if (!regularization) return { loss: dataLoss, parameters };
  const regLoss = sum(parameters.map((q) => q.mul(q))).mul(1e-4);
  return { loss: dataLoss.add(regLoss), parameters };
}
