/**
 * @chainrule/viz: draw chainrule computation graphs (values, gradients, local gradients) as SVG,
 * HTML, DOT, Mermaid and JSON. One flat barrel: each function lives in its own file.
 */
export { toGraph, valueKey, opKey, inputEdgeKey, resultEdgeKey } from './to-graph';
export type {
  ComputationGraph,
  ToGraphOptions,
  ValueKind,
  Highlight,
  HighlightAttributes,
  ValueNodeAttributes,
  OpNodeAttributes,
  InputEdgeAttributes,
  ResultEdgeAttributes,
  GraphNodeAttributes,
  GraphEdgeAttributes,
  GraphAttributes,
} from './to-graph';
export { stepTrace } from './step-trace';
export type { StepTrace, TraceStep, TraceEdge } from './step-trace';
export { stepFrame } from './step-frame';
export { renderHtml } from './render-html';
export type { RenderHtmlOptions, HtmlHighlight } from './render-html';
