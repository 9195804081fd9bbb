/**
 * Themes of the graph drawing: light and dark palettes, the gradient colours (a diverging pair from
 * d3-scale-chromatic's RdBu) and one colour per highlight kind, all overridable through options.
 */
import { schemeRdBu } from 'd3';
import type { Highlight } from './to-graph';

/** The colours of one SVG theme. */
export interface SvgColours {
  background: string;
  text: string;
  /** Secondary text: captions, legend, edge labels. */
  muted: string;
  /** Fill of record cells and op nodes. */
  nodeFill: string;
  /** Fill of a leaf's and a parameter's label cell. */
  leafFill: string;
  parameterFill: string;
  border: string;
  edge: string;
  /** Gradient colours: positive grad (raising the value raises the output), negative, and zero. */
  positive: string;
  negative: string;
  neutral: string;
  /** Stripes of a cell whose gradient is not computed yet. */
  notComputed: string;
  highlight: Record<Highlight, string>;
}

const RDBU = schemeRdBu[9];

export const LIGHT: SvgColours = {
  background: '#ffffff',
  text: '#1f2328',
  muted: '#59636e',
  nodeFill: '#ffffff',
  leafFill: '#eef1f4',
  parameterFill: '#fdf1d3',
  border: '#8c959f',
  edge: '#9aa3ad',
  positive: RDBU[0],
  negative: RDBU[8],
  neutral: '#f4f4f4',
  notComputed: '#c9ced4',
  highlight: {
    step: '#e8a400',
    active: '#0969da',
    mismatch: '#bf1fbf',
    anomaly: '#e0560b',
    'wrong-step': '#d1242f',
    carried: '#d1242f',
  },
};

export const DARK: SvgColours = {
  background: '#0d1117',
  text: '#e6edf3',
  muted: '#9198a1',
  nodeFill: '#161b22',
  leafFill: '#21262d',
  parameterFill: '#3a2f12',
  border: '#59636e',
  edge: '#6e7681',
  positive: RDBU[1],
  negative: RDBU[7],
  neutral: '#262c34',
  notComputed: '#4a525c',
  highlight: {
    step: '#f2c744',
    active: '#4493f8',
    mismatch: '#e35ee3',
    anomaly: '#f0883e',
    'wrong-step': '#ff7b72',
    carried: '#ff7b72',
  },
};

/** Colours to override in a theme: any of them, and any of the highlight colours. */
export type SvgColourOverrides = Partial<Omit<SvgColours, 'highlight'>> & {
  highlight?: Partial<SvgColours['highlight']>;
};

/** The palette for `theme` with `overrides` applied (highlight colours merge key by key). */
export function themeColours(theme: 'light' | 'dark', overrides: SvgColourOverrides = {}): SvgColours {
  if (theme !== 'light' && theme !== 'dark') {
    throw new TypeError(`@chainrule/viz/renderSvg: unknown theme ${JSON.stringify(theme)}. Use 'light' or 'dark'.`);
  }
  const base = theme === 'dark' ? DARK : LIGHT;
  return { ...base, ...overrides, highlight: { ...base.highlight, ...(overrides.highlight ?? {}) } };
}

// The first family of each stack is one that Linux browsers and renderPng's resvg both find (resvg
// takes the first family it has and does not read further), so a PNG looks like the SVG; other
// systems fall through to their own Arial, Helvetica, Menlo or Consolas.
export const SANS = "'Liberation Sans', Arial, Helvetica, 'DejaVu Sans', sans-serif";
export const MONO = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
