/**
 * pageHtml: the explorer page's HTML document around its data: toolbar, drawing area, side panels
 * and legend, the page script and style inlined, and a Content-Security-Policy that allows exactly
 * those two by hash (default-src 'none'), so the file works offline and runs nothing else.
 */
import { createHash } from 'crypto';
import { PAGE_DATA_ID, encodePageData, type PageData } from './page-data';
import { pageScript } from './page-script';
import { PAGE_CSS } from './styles';

/** The whole page for `data`, titled `title` (escaped). */
export function pageHtml(title: string, data: PageData): string {
  const script = pageScript().replace(/<\/(script)/gi, '<\\/$1');
  const json = encodePageData(data).replace(/</g, '\\u003c');
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(PAGE_CSS)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  <div class="controls" role="toolbar" aria-label="Backward pass">
    <button id="reset" type="button" title="Back to the start (Home)">↺ reset</button>
    <button id="prev" type="button" title="Previous step (←)">◀ prev</button>
    <button id="play" type="button" title="Play or pause (space)" aria-pressed="false">▶ play</button>
    <button id="next" type="button" title="Next step (→)">next ▶</button>
    <input id="slider" type="range" min="0" max="0" step="1" value="0" aria-label="Step">
    <span id="step-label" aria-live="polite"></span>
    <button id="fit" type="button" title="Fit the graph to the window (f)">fit</button>
    <button id="layout" type="button" title="Lay the graph out left to right or top to bottom (l)">⇄ layout</button>
    <button id="theme" type="button" title="Switch light / dark">◐ theme</button>
  </div>
</header>
<main>
  <div id="canvas">
    <svg id="viewport" role="img" aria-label="Computation graph"><g id="scene"></g></svg>
  </div>
  <aside>
    <h2>This step</h2>
    <div id="step-text" aria-live="polite"></div>
    <h2>Node</h2>
    <div id="details"></div>
    <h2>Legend</h2>
    <ul class="legend">
      <li><span class="swatch active"></span>node being processed</li>
      <li><span class="swatch step"></span>edges it sends gradient along</li>
      <li><span class="swatch pending"></span>gradient not computed yet</li>
      <li><span class="swatch mismatch"></span>manual gradient disagrees with autograd</li>
      <li><span class="swatch anomaly"></span>anomaly: NaN or infinite value or gradient</li>
    </ul>
    <p class="keys">Keys: ← → step · Home / End · space plays · f fits · l layout. Drag to pan, wheel to zoom.</p>
  </aside>
</main>
<script type="application/json" id="${PAGE_DATA_ID}">${json}</script>
<script>${script}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
