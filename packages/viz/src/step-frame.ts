/**
 * stepFrame: the graph as it looks at one point of the backward pass. Gradients not computed yet
 * are null, contributions of edges not traversed yet are null, and the step being processed is
 * highlighted ('active' node, 'step' edges). Used by renderSteps (SVG frames) and by the page.
 */
import { describe } from '@chainrule/core';
import type { ComputationGraph, Highlight, ValueNodeAttributes } from './to-graph';
import type { StepTrace } from './step-trace';
import { VizError, vizError } from './viz-error';

/**
 * A copy of `graph` at `position` of `trace`: position 0 is the start (only the output's seed
 * gradient 1 is known); position k (1..steps) is the state after step k - 1, which is highlighted.
 * Nodes and edges missing from the graph (e.g. hidden constants) are skipped; highlights the
 * caller set ('mismatch', 'anomaly') are kept, except that the active node shows as 'active'
 * (a 'wrong-step' ring is kept even then).
 * @example
 * const graph = toGraph(C, { grads: 'compute' });
 * const frame = stepFrame(graph, stepTrace(C), 1); // after the first step
 */
export function stepFrame(graph: ComputationGraph, trace: StepTrace, position: number): ComputationGraph {
  if (typeof graph?.forEachNode !== 'function' || !Array.isArray(trace?.steps)) {
    throw vizError(
      'stepFrame',
      `expected a graph and a trace, got ${describe(graph)} and ${describe(trace)}.`,
      'pass toGraph(root) and stepTrace(root)',
    );
  }
  const count = trace.steps.length;
  if (!Number.isInteger(position) || position < 0 || position > count) {
    throw new VizError(
      `@chainrule/viz/stepFrame: position ${position} is outside the backward pass. Pass an integer from 0 to ${count}.`,
    );
  }
  const frame = graph.copy();
  frame.forEachNode((key, attributes) => {
    if (attributes.type === 'value') frame.mergeNodeAttributes(key, { grad: null });
  });
  frame.forEachEdge((key, attributes) => {
    if (attributes.type === 'input') frame.mergeEdgeAttributes(key, { contribution: null });
  });
  // The pass is under way: gradients not reached yet are the null ones, not "backward never ran".
  frame.setAttribute('gradsComputed', true);

  const received = new Map<string, number>();
  if (frame.hasNode(trace.output)) frame.mergeNodeAttributes(trace.output, { grad: 1 });
  for (let k = 0; k < position; k++) {
    for (const edge of trace.steps[k].edges) {
      if (frame.hasEdge(edge.edge))
        frame.mergeEdgeAttributes(edge.edge, { contribution: edge.constant ? null : edge.contribution });
      if (edge.constant || !frame.hasNode(edge.input)) continue;
      frame.mergeNodeAttributes(edge.input, { grad: edge.accumulated });
      received.set(edge.input, edge.uses);
    }
  }
  for (const [key, uses] of received) {
    const total = trace.totalUses[key] ?? uses;
    if (uses < total) addNote(frame, key, `running sum: ${uses} of ${total} uses so far`);
  }

  if (position === 0) {
    if (frame.hasNode(trace.output)) {
      emphasize(frame, trace.output, 'active', true);
      const label = (frame.getNodeAttributes(trace.output) as ValueNodeAttributes).label || 'out';
      addNote(frame, trace.output, `seed: ∂${label}/∂${label} = 1`);
    }
    return frame;
  }
  const step = trace.steps[position - 1];
  const id = step.node.slice(1);
  for (const key of [step.node, `o${id}`]) if (frame.hasNode(key)) emphasize(frame, key, 'active', true);
  if (frame.hasEdge(`r${id}`)) emphasizeEdge(frame, `r${id}`);
  for (const edge of step.edges) if (frame.hasEdge(edge.edge)) emphasizeEdge(frame, edge.edge);
  return frame;
}

function emphasize(frame: ComputationGraph, key: string, highlight: Highlight, override: boolean): void {
  const current = frame.getNodeAttribute(key, 'highlight');
  // The first wrong step of a manual derivation stays ringed while it is processed too.
  if (current === 'wrong-step') return;
  if (override || current === undefined) frame.setNodeAttribute(key, 'highlight', highlight);
}

function emphasizeEdge(frame: ComputationGraph, key: string): void {
  if (frame.getEdgeAttribute(key, 'highlight') === undefined) frame.setEdgeAttribute(key, 'highlight', 'step');
}

function addNote(frame: ComputationGraph, key: string, note: string): void {
  const previous = frame.getNodeAttribute(key, 'note');
  frame.setNodeAttribute(key, 'note', previous ? `${previous}; ${note}` : note);
}

/**
 * The gradients of every value of `graph` that has one: pass them to renderSvg as `gradientScale`
 * when drawing frames, so a gradient keeps its colour from the step it appears to the end.
 * @example
 * renderSvg(stepFrame(graph, trace, 1), { gradientScale: frameGradients(graph) });
 */
export function frameGradients(graph: ComputationGraph): number[] {
  const grads: number[] = [];
  graph.forEachNode((_key, attributes) => {
    if (attributes.type === 'value' && attributes.grad !== null) grads.push(attributes.grad);
  });
  return grads;
}
