import { layoutLayered, layeringCost, type LayoutBox, type LayoutEdge } from './layout-layered';

const box = (key: string, width = 60, height = 20): LayoutBox => ({ key, width, height });
const edge = (source: string, target: string, key = `${source}>${target}`): LayoutEdge => ({ key, source, target });

/** x*x-like diamond with a parallel pair of edges and a long edge. */
const boxes = [box('x'), box('y', 90, 30), box('op', 26, 26), box('v'), box('out')];
const edges = [edge('x', 'op', 'e0'), edge('x', 'op', 'e1'), edge('op', 'v'), edge('v', 'out'), edge('y', 'out')];

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

test.each(['LR', 'TB'] as const)(
  '%s: every edge goes forward, from border to border, and boxes do not overlap',
  (direction) => {
    const layout = layoutLayered(boxes, edges, { direction });
    const axis = direction === 'LR' ? 0 : 1;
    for (const e of edges) {
      const points = layout.edges.get(e.key)!;
      const s = layout.boxes.get(e.source)!;
      const t = layout.boxes.get(e.target)!;
      expect(points[points.length - 1][axis]).toBeGreaterThan(points[0][axis]);
      const sEdge = direction === 'LR' ? s.x + s.width / 2 : s.y + s.height / 2;
      const tEdge = direction === 'LR' ? t.x - t.width / 2 : t.y - t.height / 2;
      expect(points[0][axis]).toBeCloseTo(sEdge, 6);
      expect(points[points.length - 1][axis]).toBeCloseTo(tEdge, 6);
    }
    const placed = [...layout.boxes.values()];
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j])).toBe(false);
    for (const p of placed) {
      expect(p.x - p.width / 2).toBeGreaterThanOrEqual(-1e-9);
      expect(p.x + p.width / 2).toBeLessThanOrEqual(layout.width + 1e-9);
      expect(p.y + p.height / 2).toBeLessThanOrEqual(layout.height + 1e-9);
    }
    // the two parallel edges of x*x take different routes
    expect(layout.edges.get('e0')).not.toEqual(layout.edges.get('e1'));
  },
);

test('layeringCost counts the bends of both longest-path layerings and picks the smaller', () => {
  // a -> b -> c -> d and a leaf e used only by d: top-down puts e in layer 0 (2 bends), bottom-up next to d (0).
  const b = ['a', 'b', 'c', 'd', 'e'].map((k) => box(k));
  const e = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('e', 'd')];
  expect(layeringCost(b, e)).toMatchObject({ topDown: false, units: 5 });
  // a second sink e fed early by b: bottom-up puts e in the last layer (1 bend), top-down next to b.
  const e2 = [edge('a', 'b'), edge('b', 'c'), edge('c', 'd'), edge('b', 'e')];
  expect(layeringCost(b, e2)).toMatchObject({ topDown: true, units: 5 });
  expect([...layeringCost(b, e2).spans]).toEqual([1, 1, 1, 1]);
});

test('an empty drawing has no size', () => {
  expect(layoutLayered([], [])).toMatchObject({ width: 0, height: 0 });
});

test('LR: edges attach to the record, not to a wider caption under it (anchorWidth)', () => {
  const captioned: LayoutBox = { key: 'w', width: 240, height: 40, anchorWidth: 120 };
  const layout = layoutLayered([captioned, box('op', 26, 26), box('in')], [edge('w', 'op'), edge('in', 'w')], {
    direction: 'LR',
  });
  const w = layout.boxes.get('w')!;
  expect(layout.edges.get('w>op')![0][0]).toBeCloseTo(w.x + 60, 6);
  const into = layout.edges.get('in>w')!;
  expect(into[into.length - 1][0]).toBeCloseTo(w.x - 60, 6);
});
