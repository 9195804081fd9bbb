/**
 * The data renderHtml stores in the explorer page (as JSON in a non-executed script element) and
 * the page script reads back: the graph model with final gradients, the backward pass as steps,
 * and display options.
 */
import type { SerializedGraph } from 'graphology-types';
import type { RenderSvgOptions } from '../render-svg';
import type { StepTrace } from '../step-trace';

/** renderSvg options a page can carry: plain data (no formatter function), theme set by the page. */
export type PageSvgOptions = Omit<RenderSvgOptions, 'format' | 'grads' | 'parameters' | 'theme' | 'mistake'>;

/** Element id of the JSON data block. */
export const PAGE_DATA_ID = 'chainrule-data';

export interface PageData {
  title: string;
  /** graph.export() of the graph model, with gradients computed and any highlights set. */
  graph: SerializedGraph;
  trace: StepTrace;
  /** Options passed to renderSvg for every frame (theme is set by the page). */
  svgOptions: PageSvgOptions;
  /** Initial theme; 'auto' follows the system's colour scheme. */
  theme: 'auto' | 'light' | 'dark';
  /** Milliseconds between steps while playing. */
  playInterval: number;
  /** Position shown first: 0 (before backward) up to steps.length (all gradients). */
  start: number;
  /** Extra text for the "this step" panel, by position (0 = start, k = after step k). */
  captions: (string | null)[];
}

/** Keys whose values are numbers; JSON has no NaN or Infinity, so those travel as strings. */
const NUMERIC_KEYS = new Set(['data', 'grad', 'local', 'contribution', 'upstream', 'accumulated']);

/** The page data as JSON, non-finite numbers written as "NaN", "Infinity", "-Infinity". */
export function encodePageData(data: PageData): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  );
}

/** Reads what encodePageData wrote, restoring non-finite numbers. */
export function decodePageData(json: string): PageData {
  return JSON.parse(json, (key, value: unknown) =>
    NUMERIC_KEYS.has(key) && typeof value === 'string' ? Number(value) : value,
  ) as PageData;
}
