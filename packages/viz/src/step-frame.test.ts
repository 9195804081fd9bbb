import { Value } from '@chainrule/core';
import { stepFrame } from './step-frame';
import { stepTrace } from './step-trace';
import {
  toGraph,
  valueKey,
  type ComputationGraph,
  type InputEdgeAttributes,
  type ValueNodeAttributes,
} from './to-graph';
import { article } from './test-support/article';
import { VizError } from './viz-error';

const gradOf = (graph: ComputationGraph, v: Value) =>
  (graph.getNodeAttributes(valueKey(v.id)) as ValueNodeAttributes).grad;

describe('stepTrace', () => {
  it('has one step per op node, output first, keyed like the graph model', () => {
    const { a, C } = article();
    const trace = stepTrace(C);
    expect(trace.output).toBe(valueKey(C.id));
    expect(trace.steps.map((s) => s.node)).toEqual([valueKey(C.id), valueKey(C.inputs[0].id), valueKey(a.id)]);
    for (const step of trace.steps) {
      for (const edge of step.edges) expect(edge.edge).toMatch(new RegExp(`^e${step.node.slice(1)}:\\d+$`));
    }
  });
});

describe('stepFrame', () => {
  it('at the start knows only the seed gradient of the output, which is active', () => {
    const { C } = article();
    const graph = toGraph(C, { grads: 'compute' });
    const frame = stepFrame(graph, stepTrace(C), 0);
    frame.forEachNode((key, attributes) => {
      if (attributes.type === 'value') expect(attributes.grad).toBe(key === valueKey(C.id) ? 1 : null);
    });
    frame.forEachEdge((_key, attributes) => {
      if (attributes.type === 'input') expect(attributes.contribution).toBeNull();
    });
    expect(frame.getNodeAttribute(valueKey(C.id), 'highlight')).toBe('active');
    expect(frame.getNodeAttribute(valueKey(C.id), 'note')).toBe('seed: ∂C/∂C = 1');
  });

  it('at the end has the gradients backward() computes (the article: dC/dw = 2.1)', () => {
    const { i, w, y, a, C } = article();
    const trace = stepTrace(C);
    const frame = stepFrame(toGraph(C, { grads: 'compute' }), trace, trace.steps.length);
    C.backward();
    for (const v of [i, w, y, a, C]) expect(gradOf(frame, v)).toBeCloseTo(v.grad, 12);
    expect(gradOf(frame, w)).toBeCloseTo(2 * (1.5 * 0.8 - 0.5) * 1.5, 12);
    expect(gradOf(frame, w)).toBeCloseTo(2.1, 12);
    expect(frame.getAttribute('gradsComputed')).toBe(true);
  });

  it('highlights the node of each step and the edges it sends gradient along', () => {
    const { C } = article();
    const trace = stepTrace(C);
    const graph = toGraph(C, { grads: 'compute' });
    trace.steps.forEach((step, k) => {
      const frame = stepFrame(graph, trace, k + 1);
      const id = step.node.slice(1);
      expect(frame.getNodeAttribute(step.node, 'highlight')).toBe('active');
      expect(frame.getNodeAttribute(`o${id}`, 'highlight')).toBe('active');
      const stepEdges = frame.filterEdges((_key, attributes) => attributes.highlight === 'step').sort();
      expect(stepEdges).toEqual([`r${id}`, ...step.edges.map((e) => e.edge)].sort());
      for (const edge of step.edges) {
        expect((frame.getEdgeAttributes(edge.edge) as InputEdgeAttributes).contribution).toBe(
          edge.constant ? null : edge.contribution,
        );
      }
    });
  });

  it('never hides a gradient once shown, and shows running sums with a note at fan-out', () => {
    const x = new Value(3, 'x');
    const z = x.mul(x).add(x);
    const trace = stepTrace(z);
    const graph = toGraph(z, { grads: 'compute' });
    const seen = new Set<string>();
    let notedPartial = false;
    for (let p = 0; p <= trace.steps.length; p++) {
      const frame = stepFrame(graph, trace, p);
      for (const key of seen) expect((frame.getNodeAttributes(key) as ValueNodeAttributes).grad).not.toBeNull();
      frame.forEachNode((key, attributes) => {
        if (attributes.type === 'value' && attributes.grad !== null) seen.add(key);
      });
      const xGrad = gradOf(frame, x);
      if (xGrad !== null && xGrad !== 7) {
        notedPartial = true;
        expect(frame.getNodeAttribute(valueKey(x.id), 'note')).toMatch(/running sum: \d of 3 uses/);
      }
    }
    expect(notedPartial).toBe(true);
    expect(gradOf(stepFrame(graph, trace, trace.steps.length), x)).toBe(2 * 3 + 1);
  });

  it('keeps mismatch highlights of other nodes and does not change the graph it copies', () => {
    const { w, C } = article();
    const graph = toGraph(C, { grads: 'compute' });
    graph.setNodeAttribute(valueKey(w.id), 'highlight', 'mismatch');
    const frame = stepFrame(graph, stepTrace(C), 1);
    expect(frame.getNodeAttribute(valueKey(w.id), 'highlight')).toBe('mismatch');
    expect(gradOf(graph, w)).toBeCloseTo(2.1, 12);
    expect(graph.getNodeAttribute(valueKey(C.id), 'highlight')).toBeUndefined();
  });

  it('works with constants hidden', () => {
    const { w, C } = article();
    const trace = stepTrace(C);
    const frame = stepFrame(toGraph(C, { grads: 'compute', constants: false }), trace, trace.steps.length);
    expect(gradOf(frame, w)).toBeCloseTo(2.1, 12);
  });

  it('rejects positions outside the pass with the valid range', () => {
    const { C } = article();
    const graph = toGraph(C, { grads: 'compute' });
    expect(() => stepFrame(graph, stepTrace(C), 4)).toThrow(
      new VizError('@chainrule/viz/stepFrame: position 4 is outside the backward pass. Pass an integer from 0 to 3.'),
    );
    expect(() => stepFrame(graph, stepTrace(C), 0.5)).toThrow(VizError);
  });
});
