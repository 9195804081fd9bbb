/**
 * foldLayout: a long chain cut into bands between layers; each band starts again at the beginning
 * of the layer axis, bands follow each other on the cross axis, and edges between bands are routed
 * from the source's border to the target's through the gap.
 */
import { foldLayout } from './layout-fold';
import { layoutLayered, type LayoutBox, type LayoutEdge } from './layout-layered';

const boxes: LayoutBox[] = Array.from({ length: 30 }, (_, k) => ({ key: `b${k}`, width: 80, height: 24 }));
const edges: LayoutEdge[] = boxes.slice(1).map((b, k) => ({ key: `e${k}`, source: `b${k}`, target: b.key }));

describe.each([
  ['LR', true],
  ['TB', false],
] as const)('%s', (direction, leftToRight) => {
  const layout = layoutLayered(boxes, edges, { direction });
  const along = (p: { x: number; y: number }) => (leftToRight ? p.x : p.y);
  const across = (p: { x: number; y: number }) => (leftToRight ? p.y : p.x);

  test('one band leaves the layout as it is', () => {
    const same = foldLayout(layout, edges, leftToRight, 1);
    expect(same.bands).toBe(1);
    expect(same.routed.size).toBe(0);
    expect(same.boxes).toEqual(layout.boxes);
  });

  test('three bands: a third of the length each, stacked, boxes inside the picture, no overlaps', () => {
    const folded = foldLayout(layout, edges, leftToRight, 3);
    expect(folded.bands).toBe(3);
    const length = leftToRight ? layout.width : layout.height;
    expect(leftToRight ? folded.width : folded.height).toBeLessThan(length / 2);
    const placed = [...folded.boxes.values()];
    for (const b of placed) {
      expect(b.x - b.width / 2).toBeGreaterThanOrEqual(0);
      expect(b.y - b.height / 2).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width / 2).toBeLessThanOrEqual(folded.width);
      expect(b.y + b.height / 2).toBeLessThanOrEqual(folded.height);
    }
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        const [a, b] = [placed[i], placed[j]];
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
        expect(apart).toBe(true);
      }
    // The chain goes on in the next band: a later box never sits before an earlier one in both axes.
    const first = folded.boxes.get('b0')!;
    const last = folded.boxes.get('b29')!;
    expect(across(last)).toBeGreaterThan(across(first));
  });

  test('edges between bands are routed from border to border; the others keep their shape', () => {
    const folded = foldLayout(layout, edges, leftToRight, 3);
    expect(folded.routed.size).toBe(2); // a chain crosses each of the two cuts once
    for (const e of edges) {
      const points = folded.edges.get(e.key)!;
      const s = folded.boxes.get(e.source)!;
      const t = folded.boxes.get(e.target)!;
      expect(along({ x: points[0][0], y: points[0][1] })).toBeCloseTo(
        along(s) + (leftToRight ? s.width : s.height) / 2,
        6,
      );
      const end = points[points.length - 1];
      expect(along({ x: end[0], y: end[1] })).toBeCloseTo(along(t) - (leftToRight ? t.width : t.height) / 2, 6);
      if (!folded.routed.has(e.key)) expect(points.length).toBe(layout.edges.get(e.key)!.length);
    }
  });
});
