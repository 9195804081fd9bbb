/**
 * The drawing between graph and SVG: sized boxes that know how to draw themselves at a position,
 * and edges with colour, width and an optional label. Both the full and the grouped drawings are
 * scenes, so layout and SVG output are shared.
 */
import type { Highlight } from './to-graph';

export interface SceneBox {
  key: string;
  width: number;
  height: number;
  /** Width of the part edges attach to, when captions make the box wider than its record. */
  anchorWidth?: number;
  /** SVG markup of the box centred on (x, y). */
  draw(x: number, y: number): string;
}

export interface SceneEdge {
  key: string;
  source: string;
  target: string;
  colour: string;
  strokeWidth: number;
  dashed?: boolean;
  label?: string;
  /** 'start': just after the source box, beside the edge's stub (clear when the source has one edge out); default 'middle'. */
  labelAt?: 'start' | 'middle';
  highlight?: Highlight;
  /** Tooltip. */
  title?: string;
}

export interface Scene {
  boxes: SceneBox[];
  edges: SceneEdge[];
  /** Largest edge-label width, so layers leave room for it. */
  labelWidth: number;
  /** Lines written above the graph (what is shown, grouping, missing gradients). */
  notes: string[];
  /** Highlight kinds present, for the legend. */
  highlights: Set<Highlight>;
  /**
   * Kinds of box present that the legend explains: leaf kinds, the output's border, constants, and
   * gradients drawn as not computed yet.
   */
  kinds: Set<'parameter' | 'leaf' | 'output' | 'constant' | 'not-computed'>;
  /** True when edges are coloured by the gradient they carry back. */
  edgeColours: boolean;
}

/** A scene with nothing in it yet, for a drawing to fill. */
export function emptyScene(): Scene {
  return {
    boxes: [],
    edges: [],
    labelWidth: 0,
    notes: [],
    highlights: new Set(),
    kinds: new Set(),
    edgeColours: false,
  };
}

/** Rounds a coordinate to 0.1 px to keep the SVG small. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}
