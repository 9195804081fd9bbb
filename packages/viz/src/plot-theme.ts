/**
 * Colours, fonts and common options of the plots (plotDescent, plotLoss, plotDecisionBoundary):
 * a light and a dark theme whose series colours stay distinct for common colour-vision deficiencies.
 */
import { SANS } from './svg-theme';

/** The name of a plot theme. */
export type PlotThemeName = 'light' | 'dark';

/** The colours a plot draws with. */
export interface PlotColours {
  background: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  /** The main curve (cost, loss). */
  primary: string;
  /** A second series (activation, accuracy). */
  secondary: string;
  /** Steps and markers (gradient-descent steps). */
  accent: string;
  /** Targets and optima (the minimum). */
  good: string;
  /** Class 0 / negative region of a classifier. */
  negative: string;
  /** Class 1 / positive region of a classifier. */
  positive: string;
}

/**
 * The built-in colour themes of the plots, `light` and `dark`.
 *
 * @example
 * ```ts
 * console.log(PLOT_THEMES.dark.background, PLOT_THEMES.light.background); // #111827 #ffffff
 * ```
 */
export const PLOT_THEMES: Readonly<Record<PlotThemeName, Readonly<PlotColors>>> = {
  light: {
    background: '#ffffff',
    text: '#1f2937',
    muted: '#6b7280',
    grid: '#e5e7eb',
    axis: '#9ca3af',
    primary: '#2563eb',
    secondary: '#9333ea',
    accent: '#ea580c',
    good: '#059669',
    negative: '#2563eb',
    positive: '#ea580c',
  },
  dark: {
    background: '#111827',
    text: '#e5e7eb',
    muted: '#9ca3af',
    grid: '#263042',
    axis: '#4b5563',
    primary: '#60a5fa',
    secondary: '#c084fc',
    accent: '#fb923c',
    good: '#34d399',
    negative: '#60a5fa',
    positive: '#fb923c',
  },
};

/** Options every plot accepts. */
export interface PlotOptions {
  /** Width of the SVG in pixels. Default depends on the plot (640 to 720). */
  width?: number;
  /** Height of the SVG in pixels. Default depends on the plot (420 to 480). */
  height?: number;
  /** Title above the plot; `''` for none. Default depends on the plot. */
  title?: string;
  /** `'light'` (default) or `'dark'`. */
  theme?: PlotThemeName;
  /** CSS font family. Default the drawings' sans-serif stack (`'Liberation Sans', Arial, Helvetica, …`). */
  fontFamily?: string;
}

/** The default font stack. */
export const PLOT_FONT = SANS;

/** @deprecated The same type as {@link PlotColours}; the package spells colour one way. */
export type PlotColors = PlotColours;
