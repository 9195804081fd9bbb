/**
 * Edge labels: a label beside the stub leaving its source sits on the side the edge does not turn
 * to, so the curve never runs through it, and every label lies inside the drawing.
 */
import { Value } from '@chainrule/core';
import { monoWidth } from './measure-text';
import { renderSvg } from './render-svg';
import { drawEdge } from './svg-edges';
import type { SceneEdge } from './svg-scene';
import { LIGHT } from './svg-theme';
import { parseXmlStrict } from './test-support/parse-xml';

const edge: SceneEdge = {
  key: 'e',
  source: 's',
  target: 't',
  colour: '#999',
  strokeWidth: 1,
  label: '∂ 1.5',
  labelAt: 'start',
};

/** The label's preferred x, y and anchor. */
function labelOf(points: Array<[number, number]>, leftToRight: boolean): { x: number; y: number; anchor: string } {
  return drawEdge(edge, points, leftToRight, LIGHT).label!.preferred;
}

describe('a label beside the stub is on the side its edge does not turn to', () => {
  test('left to right: above an edge that falls or stays level, below one that rises', () => {
    expect(
      labelOf(
        [
          [100, 50],
          [300, 90],
        ],
        true,
      ).y,
    ).toBeLessThan(50); // falls (y grows downwards)
    expect(
      labelOf(
        [
          [100, 50],
          [300, 50],
        ],
        true,
      ).y,
    ).toBeLessThan(50);
    expect(
      labelOf(
        [
          [100, 50],
          [300, 10],
        ],
        true,
      ).y,
    ).toBeGreaterThan(50); // rises: below, clear of the curve
  });

  test('top to bottom: right of an edge that turns left or goes straight, left of one that turns right', () => {
    expect(
      labelOf(
        [
          [100, 50],
          [40, 200],
        ],
        false,
      ),
    ).toMatchObject({ anchor: 'start' });
    expect(
      labelOf(
        [
          [100, 50],
          [40, 200],
        ],
        false,
      ).x,
    ).toBeGreaterThan(100);
    expect(
      labelOf(
        [
          [100, 50],
          [100, 200],
        ],
        false,
      ).x,
    ).toBeGreaterThan(100);
    const right = labelOf(
      [
        [100, 50],
        [260, 200],
      ],
      false,
    );
    expect(right.anchor).toBe('end');
    expect(right.x).toBeLessThan(100);
  });
});

test('every edge label lies inside the drawing, also where it reaches past the outermost boxes', () => {
  // y, the rightmost box of the top-to-bottom drawing, turns left: its long label reaches right.
  const i = new Value(1.5, 'i');
  const w = new Value(0.8, 'w');
  const y = new Value(0.123456789, 'y');
  const C = i.mul(w).sub(y).pow(2);
  C.backward();
  for (const direction of ['LR', 'TB'] as const) {
    const svg = renderSvg(C, { direction, edgeLabels: 'both', precision: 9, legend: false });
    const doc = parseXmlStrict(svg);
    const width = Number(doc.documentElement.getAttribute('width'));
    const shift = Number(/<g transform="translate\(([-\d.]+),/.exec(svg)![1]);
    const labels = [
      ...svg.matchAll(
        /<text x="([-\d.]+)" y="[-\d.]+" font-family="[^"]*" font-size="10.5" text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ];
    expect(labels.length).toBeGreaterThanOrEqual(4);
    for (const [, x, anchor, text] of labels) {
      const w = monoWidth(text, 10.5);
      const left = shift + Number(x) - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
      expect([direction, text, left >= 0, left + w <= width]).toEqual([direction, text, true, true]);
    }
  }
});
