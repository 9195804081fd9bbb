/**
 * layoutLayered: positions for boxes and edges of a DAG with d3-dag's Sugiyama layout and the fast
 * operators of TOOLCHAIN.md: longest-path layering (top-down or bottom-up, whichever makes fewer
 * long-edge bends), then four two-layer decrossing passes and greedy coordinates while the layered
 * graph is small, or a DFS ordering and centred coordinates when it is large (d3-dag's two-layer
 * pass grows too slow past a few thousand nodes and bends). Box sizes come from the caller.
 */
import { describe } from '@chainrule/core';
import {
  coordCenter,
  coordGreedy,
  decrossDfs,
  decrossTwoLayer,
  graph as dagGraph,
  layeringLongestPath,
  sugiyama,
  twolayerAgg,
} from 'd3-dag';
import type { MutGraphNode } from 'd3-dag';
import { vizError } from './viz-error';

const LONG_SPAN = 3;

/** A box to place: a node's key and size. */
export interface LayoutBox {
  key: string;
  width: number;
  height: number;
  /**
   * In left-to-right layouts, the width of the part edges attach to, centred in the box (a record
   * with a wider caption under it). Default: `width`.
   */
  anchorWidth?: number;
}

/** An edge between two boxes, by key. */
export interface LayoutEdge {
  key: string;
  source: string;
  target: string;
}

/** A box after layout: its centre and size. */
export interface PlacedBox {
  /** Centre of the box. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Width of the part edges attach to in left-to-right layouts (see LayoutBox). */
  anchorWidth: number;
}

/** The result of the layered layout: canvas size, placed boxes and edge polylines. */
export interface Layout {
  width: number;
  height: number;
  boxes: Map<string, PlacedBox>;
  /** Edge polylines from the source's border to the target's border, through bend points. */
  edges: Map<string, Array<[number, number]>>;
}

/** Options of the layered layout. */
export interface LayoutOptions {
  direction?: 'LR' | 'TB';
  /** Space between neighbouring boxes of one layer. Default 14. */
  nodeGap?: number;
  /** Space between layers (where edge labels go). Default 48. */
  layerGap?: number;
  /**
   * Boxes plus long-edge bends up to which the slower, tidier ordering is used and every edge is
   * routed around boxes. Default 800. Past it, edges spanning more than 3 layers are drawn straight.
   */
  qualityLimit?: number;
}

/**
 * Which longest-path layering leaves fewer bends, how many boxes + bends that makes, and how many
 * layers each edge spans in it (1 = neighbouring layers, no bend).
 */
export function layeringCost(
  boxes: readonly LayoutBox[],
  edges: readonly LayoutEdge[],
): { topDown: boolean; units: number; spans: Int32Array } {
  const index = new Map<string, number>();
  boxes.forEach((b, i) => index.set(b.key, i));
  const n = boxes.length;
  const out: number[][] = Array.from({ length: n }, () => []);
  const indegree = new Int32Array(n);
  const pairs = edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const);
  for (const [s, t] of pairs) {
    out[s].push(t);
    indegree[t]++;
  }
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order.push(i);
  for (let k = 0; k < order.length; k++) for (const t of out[order[k]]) if (--indegree[t] === 0) order.push(t);
  const down = new Int32Array(n);
  for (const s of order) for (const t of out[s]) down[t] = Math.max(down[t], down[s] + 1);
  const height = new Int32Array(n); // longest path to a sink
  for (let k = order.length - 1; k >= 0; k--)
    for (const t of out[order[k]]) height[order[k]] = Math.max(height[order[k]], height[t] + 1);
  const spansDown = new Int32Array(pairs.length);
  const spansUp = new Int32Array(pairs.length);
  let bendsDown = 0;
  let bendsUp = 0;
  pairs.forEach(([s, t], i) => {
    spansDown[i] = down[t] - down[s];
    spansUp[i] = height[s] - height[t];
    bendsDown += spansDown[i] - 1;
    bendsUp += spansUp[i] - 1;
  });
  const topDown = bendsDown <= bendsUp;
  return { topDown, units: n + Math.min(bendsDown, bendsUp), spans: topDown ? spansDown : spansUp };
}

/**
 * Lays out `boxes` connected by `edges` (which must form a DAG; parallel edges are kept apart).
 * @example
 * const layout = layoutLayered([{ key: 'a', width: 40, height: 20 }, { key: 'b', width: 40, height: 20 }],
 *   [{ key: 'ab', source: 'a', target: 'b' }]);
 * layout.boxes.get('b')!.x > layout.boxes.get('a')!.x; // true: left to right
 */
export function layoutLayered(
  boxes: readonly LayoutBox[],
  edges: readonly LayoutEdge[],
  options: LayoutOptions = {},
): Layout {
  if (!Array.isArray(boxes) || !Array.isArray(edges)) {
    throw vizError(
      'layoutLayered',
      `expected arrays of boxes and edges, got ${describe(boxes)} and ${describe(edges)}.`,
      'pass e.g. ([{ key, width, height }], [{ key, source, target }])',
    );
  }
  const leftToRight = (options.direction ?? 'LR') === 'LR';
  const nodeGap = options.nodeGap ?? 14;
  const layerGap = options.layerGap ?? 48;

  const qualityLimit = options.qualityLimit ?? 800;
  // In a big drawing, edges spanning more than LONG_SPAN layers skip the layout and are drawn
  // straight from box to box: every bend is a dummy node d3-dag must order. This leaves the
  // layering unchanged, since each box keeps the edge that fixed its layer (span 1).
  const cost = layeringCost(boxes, edges);
  let routed: readonly LayoutEdge[] = edges;
  let direct: LayoutEdge[] = [];
  let units = cost.units;
  if (units > qualityLimit) {
    routed = edges.filter((_, i) => cost.spans[i] <= LONG_SPAN);
    direct = edges.filter((_, i) => cost.spans[i] > LONG_SPAN);
    units = boxes.length + edges.reduce((s, _, i) => s + (cost.spans[i] <= LONG_SPAN ? cost.spans[i] - 1 : 0), 0);
  }

  const dag = dagGraph<LayoutBox, LayoutEdge>();
  const nodes = new Map<string, MutGraphNode<LayoutBox, LayoutEdge>>();
  for (const box of boxes) nodes.set(box.key, dag.node(box));
  const links = routed.map((edge) => dag.link(nodes.get(edge.source)!, nodes.get(edge.target)!, edge));

  // d3-dag stacks layers along y; for left-to-right we lay out the transposed picture and swap back.
  const size = (box: LayoutBox): [number, number] => (leftToRight ? [box.height, box.width] : [box.width, box.height]);
  const tidy = units <= qualityLimit;
  const base = sugiyama()
    .layering(layeringLongestPath().topDown(cost.topDown))
    .nodeSize((node: { data: LayoutBox }) => size(node.data))
    .gap([nodeGap, layerGap]);
  const layout = tidy
    ? base.decross(decrossTwoLayer().order(twolayerAgg()).passes(4)).coord(coordGreedy())
    : base.decross(decrossDfs()).coord(coordCenter());
  const extent = boxes.length === 0 ? { width: 0, height: 0 } : layout(dag as never);

  const swap = (x: number, y: number): [number, number] => (leftToRight ? [y, x] : [x, y]);
  const placed = new Map<string, PlacedBox>();
  for (const [key, node] of nodes) {
    const [x, y] = swap(node.x, node.y);
    const { width, height, anchorWidth = width } = node.data;
    placed.set(key, { x, y, width, height, anchorWidth });
  }
  const paths = new Map<string, Array<[number, number]>>();
  for (const link of links) {
    const points = link.points.map(([x, y]) => swap(x, y));
    const source = placed.get(link.data.source)!;
    const target = placed.get(link.data.target)!;
    points[0] = leftToRight
      ? [source.x + source.anchorWidth / 2, points[0][1]]
      : [points[0][0], source.y + source.height / 2];
    const last = points.length - 1;
    points[last] = leftToRight
      ? [target.x - target.anchorWidth / 2, points[last][1]]
      : [points[last][0], target.y - target.height / 2];
    paths.set(link.data.key, points);
  }
  for (const edge of direct) {
    const source = placed.get(edge.source)!;
    const target = placed.get(edge.target)!;
    paths.set(
      edge.key,
      leftToRight
        ? [
            [source.x + source.anchorWidth / 2, source.y],
            [target.x - target.anchorWidth / 2, target.y],
          ]
        : [
            [source.x, source.y + source.height / 2],
            [target.x, target.y - target.height / 2],
          ],
    );
  }
  const [width, height] = swap(extent.width, extent.height);
  return { width, height, boxes: placed, edges: paths };
}
