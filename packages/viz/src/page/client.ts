/**
 * The explorer page's script (bundled by esbuild, inlined by renderHtml): reads the page data,
 * draws each position of the backward pass with renderSvg, and wires pan/zoom, fit-to-screen,
 * step controls (buttons, slider, keyboard, play), node details with the chain rule, and theme.
 * Data only ever reaches the DOM as text nodes or through importSvg's allow-list.
 */
import { MultiDirectedGraph } from 'graphology';
import { select, zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3';
import { renderSvg } from '../render-svg';
import { frameGradients, stepFrame } from '../step-frame';
import type { ComputationGraph } from '../to-graph';
import { explainNode } from './explain-node';
import { describeStep } from './describe-step';
import { importSvg, type ImportedSvg } from './import-svg';
import { nodeNames } from './node-names';
import { PAGE_DATA_ID, decodePageData } from './page-data';
import { fillDetails, fillStepPanel } from './panels';

const byId = <T extends Element = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`@chainrule/viz page: element #${id} is missing from the page.`);
  return element as unknown as T;
};

const data = decodePageData(byId(PAGE_DATA_ID).textContent ?? '');
const graph = MultiDirectedGraph.from(data.graph) as unknown as ComputationGraph;
const trace = data.trace;
const names = nodeNames(graph);
const count = trace.steps.length;
/** Colours fitted to the final gradients: a gradient keeps its colour once it appears. */
const gradientScale = frameGradients(graph);
/** Below this fitted scale the page opens at full size on the active node (the fit button still fits). */
const MIN_READABLE_SCALE = 0.45;

const viewport = byId<SVGSVGElement>('viewport');
const scene = byId<SVGGElement>('scene');
const slider = byId<HTMLInputElement>('slider');
const playButton = byId<HTMLButtonElement>('play');

const state = {
  position: Math.min(Math.max(data.start, 0), count),
  playing: undefined as number | undefined,
  pinned: undefined as string | undefined,
  hovered: undefined as string | undefined,
  dark: data.theme === 'dark' || (data.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches),
  frame: graph,
  fitted: false,
  // 'auto' (or none): the page picks the direction that fits its window, below.
  direction: data.svgOptions.direction === 'auto' ? undefined : data.svgOptions.direction,
};

const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const zoomBehavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
  .scaleExtent([0.05, 8])
  .on('zoom', (event) => scene.setAttribute('transform', event.transform.toString()));
select(viewport).call(zoomBehavior).on('dblclick.zoom', null);

type Direction = 'LR' | 'TB';

/** The SVG markup of the frame at `position`, as renderSvg draws it. */
function markupAt(position: number, direction: Direction): string {
  const frame = position === state.position ? state.frame : stepFrame(graph, trace, position);
  return renderSvg(frame, { gradientScale, ...data.svgOptions, direction, theme: state.dark ? 'dark' : 'light' });
}

/** Drawings built ahead of time (the next position, while the reader looks at this one). */
const prepared = new Map<string, ImportedSvg>();
const preparedKey = (position: number, direction: Direction): string =>
  `${position} ${direction} ${state.dark ? 'dark' : 'light'}`;

/** The drawing of `position`, imported into the page (prepared ahead when possible). */
function drawingAt(position: number, direction: Direction): SVGSVGElement {
  const key = preparedKey(position, direction);
  const drawn = prepared.get(key) ?? importSvg(markupAt(position, direction));
  prepared.delete(key);
  sheet.replaceSync(drawn.css);
  drawn.svg.id = 'drawing';
  return drawn.svg;
}

/** Builds the next position's drawing when the browser is idle, so "next" and play show it at once. */
function prepareNext(): void {
  const next = state.position + 1;
  if (next > count) return;
  requestIdleCallback(() => {
    const direction = state.direction;
    if (!direction || next !== state.position + 1 || prepared.has(preparedKey(next, direction))) return;
    prepared.clear();
    prepared.set(preparedKey(next, direction), importSvg(markupAt(next, direction)));
  });
}

/** Left-to-right unless top-to-bottom fits the window at a larger scale (wide graph, tall window). */
function chooseDirection(): Direction {
  const box = viewport.getBoundingClientRect();
  const scaleOf = (direction: Direction): number => {
    const [, width, height] =
      /<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"/.exec(markupAt(state.position, direction)) ?? [];
    return Math.min(box.width / Number(width), box.height / Number(height));
  };
  return scaleOf('TB') > 1.25 * scaleOf('LR') ? 'TB' : 'LR';
}

/** Draws the current position and updates every control. */
function show(): void {
  state.frame = stepFrame(graph, trace, state.position);
  state.direction ??= chooseDirection();
  scene.replaceChildren(drawingAt(state.position, state.direction));
  prepareNext();
  const active = state.position === 0 ? trace.output : trace.steps[state.position - 1].node;
  if (!state.fitted) {
    // A big graph fitted to the window is unreadable: start at full size on the active node instead.
    if (fit() < MIN_READABLE_SCALE) {
      select(viewport).call(zoomBehavior.transform, zoomIdentity);
      keepInView(active);
    }
    state.fitted = true;
  } else {
    // After the frame is painted, when measuring the new drawing no longer forces an extra layout.
    requestAnimationFrame(() => keepInView(active));
  }
  document.body.classList.toggle('dark', state.dark);
  document.body.dataset.position = String(state.position);
  slider.value = String(state.position);
  byId('step-label').textContent = `step ${state.position} / ${count}`;
  byId<HTMLButtonElement>('prev').disabled = state.position === 0;
  byId<HTMLButtonElement>('reset').disabled = state.position === 0;
  byId<HTMLButtonElement>('next').disabled = state.position === count;
  playButton.disabled = count === 0;
  describeStepPanel();
  markSelection();
  showDetails();
}

/** The "this step" panel for the current position. */
function describeStepPanel(): void {
  fillStepPanel(byId('step-text'), describeStep(trace, names, state.position), data.captions[state.position]);
}

/** The details panel for the hovered node, else the pinned one, else a hint. */
function showDetails(): void {
  const key = state.hovered ?? state.pinned;
  const known = key !== undefined && state.frame.hasNode(key);
  fillDetails(byId('details'), known ? explainNode(state.frame, key, names) : undefined);
}

/** The graph node key of the drawing element under `target`, if any. */
function keyAt(target: EventTarget | null): string | undefined {
  const element = target instanceof Element ? target.closest('[data-key]') : null;
  const key = element?.getAttribute('data-key') ?? undefined;
  return key !== undefined && graph.hasNode(key) ? key : undefined;
}

/** Marks the pinned node ('selected') and the hovered one ('hovered') in the drawing. */
function markSelection(): void {
  for (const [className, key] of [
    ['selected', state.pinned],
    ['hovered', state.hovered],
  ] as const) {
    for (const element of Array.from(scene.querySelectorAll(`.${className}`))) element.classList.remove(className);
    if (key !== undefined) scene.querySelector(`[data-key="${CSS.escape(key)}"]`)?.classList.add(className);
  }
}

/** Scales and centres the drawing to fill the viewport; returns the scale (1 if nothing to fit). */
function fit(): number {
  const drawing = scene.querySelector('svg');
  if (!drawing) return 1;
  const width = drawing.width.baseVal.value || drawing.getBBox().width;
  const height = drawing.height.baseVal.value || drawing.getBBox().height;
  const box = viewport.getBoundingClientRect();
  if (width <= 0 || height <= 0 || box.width <= 0 || box.height <= 0) return 1;
  const scale = Math.min(box.width / width, box.height / height, 2.5) * 0.94;
  const transform = zoomIdentity
    .translate((box.width - width * scale) / 2, (box.height - height * scale) / 2)
    .scale(scale);
  select(viewport).call(zoomBehavior.transform, transform);
  return scale;
}

/** Pans (keeping the zoom) so that node `key` is inside the window. */
function keepInView(key: string): void {
  const element = scene.querySelector(`[data-key="${CSS.escape(key)}"]`);
  if (!element) return;
  const at = element.getBoundingClientRect();
  const box = viewport.getBoundingClientRect();
  const margin = 24;
  const inside =
    at.left >= box.left + margin &&
    at.right <= box.right - margin &&
    at.top >= box.top + margin &&
    at.bottom <= box.bottom - margin;
  if (inside) return;
  const k = zoomTransform(viewport).k;
  const dx = box.left + box.width / 2 - (at.left + at.width / 2);
  const dy = box.top + box.height / 2 - (at.top + at.height / 2);
  zoomBehavior.translateBy(select(viewport), dx / k, dy / k);
}

function go(position: number): void {
  const next = Math.min(Math.max(position, 0), count);
  if (next === state.position) return;
  state.position = next;
  show();
}

/** A move the reader makes (buttons, slider, keys) pauses playing. */
function goByHand(position: number): void {
  stopPlaying();
  go(position);
}

function togglePlay(): void {
  if (state.playing !== undefined) {
    stopPlaying();
    return;
  }
  if (state.position === count) go(0);
  state.playing = window.setInterval(() => {
    if (state.position >= count) stopPlaying();
    else go(state.position + 1);
  }, data.playInterval);
  playButton.textContent = '❚❚ pause';
  playButton.setAttribute('aria-pressed', 'true');
}

function stopPlaying(): void {
  window.clearInterval(state.playing);
  state.playing = undefined;
  playButton.textContent = '▶ play';
  playButton.setAttribute('aria-pressed', 'false');
}

slider.max = String(count);
slider.addEventListener('input', () => goByHand(Number(slider.value)));
byId('reset').addEventListener('click', () => goByHand(0));
byId('prev').addEventListener('click', () => goByHand(state.position - 1));
byId('next').addEventListener('click', () => goByHand(state.position + 1));
playButton.addEventListener('click', togglePlay);
byId('fit').addEventListener('click', () => fit());
byId('layout').addEventListener('click', () => {
  state.direction = state.direction === 'TB' ? 'LR' : 'TB';
  show();
  fit();
});
byId('theme').addEventListener('click', () => {
  state.dark = !state.dark;
  show();
});
scene.addEventListener('mouseover', (event) => {
  const key = keyAt(event.target);
  if (key === state.hovered) return;
  state.hovered = key;
  markSelection();
  showDetails();
});
scene.addEventListener('mouseleave', () => {
  state.hovered = undefined;
  markSelection();
  showDetails();
});
scene.addEventListener('click', (event) => {
  const key = keyAt(event.target);
  state.pinned = key === state.pinned ? undefined : key;
  markSelection();
  showDetails();
});
document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const target = event.target as HTMLElement;
  if (target === slider && event.key.startsWith('Arrow')) return;
  const actions: Record<string, () => void> = {
    ArrowRight: () => goByHand(state.position + 1),
    ArrowDown: () => goByHand(state.position + 1),
    ArrowLeft: () => goByHand(state.position - 1),
    ArrowUp: () => goByHand(state.position - 1),
    Home: () => goByHand(0),
    End: () => goByHand(count),
    ' ': togglePlay,
    f: () => fit(),
    l: () => byId('layout').click(),
  };
  const action = actions[event.key];
  if (!action) return;
  event.preventDefault();
  action();
});
window.addEventListener('resize', () => fit());

show();
