/**
 * renderSvg: a computation graph as a standalone SVG string, in Node, without a browser. Values are
 * records `label | data | grad`, ops are small circles, input edges carry the local gradient; large
 * graphs are drawn grouped (see group-scene.ts) instead of failing.
 */
import { Value, topoSort } from '@chainrule/core';
import { checkGraphLabels } from './export-graph';
import { sizeOfGraph, sizeOfValues } from './graph-size';
import { toGraph, type ComputationGraph, type InputEdgeAttributes, type ToGraphOptions } from './to-graph';
import { gradientColourScale } from './gradient-colour';
import { significant } from './svg-format';
import { opBox, valueBox, type NodeStyle, type RecordField } from './svg-nodes';
import { emptyScene, type Scene, type SceneEdge } from './svg-scene';
import { sceneToSvg, type DocumentOptions } from './svg-document';
import { themeColours, type SvgColourOverrides } from './svg-theme';
import { monoWidth } from './measure-text';
import { groupScene } from './group-scene';
import { groupFlat } from './group-graph';
import { flattenGraph, flattenValues, type FlatGraph } from './flat-graph';
import { VizError } from './viz-error';
import { checkRenderSvgOptions } from './render-svg-options';
import { markMistake, type Mistake } from './mark-mistake';

/** Options of `renderSvg(rootOrGraph, options)`. */
export interface RenderSvgOptions extends Pick<ToGraphOptions, 'grads' | 'parameters' | 'maxValues' | 'maxEdges'> {
  /**
   * Layers left to right ('LR'), top to bottom ('TB'), or 'auto' (default): whichever fills a
   * picture of the `aspect` ratio at the larger scale.
   */
  direction?: 'LR' | 'TB' | 'auto';
  /** The width / height ratio 'auto' aims for, e.g. 4 / 3. Default 16 / 9, a slide. */
  aspect?: number;
  /** 'light' (default) or 'dark'. */
  theme?: 'light' | 'dark';
  /** Override any colour of the theme (see SvgColours), e.g. `{ positive: '#d00' }`. */
  colours?: SvgColourOverrides;
  /** Significant digits of numbers (default 4: 2.1, 0.411). Ignored when `format` is given. */
  precision?: number;
  /** Your own number formatter, e.g. `(x) => x.toFixed(2)`. */
  format?: (x: number) => string;
  /** Cells of a value record, default ['label', 'data', 'grad']. */
  fields?: RecordField[];
  /**
   * Edge labels on input edges: 'local' (default; ∂ out/∂ input), 'contribution' (∇: grad(out) × local,
   * what the edge adds to the input's grad), 'both' or 'none'.
   */
  edgeLabels?: 'local' | 'contribution' | 'both' | 'none';
  /** Under a value used more than once, write its gradient as the sum of its contributions. Default true. */
  fanOutSums?: boolean;
  /** Draw constants (numbers given to ops). Default true; grouped drawings always hide them. */
  constants?: boolean;
  /** Draw the legend. Default true. */
  legend?: boolean;
  /** A title written above the graph (default none). */
  title?: string;
  /**
   * Most boxes (values + ops) drawn one by one; default 2500 (layout time grows quickly beyond).
   * Bigger graphs are grouped (see `group`).
   */
  maxNodes?: number;
  // maxEdges (from ToGraphOptions): most input edges drawn one by one; default twice maxNodes. A
  // Value used N times draws N edges, so a graph over it is grouped too (its parallel edges merge).
  /**
   * 'auto' (default): group only graphs over `maxNodes`; 'always': group every graph; 'never': throw
   * for graphs over `maxNodes`. Grouping collapses each labelled sub-expression and each neuron
   * (an activation over a sum) into one box with its gradients, and hides constants.
   */
  group?: 'auto' | 'always' | 'never';
  /**
   * Gradients the colour scale is fitted to (default: the gradients drawn). Frames of one backward
   * pass (renderSteps, the explorer page) pass the final gradients so colours stay put between steps.
   */
  gradientScale?: readonly number[];
  /**
   * Where a hand-derived backward pass goes wrong, e.g. from compareGradients: `{ node: firstWrong.node,
   * downstream, note }` rings the node and marks the nodes downstream of it. Full drawings only
   * (a grouped drawing has no box per node). Default none.
   */
  mistake?: Mistake;
}

const WHERE = '@chainrule/viz/renderSvg';
const DEFAULT_MAX_NODES = 2500;
/** toGraph's default maxEdges. */
const MODEL_MAX_EDGES = 1_000_000;

/**
 * Draws the graph under a Value (or a graph from toGraph, possibly with highlight attributes set) as
 * a standalone SVG document.
 * @example
 * const w = new Value(0.8, 'w');
 * const C = w.mul(1.5).sub(0.5).pow(2);
 * C.backward();
 * fs.writeFileSync('graph.svg', renderSvg(C, { parameters: [w] }));
 */
export function renderSvg(rootOrGraph: Value | ComputationGraph, options: RenderSvgOptions = {}): string {
  const { scene, document } = drawingOf(rootOrGraph, options);
  return sceneToSvg(scene, document);
}

/** @internal What renderSvg draws, before layout: the scene and the document's options. */
export function drawingOf(
  rootOrGraph: Value | ComputationGraph,
  options: RenderSvgOptions = {},
): { scene: Scene; document: DocumentOptions } {
  checkRenderSvgOptions('renderSvg', options);
  const direction = options.direction ?? 'auto';
  const group = options.group ?? 'auto';
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  const maxEdges = options.maxEdges ?? 2 * maxNodes;
  const showConstants = options.constants ?? true;
  const colours = themeColours(options.theme ?? 'light', options.colours);
  const format = options.format ?? significant(options.precision ?? 4);
  const fields = new Set<RecordField>(options.fields ?? ['label', 'data', 'grad']);
  const edgeLabels = options.edgeLabels ?? 'local';

  // A graph to draw in full, or a flat copy to group (built straight from the Values when possible).
  const source = prepare(rootOrGraph, options, { maxNodes, maxEdges }, group, showConstants);
  if (options.mistake && source.graph) {
    // A graph passed in is the caller's: mark a copy.
    if (source.graph === rootOrGraph) source.graph = source.graph.copy() as ComputationGraph;
    markMistake(source.graph, options.mistake, 'renderSvg');
  }
  const gradsComputed = source.graph ? source.graph.getAttribute('gradsComputed') : source.flat.gradsComputed;
  const scale = gradientColourScale(
    options.gradientScale ?? (source.graph ? gradientsOf(source.graph) : flatGradients(source.flat)),
    colours,
  );
  const style: NodeStyle = { colours, scale, format, fields };

  let scene: Scene;
  if (source.graph) {
    scene = fullScene(source.graph, style, { showConstants, edgeLabels, fanOutSums: options.fanOutSums ?? true });
  } else {
    const grouped = groupFlat(source.flat);
    if (grouped.groups.length > maxNodes) {
      throw new VizError(
        `${WHERE}: the graph has ${source.drawn} nodes and still ${grouped.groups.length} boxes after grouping, more than maxNodes = ${maxNodes}. ` +
          'Pass a larger { maxNodes } (slow), label sub-expressions so they group, or draw a smaller sub-graph.',
      );
    }
    if (grouped.edges.length > maxEdges) {
      throw new VizError(
        `${WHERE}: the graph still has ${grouped.edges.length} edges between boxes after grouping, more than maxEdges = ${maxEdges}. ` +
          'Pass a larger { maxEdges } (slow), label sub-expressions so they group, or draw a smaller sub-graph.',
      );
    }
    scene = groupScene(grouped, style);
  }
  if (!gradsComputed && fields.has('grad')) {
    scene.notes.push(
      "Gradients not computed yet: striped cells are unknown, not zero. Call backward() or pass { grads: 'compute' }.",
    );
  }
  const document: DocumentOptions = {
    direction,
    aspect: options.aspect ?? 16 / 9,
    colours,
    title: options.title,
    legend:
      options.legend === false
        ? null
        : {
            colours,
            scale,
            format,
            gradsShown: fields.has('grad') && gradsComputed,
            edgeText: edgeLegend(scene),
            highlights: scene.highlights,
            kinds: scene.kinds,
            edgeColours: scene.edgeColours,
          },
  };
  return { scene, document };
}

type Prepared =
  { graph: ComputationGraph; flat?: undefined; drawn: number } | { graph?: undefined; flat: FlatGraph; drawn: number };

/** Decides between a full and a grouped drawing, refusing big graphs under group: 'never'. */
function prepare(
  rootOrGraph: Value | ComputationGraph,
  options: RenderSvgOptions,
  { maxNodes, maxEdges }: { maxNodes: number; maxEdges: number },
  group: NonNullable<RenderSvgOptions['group']>,
  showConstants: boolean,
): Prepared {
  let drawn: number;
  let edges: number;
  let graph: ComputationGraph | undefined;
  if (rootOrGraph instanceof Value) {
    const size = sizeOfValues(rootOrGraph, showConstants);
    let ops = 0;
    for (const v of topoSort(rootOrGraph)) if (!v.isLeaf) ops++;
    drawn = size.values + ops;
    edges = size.edges;
  } else {
    graph = asGraph(rootOrGraph);
    checkGraphLabels('renderSvg', graph);
    drawn = countDrawn(graph, showConstants);
    edges = sizeOfGraph(graph).edges;
  }
  const grouped = group === 'always' || drawn > maxNodes || edges > maxEdges;
  if (grouped && group === 'never') {
    const over =
      drawn > maxNodes
        ? `${drawn} nodes (values and ops), more than maxNodes = ${maxNodes}`
        : `${edges} edges (a Value used N times draws N), more than maxEdges = ${maxEdges}`;
    throw new VizError(
      `${WHERE}: the graph has ${over}. ` +
        `Pass { group: 'auto' } to draw it grouped, or a larger { ${drawn > maxNodes ? 'maxNodes' : 'maxEdges'} } (layout time grows quickly beyond a few thousand).`,
    );
  }
  // The graph model has its own, larger edge limit; a caller who raises maxEdges raises both.
  const modelEdges = Math.max(maxEdges, MODEL_MAX_EDGES);
  const graphOptions = {
    grads: options.grads,
    parameters: options.parameters,
    maxValues: options.maxValues,
    maxEdges: modelEdges,
  };
  if (rootOrGraph instanceof Value) {
    if (grouped) return { flat: flattenValues(rootOrGraph, graphOptions, WHERE), drawn };
    return { graph: toGraph(rootOrGraph, { ...graphOptions, constants: showConstants }), drawn };
  }
  if (grouped) return { flat: flattenGraph(graph!), drawn };
  return { graph: graph!, drawn };
}

function asGraph(rootOrGraph: ComputationGraph): ComputationGraph {
  const g = rootOrGraph as ComputationGraph | null;
  if (
    g === null ||
    typeof g !== 'object' ||
    typeof g.forEachNode !== 'function' ||
    typeof g.getAttribute !== 'function' ||
    typeof g.getAttribute('rootId') !== 'number'
  ) {
    throw new TypeError(
      `${WHERE}: expected a Value or a graph made by toGraph. Pass the output Value, or toGraph(output).`,
    );
  }
  return g;
}

function gradientsOf(graph: ComputationGraph): number[] {
  const grads: number[] = [];
  graph.forEachNode((_, a) => {
    if (a.type === 'value' && a.grad !== null) grads.push(a.grad);
  });
  return grads;
}

function flatGradients(flat: FlatGraph): number[] {
  const grads: number[] = [];
  for (const v of flat.values) if (v.grad !== null) grads.push(v.grad);
  return grads;
}

function countDrawn(graph: ComputationGraph, showConstants: boolean): number {
  if (showConstants) return graph.order;
  let n = 0;
  graph.forEachNode((_, a) => {
    if (!(a.type === 'value' && a.kind === 'constant')) n++;
  });
  return n;
}

/** What the edge labels mean, in the words of the labels the scene actually drew. */
function edgeLegend(scene: Scene): string | null {
  const local = scene.edges.some((e) => e.label?.includes('∂'));
  const flow = scene.edges.some((e) => e.label?.includes('∇'));
  if (local && flow) return "edge label ∂ local gradient · ∇ grad(out) × local, added to the input's grad";
  if (local) return 'edge label ∂: local gradient ∂out/∂in';
  if (flow) return "edge label ∇: grad(out) × ∂out/∂in, added to the input's grad";
  return null;
}

interface FullSceneOptions {
  showConstants: boolean;
  edgeLabels: NonNullable<RenderSvgOptions['edgeLabels']>;
  fanOutSums: boolean;
}

/** Every value and op as its own box. */
function fullScene(graph: ComputationGraph, style: NodeStyle, options: FullSceneOptions): Scene {
  const { colours, scale, format } = style;
  const scene = emptyScene();
  const hidden = (key: string): boolean => {
    const a = graph.getNodeAttributes(key);
    return !options.showConstants && a.type === 'value' && a.kind === 'constant';
  };
  graph.forEachNode((key, attrs) => {
    if (hidden(key)) return;
    if (attrs.highlight) scene.highlights.add(attrs.highlight);
    if (attrs.type === 'op') {
      scene.boxes.push(opBox(key, attrs, colours));
      return;
    }
    if (attrs.kind !== 'intermediate') scene.kinds.add(attrs.kind);
    if (attrs.grad === null && attrs.kind !== 'constant' && style.fields.has('grad')) scene.kinds.add('not-computed');
    const captions: string[] = [];
    if (options.fanOutSums && attrs.grad !== null) {
      const uses: InputEdgeAttributes[] = [];
      if (graph.outDegree(key) > 1) graph.forEachOutEdge(key, (_e, a) => void uses.push(a as InputEdgeAttributes));
      if (uses.length > 1 && uses.every((u) => u.contribution !== null)) {
        const terms = uses.map((u) => format(u.contribution as number));
        captions.push(
          uses.length <= 4 ? `grad = ${terms.join(' + ').replace(/\+ −/g, '− ')}` : `grad = Σ of ${uses.length} uses`,
        );
      }
    }
    if (attrs.note) captions.push(attrs.note);
    scene.boxes.push(valueBox(key, attrs, captions, style));
  });
  // x*x: parallel edges with the same label are labelled once, with the count.
  const labelledPairs = new Map<string, { edge: SceneEdge; label: string; count: number }>();
  graph.forEachEdge((key, attrs, source, target) => {
    if (hidden(source) || hidden(target)) return;
    if (attrs.highlight) scene.highlights.add(attrs.highlight);
    const edge: SceneEdge = { key, source, target, colour: colours.edge, strokeWidth: 1.4, highlight: attrs.highlight };
    if (attrs.type === 'input') {
      if (attrs.contribution !== null) {
        edge.colour = scale.stroke(attrs.contribution);
        scene.edgeColours = true;
      }
      // A constant receives no gradient, so its edge's local gradient is noise to a reader.
      const fromConstant = (graph.getNodeAttributes(source) as { kind?: string }).kind === 'constant';
      edge.label = fromConstant ? undefined : edgeLabel(attrs, options.edgeLabels, format);
      if (fromConstant) edge.dashed = true;
      if (graph.outDegree(source) === 1) edge.labelAt = 'start';
      const twin = edge.label ? labelledPairs.get(`${source}>${target}`) : undefined;
      if (twin && twin.label === edge.label) {
        twin.count++;
        twin.edge.label = `${twin.label} (×${twin.count})`;
        edge.label = undefined;
      } else if (edge.label) {
        labelledPairs.set(`${source}>${target}`, { edge, label: edge.label, count: 1 });
      }
      edge.title = `argument ${attrs.index}: ∂out/∂in = ${attrs.local}, contribution = ${attrs.contribution ?? 'not computed'}${attrs.note ? ` — ${attrs.note}` : ''}`;
    }
    scene.edges.push(edge);
  });
  for (const edge of scene.edges)
    if (edge.label) scene.labelWidth = Math.max(scene.labelWidth, monoWidth(edge.label, 10.5));
  return scene;
}

function edgeLabel(
  attrs: InputEdgeAttributes,
  mode: FullSceneOptions['edgeLabels'],
  format: (x: number) => string,
): string | undefined {
  const local = `∂ ${format(attrs.local)}`;
  const flow = attrs.contribution === null ? null : `∇ ${format(attrs.contribution)}`;
  if (mode === 'local') return local;
  if (mode === 'contribution') return flow ?? undefined;
  if (mode === 'both') return flow ? `${local} · ${flow}` : local;
  return undefined;
}
