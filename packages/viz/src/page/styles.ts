/**
 * The explorer page's style sheet (inlined by renderHtml and allowed by its CSP hash): a toolbar,
 * the drawing filling the window with a side panel, light and dark themes through CSS variables.
 * Legend colours come from the drawing's own palettes (svg-theme.ts), so they always match.
 */
import { DARK, LIGHT, type SvgColours } from '../svg-theme';

const drawingColours = (c: SvgColours): string =>
  `--active: ${c.highlight.active}; --step: ${c.highlight.step}; --mismatch: ${c.highlight.mismatch}; ` +
  `--anomaly: ${c.highlight.anomaly}; --not-computed: ${c.notComputed}; --canvas: ${c.background};`;

export const PAGE_CSS = `
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --panel: #f6f8fa; --border: #d1d9e0;
  --accent: #0969da; --button: #ffffff; --button-hover: #eef2f6; --formula: #0b3d6b;
  --selected: #0969da; ${drawingColours(LIGHT)}
  color-scheme: light;
}
body.dark {
  --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --panel: #161b22; --border: #30363d;
  --accent: #4493f8; --button: #21262d; --button-hover: #30363d; --formula: #a5d6ff;
  --selected: #4493f8; ${drawingColours(DARK)}
  color-scheme: dark;
}
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body {
  display: flex; flex-direction: column; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif;
}
header {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; padding: 8px 16px;
  border-bottom: 1px solid var(--border); background: var(--panel);
}
h1 { font-size: 16px; margin: 0; font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
button {
  font: inherit; color: var(--fg); background: var(--button); border: 1px solid var(--border);
  border-radius: 6px; padding: 3px 10px; cursor: pointer; min-height: 28px;
}
button:hover:not(:disabled) { background: var(--button-hover); }
button:disabled { opacity: 0.45; cursor: default; }
button:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
#slider { width: 180px; accent-color: var(--accent); }
#step-label { font-variant-numeric: tabular-nums; color: var(--muted); min-width: 84px; }
.keys { color: var(--muted); font-size: 12px; margin: 10px 0 0; }
main { flex: 1; display: flex; min-height: 0; }
#canvas { flex: 1; position: relative; min-width: 0; background: var(--canvas); }
#viewport { width: 100%; height: 100%; display: block; cursor: grab; }
#viewport:active { cursor: grabbing; }
#scene [data-key] { cursor: pointer; }
#scene .hovered { filter: drop-shadow(0 0 3px var(--selected)); }
#scene .selected { filter: drop-shadow(0 0 2px var(--selected)) drop-shadow(0 0 5px var(--selected)); }
aside {
  width: 380px; max-width: 45vw; overflow-y: auto; border-left: 1px solid var(--border);
  background: var(--panel); padding: 12px 16px;
}
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 14px 0 6px; }
h2:first-child { margin-top: 0; }
h3 { font-size: 16px; margin: 0 0 6px; overflow-wrap: anywhere; }
.kind { font-size: 12px; font-weight: normal; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
dt { color: var(--muted); }
dd { margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.formula, .send { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
.formula { color: var(--formula); }
.send { padding-left: 2px; }
.hint { color: var(--muted); }
.caption { margin: 8px 0 0; padding: 6px 10px; border-left: 3px solid var(--accent); background: var(--bg); white-space: pre-line; }
.note { color: var(--muted); font-style: italic; margin: 6px 0 0; }
.legend { list-style: none; padding: 0; margin: 0; display: grid; gap: 4px; }
.legend li { display: flex; align-items: center; gap: 8px; }
.swatch { width: 22px; height: 12px; border-radius: 3px; border: 2px solid; flex: none; }
.swatch.active { border-color: var(--active); border-width: 3px; background: transparent; }
.swatch.step { border: none; height: 3px; background: var(--step); }
.swatch.mismatch { border-color: var(--mismatch); border-style: dashed; }
.swatch.anomaly { border-color: var(--anomaly); border-style: dashed; }
.swatch.pending { border-color: var(--not-computed); background: repeating-linear-gradient(45deg, var(--not-computed) 0 2px, transparent 2px 5px); }
`;
