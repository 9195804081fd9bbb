/**
 * Hostile and broken input to the public functions of @chainrule/viz, as a table: wrong types,
 * non-finite numbers and forged or oversized JSON each end in an error that starts with the
 * function's name. (fromJSON's field-by-field validation has its own table in from-json.test.ts.)
 */
import { Value } from '@chainrule/core';
import { fromJSON } from './from-json';
import { groupGraph } from './group-graph';
import { layoutLayered } from './layout-layered';
import { plotDecisionBoundary } from './plot-decision-boundary';
import { plotDescent } from './plot-descent';
import { plotLoss } from './plot-loss';
import { renderHtml } from './render-html';
import { renderSteps } from './render-steps';
import { renderSvg } from './render-svg';
import { stepFrame } from './step-frame';
import { stepTrace } from './step-trace';
import { toDot } from './to-dot';
import { toGexf } from './to-gexf';
import { toGraph } from './to-graph';
import { toGraphml } from './to-graphml';
import { toJSON } from './to-json';
import { parseXmlStrict } from './test-support/parse-xml';
import { toMermaid } from './to-mermaid';

/* eslint-disable @typescript-eslint/no-explicit-any -- the point is to pass what the types forbid */
const bad = (x: unknown): any => x;
const small = (): Value => new Value(2, 'x').mul(3);
const doc = (nodes: unknown[], extra: object = {}) => ({
  format: 'chainrule-graph',
  version: 1,
  root: 1,
  nodes,
  ...extra,
});
const leaf = { id: 1, op: '', label: 'x', data: 1, grad: 0, inputs: [] };

/** [call, pattern the error message must match (it must start with the function's name)]. */
const cases: [string, () => unknown, RegExp][] = [
  ['toGraph of a number', () => toGraph(bad(3)), /^@chainrule\/viz\/toGraph: /],
  ['toGraph of null', () => toGraph(bad(null)), /^@chainrule\/viz\/toGraph: /],
  ['toJSON of a string', () => toJSON(bad('x')), /^@chainrule\/viz\/toJSON: /],
  [
    'toJSON of a NaN value',
    () => toJSON(new Value(0, 'x').log().mul(NaN)),
    /^@chainrule\/viz\/toJSON: .*(NaN|-Infinity)/,
  ],
  ['renderSvg of undefined', () => renderSvg(bad(undefined)), /^@chainrule\/viz\/renderSvg: /],
  [
    'renderSvg with maxNodes NaN',
    () => renderSvg(small(), { maxNodes: NaN }),
    /^@chainrule\/viz\/renderSvg: options\.maxNodes must be a positive number, got the number NaN/,
  ],
  [
    'renderSvg with an unknown theme',
    () => renderSvg(small(), bad({ theme: 'neon' })),
    /^@chainrule\/viz\/renderSvg: /,
  ],
  ['renderHtml of an object', () => renderHtml(bad({})), /^@chainrule\/viz\/renderHtml: expected a Value as the root/],
  [
    'renderHtml with an unknown theme',
    () => renderHtml(small(), bad({ theme: 'blue' })),
    /^@chainrule\/viz\/renderHtml: /,
  ],
  ['renderSteps of a number', () => renderSteps(bad(1)), /^@chainrule\/viz\/renderSteps: /],
  [
    'stepTrace of a string (checked by core)',
    () => stepTrace(bad('x')),
    /^@chainrule\/core\/backwardSteps: expected a Value, got the string "x"/,
  ],
  ['stepFrame of null', () => stepFrame(bad(null), bad(null), 0), /^@chainrule\/viz\/stepFrame: /],
  ['toDot of an array', () => toDot(bad([])), /^@chainrule\/viz\/toDot: /],
  ['toMermaid of a number', () => toMermaid(bad(1)), /^@chainrule\/viz\/toMermaid: /],
  ['toGexf of null', () => toGexf(bad(null)), /^@chainrule\/viz\/toGexf: /],
  ['toGraphml of a string', () => toGraphml(bad('graph')), /^@chainrule\/viz\/toGraphml: /],
  [
    'toGraphml with maxValues 0',
    () => toGraphml(small(), { maxValues: 0 }),
    /^@chainrule\/viz\/toGraphml: options.maxValues must be a positive number/,
  ],
  ['groupGraph of a Value (not a graph)', () => groupGraph(bad(small())), /^@chainrule\/viz\/groupGraph: /],
  ['layoutLayered of a number', () => layoutLayered(bad(7), bad(undefined)), /^@chainrule\/viz\/layoutLayered: /],
  ['plotLoss of a string', () => plotLoss(bad('loss')), /^@chainrule\/viz\/plotLoss: /],
  ['plotDescent with options a string', () => plotDescent(bad('fast')), /^@chainrule\/viz\/plotDescent: /],
  [
    'plotDecisionBoundary of nothing',
    () => plotDecisionBoundary(bad(null), bad(null)),
    /^@chainrule\/viz\/plotDecisionBoundary: /,
  ],
  ['fromJSON of a number', () => fromJSON(42), /^@chainrule\/viz\/fromJSON: expected a chainrule-graph document/],
  [
    'fromJSON of truncated JSON text',
    () => fromJSON('{"format": "chainrule-graph", "nodes": [{'),
    /^@chainrule\/viz\/fromJSON: .*not valid JSON/,
  ],
  [
    'fromJSON of JSON nested 100,000 deep',
    () => fromJSON('['.repeat(100_000) + ']'.repeat(100_000)),
    /^@chainrule\/viz\/fromJSON: /,
  ],
  [
    'fromJSON of a number out of range (1e400)',
    () => fromJSON(JSON.stringify(doc([leaf])).replace('"data":1', '"data":1e400')),
    /^@chainrule\/viz\/fromJSON: node 1: data is Infinity/,
  ],
  [
    'fromJSON of version 2',
    () => fromJSON(doc([leaf], { version: 2 })),
    /^@chainrule\/viz\/fromJSON: unsupported version 2: this version of @chainrule\/viz reads version 1\. /,
  ],
  [
    'fromJSON of a __proto__ op',
    () => fromJSON(doc([leaf, { ...leaf, id: 2, op: '__proto__', inputs: [1] }], { root: 2 })),
    /^@chainrule\/viz\/fromJSON: node 2: unknown op "__proto__"/,
  ],
  [
    'fromJSON of a forged value',
    () => fromJSON(doc([leaf, { ...leaf, id: 2, op: 'exp', data: 3, inputs: [1] }], { root: 2 })),
    /^@chainrule\/viz\/fromJSON: node 2: stored data 3 but exp of its inputs gives 2\.718/,
  ],
  [
    'fromJSON of a cycle',
    () => fromJSON(doc([{ ...leaf, op: 'neg', inputs: [1] }])),
    /^@chainrule\/viz\/fromJSON: node 1 is on a cycle/,
  ],
  [
    'fromJSON over maxNodes',
    () => fromJSON(doc([leaf]), { maxNodes: 0 }),
    /^@chainrule\/viz\/fromJSON: .*over the limit of 0/,
  ],
  [
    'fromJSON of a label over maxLabelLength',
    () => fromJSON(doc([{ ...leaf, label: 'x'.repeat(10_001) }])),
    /^@chainrule\/viz\/fromJSON: node 1: the label has 10001 characters/,
  ],
];

describe('hostile input to @chainrule/viz: an error naming the function', () => {
  it.each(cases)('%s', (_name, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(message);
    expect(thrown).not.toBeInstanceOf(SyntaxError); // JSON.parse's own error is wrapped
  });

  it('NaN and infinite losses are the documented gap in plotLoss, reported in the picture', () => {
    const svg = plotLoss([1, NaN, 0.5, Infinity, 0.2]);
    expect(parseXmlStrict(svg, 'image/svg+xml').documentElement.tagName).toBe('svg');
    expect(svg).toMatch(/NaN|not finite|non-finite/i);
  });
});
