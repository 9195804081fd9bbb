/**
 * Entry of the ESM browser bundle (dist/browser/chainrule.mjs): all of @chainrule/core and the
 * parts of @chainrule/viz that need no Node APIs. renderHtml and the file writers are Node-only
 * (they read the page script and write files) and are left out.
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
export { VizError } from '../viz-error';
