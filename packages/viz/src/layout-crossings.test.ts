/**
 * Edge crossings against Graphviz, the anchor for layout quality: on the slide corpus graphs where
 * chainrule's layered layout already matches `dot` (the article, the lecture neuron, micrograd's
 * README expression), it must not cross more edges than `dot` does on the `toDot` export, in
 * either direction. Counted alike for both: sampled curves, proper intersections.
 */
import type { Value } from '@chainrule/core';
import { drawingOf } from './render-svg';
import { chooseArrangement } from './svg-document';
import { toDot } from './to-dot';
import { countCrossings, dotCurves } from './test-support/crossings';
import { hasGraphviz } from './test-support/graphviz';
import { slideCorpus } from './test-support/slide-corpus';

function ourCrossings(root: Value, direction: 'LR' | 'TB'): number {
  const { scene, document } = drawingOf(root, { direction });
  const { arrangement } = chooseArrangement(scene, document);
  return countCrossings(
    scene.edges.map((e, k) => ({ source: e.source, target: e.target, points: arrangement.edges[k].curve })),
  );
}

const graphs = slideCorpus().filter((g) =>
  ['article', 'lecture neuron', 'micrograd README expression'].includes(g.name),
);

describe.each(['LR', 'TB'] as const)('%s', (direction) => {
  (hasGraphviz() ? test.each : test.skip.each)(graphs.map((g) => [g.name, g.root] as const))(
    '%s: no more crossings than dot',
    (_name, root) => {
      const ours = ourCrossings(root, direction);
      const dots = countCrossings(dotCurves(toDot(root, { direction })));
      expect(ours).toBeLessThanOrEqual(dots);
    },
  );
});

test('countCrossings counts a proper crossing once, and not the touch of two edges at a shared box', () => {
  const x = {
    source: 'a',
    target: 'b',
    points: [
      [0, 0],
      [10, 10],
    ] as Array<[number, number]>,
  };
  const y = {
    source: 'c',
    target: 'd',
    points: [
      [0, 10],
      [10, 0],
    ] as Array<[number, number]>,
  };
  expect(countCrossings([x, y])).toBe(1);
  const fan = {
    source: 'a',
    target: 'e',
    points: [
      [0, 0],
      [10, -10],
    ] as Array<[number, number]>,
  };
  expect(countCrossings([x, fan])).toBe(0);
});
