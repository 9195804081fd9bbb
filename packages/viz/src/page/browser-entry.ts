/**
 * Entry of the ESM browser bundle (dist/browser/chainrule.mjs): all of @chainrule/core and every
 * export of @chainrule/viz that needs no Node API. Left out: renderHtml (reads the page script,
 * hashes with node:crypto), writeSteps (writes files) and renderPng (a native module).
 * browser-entry.test.ts checks that nothing else of the viz barrel is missing.
 */
export * from '@chainrule/core';
export * from '../to-graph';
export * from '../render-svg';
export * from '../render-steps';
export * from '../step-trace';
export * from '../step-frame';
export * from '../to-json';
export * from '../from-json';
export * from '../graph-document';
export * from '../plot-descent';
export * from '../plot-loss';
export * from '../plot-decision-boundary';
export { PLOT_THEMES } from '../plot-theme';
export { VizError } from '../viz-error';
export { escapeXml } from '../xml-escape';
export * from '../to-dot';
export * from '../to-mermaid';
export * from '../to-gexf';
export * from '../to-graphml';
export * from '../layout-layered';
export * from '../group-graph';
export * from '../mark-mistake';
