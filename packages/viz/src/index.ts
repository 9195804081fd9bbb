/**
 * @chainrule/viz: draw chainrule computation graphs (values, gradients, local gradients) as SVG,
 * HTML, DOT, Mermaid and JSON. One flat barrel: each function lives in its own file.
 */
export { toGraph, valueKey, opKey, inputEdgeKey, resultEdgeKey } from './to-graph';
export { renderSvg } from './render-svg';
export { renderPng, MAX_PNG_PIXELS } from './render-png';
export type { RenderPngOptions } from './render-png';
export type { RenderSvgOptions } from './render-svg';
export type { SvgColours, SvgColourOverrides } from './svg-theme';
export { layoutLayered } from './layout-layered';
export type { Layout, LayoutBox, LayoutEdge, LayoutOptions, PlacedBox } from './layout-layered';
export { groupGraph } from './group-graph';
export type { GroupedGraph, ValueGroup, GroupEdge } from './group-graph';
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
export { markMistake } from './mark-mistake';
export type { Mistake } from './mark-mistake';
export type { RenderHtmlOptions, HtmlHighlight } from './render-html';
export { renderSteps } from './render-steps';
export type { RenderStepsOptions } from './render-steps';
export { writeSteps } from './write-steps';
export type { WriteStepsOptions } from './write-steps';
export { toJSON } from './to-json';
export type { ToJsonOptions } from './to-json';
export { fromJSON } from './from-json';
export type { FromJsonOptions, ImportedGraph } from './from-json';
export { GRAPH_FORMAT, GRAPH_VERSION, DEFAULT_DOCUMENT_LIMITS } from './graph-document';
export type { GraphDocument, GraphDocumentNode, GraphDocumentLimits } from './graph-document';
export { VizError } from './viz-error';
export { escapeXml } from './xml-escape';
export { plotDescent, descentSteps } from './plot-descent';
export type { PlotDescentOptions, DescentProblem, DescentStep } from './plot-descent';
export { plotLoss } from './plot-loss';
export type { PlotLossOptions, LossHistory } from './plot-loss';
export { plotDecisionBoundary } from './plot-decision-boundary';
export type { PlotDecisionBoundaryOptions, LabelledPoints } from './plot-decision-boundary';
export { PLOT_THEMES } from './plot-theme';
export type { PlotOptions, PlotColours, PlotColors, PlotThemeName } from './plot-theme';
export { toDot } from './to-dot';
export type { ToDotOptions } from './to-dot';
export { toMermaid } from './to-mermaid';
export type { ToMermaidOptions } from './to-mermaid';
export { toGexf } from './to-gexf';
export type { ToGexfOptions } from './to-gexf';
export { toGraphml } from './to-graphml';
export type { ToGraphmlOptions } from './to-graphml';
export type { GraphExportOptions, GraphSource } from './export-graph';
