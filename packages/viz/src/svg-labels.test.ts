/**
 * Edge labels never collide: on the slide corpus and on seeded random graphs, in both directions and
 * folded ('auto'), with both kinds of edge label, every label is placed, overlaps no node box (captions included)
 * and no other label, and lies within LABEL_DISTANCE of its own curve.
 */
import type { Value } from '@chainrule/core';
import { drawingOf, type RenderSvgOptions } from './render-svg';
import { boxRects, chooseArrangement } from './svg-document';
import { distanceToCurve, LABEL_DISTANCE, labelRect, overlaps, placeLabels } from './svg-labels';
import { randomDag, slideCorpus } from './test-support/slide-corpus';

interface Collision {
  label: string;
  problem: string;
}

function collisions(root: Value, options: RenderSvgOptions): { labels: number; found: Collision[] } {
  const { scene, document } = drawingOf(root, options);
  const { layout, edges, labels } = chooseArrangement(scene, document).arrangement;
  const boxes = boxRects(layout);
  const found: Collision[] = [];
  let count = 0;
  edges.forEach((edge, k) => {
    if (!edge.label) return;
    count++;
    const placed = labels[k];
    if (!placed) return void found.push({ label: edge.label.text, problem: 'no free spot' });
    if (boxes.some((b) => overlaps(placed.rect, b))) found.push({ label: edge.label.text, problem: 'on a box' });
    labels.forEach((other, j) => {
      if (other && j > k && overlaps(placed.rect, other.rect))
        found.push({ label: edge.label!.text, problem: `on label ${j}` });
    });
    const distance = distanceToCurve(placed.rect, edge.label.curve);
    if (distance > LABEL_DISTANCE) found.push({ label: edge.label.text, problem: `${distance} px from its edge` });
  });
  return { labels: count, found };
}

const corpus = slideCorpus();
const randomGraphs = Array.from({ length: 12 }, (_, k) => {
  const root = randomDag(12 + 6 * k, 100 + k, k % 2 === 0 ? 3 : 12);
  root.backward();
  return { name: `random graph ${k}`, root };
});

describe.each(['LR', 'TB', 'auto'] as const)('direction %s', (direction) => {
  test.each([...corpus, ...randomGraphs].map((g) => [g.name, g.root] as const))(
    '%s: every edge label placed clear of boxes and labels, beside its edge',
    (_name, root) => {
      for (const edgeLabels of ['local', 'both'] as const) {
        const { labels, found } = collisions(root, { direction, edgeLabels });
        expect(labels).toBeGreaterThan(0);
        expect(found).toEqual([]);
      }
    },
  );
});

describe('placeLabels', () => {
  const curve: Array<[number, number]> = Array.from({ length: 41 }, (_, k) => [k * 5, 50]);
  const request = { text: '∂ 1.5', preferred: { x: 60, y: 46, anchor: 'middle' as const }, curve };

  test('takes the preferred spot when it is free', () => {
    const [placed] = placeLabels([request], []);
    expect(placed).toMatchObject({ x: 60, y: 46, anchor: 'middle' });
  });

  test('moves along its curve when the preferred spot is taken, and never onto a box', () => {
    const box = { left: 40, right: 80, top: 30, bottom: 70 };
    const [placed] = placeLabels([request], [box]);
    expect(placed).not.toBeNull();
    expect(overlaps(placed!.rect, box)).toBe(false);
    expect(distanceToCurve(placed!.rect, curve)).toBeLessThanOrEqual(LABEL_DISTANCE);
  });

  test('two labels that want the same spot get different ones', () => {
    const [a, b] = placeLabels([request, request], []);
    expect(overlaps(a!.rect, b!.rect)).toBe(false);
  });

  test('gives up (null) when the whole curve is covered', () => {
    const wall = { left: -50, right: 300, top: 0, bottom: 100 };
    expect(placeLabels([request], [wall])).toEqual([null]);
  });

  test('labelRect covers the text around its baseline for each anchor', () => {
    const start = labelRect('abc', 10, 20, 'start');
    const end = labelRect('abc', 10, 20, 'end');
    expect(start.left).toBeLessThan(10);
    expect(end.right).toBeGreaterThan(10);
    expect(start.top).toBeLessThan(20);
    expect(start.bottom).toBeGreaterThan(20);
  });
});
