/**
 * Hostile and broken input to the public functions of @chainrule/viz, as tables: wrong types,
 * non-finite numbers and forged or oversized JSON each end in an error that starts with the
 * function's name; graphs that are large in edges rather than Values, colours that are markup,
 * labels of any type, length and script, and option typos. (fromJSON's field-by-field validation
 * has its own table in from-json.test.ts.)
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { sum, Value } from '@chainrule/core';
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
import { isolateBidi } from './label-text';
import { hasGraphviz, runDot } from './test-support/graphviz';
import { VizError } from './viz-error';
import { writeSteps } from './write-steps';
import { xmlSafe } from './xml-escape';

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

/** The sum of one leaf used `n` times: 2 Values, n edges, the shape that slipped past value counts. */
function fanOut(n: number): Value {
  const x = new Value(0.5, 'x');
  return sum(new Array<Value>(n).fill(x));
}

/** Every function that draws or exports a graph, called on `root`. */
const RENDERERS: [string, (root: Value) => unknown][] = [
  ['renderSvg', (root) => renderSvg(root)],
  ['renderSvg ungrouped', (root) => renderSvg(root, { group: 'never' })],
  ['renderHtml', (root) => renderHtml(root)],
  ['renderSteps', (root) => renderSteps(root)],
  ['writeSteps', (root) => writeSteps(root, fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-steps-')))],
  ['toDot', (root) => toDot(root)],
  ['toMermaid', (root) => toMermaid(root)],
  ['toGexf', (root) => toGexf(root)],
  ['toGraphml', (root) => toGraphml(root)],
  ['toJSON', (root) => toJSON(root)],
  ['toGraph', (root) => toGraph(root)],
];

describe('size limits count edges: one leaf used N times', () => {
  const hugeFanOut = fanOut(1_000_001);

  it.each(RENDERERS)('%s refuses (or draws) a 10^6-edge fan-out within 5 s', (_name, render) => {
    const start = Date.now();
    try {
      render(hugeFanOut);
    } catch (error) {
      expect(error).toBeInstanceOf(VizError);
      expect((error as Error).message).toMatch(/1000001 edges .*(over the limit of \d+.*maxEdges: 1000001|maxEdges)/);
    }
    expect(Date.now() - start).toBeLessThan(5000);
  });

  it.each([
    [
      'renderSvg ungrouped',
      () => renderSvg(fanOut(10_000), { group: 'never' }),
      /10000 edges .*more than maxEdges = 5000/,
    ],
    ['renderHtml', () => renderHtml(fanOut(10_000)), /10000 edges .*over the limit of 2400/],
    ['renderSteps', () => renderSteps(fanOut(10_000)), /10000 edges .*over the limit of 600/],
    ['toMermaid', () => toMermaid(fanOut(10_000)), /10000 edges .*maxEdges: 10000/],
  ])('%s refuses a 10^4-edge fan-out, naming maxEdges', (_name, call, message) => {
    expect(call).toThrow(message);
  });

  it('renderSvg draws a 10^4-edge fan-out grouped, its parallel edges merged, quickly', () => {
    const start = Date.now();
    const svg = renderSvg(fanOut(10_000));
    expect(Date.now() - start).toBeLessThan(5000);
    expect(parseXmlStrict(svg, 'image/svg+xml').documentElement.tagName).toBe('svg');
  });

  it('renderSteps and writeSteps refuse a 1,000-op chain at once, with the option that raises it', () => {
    let x = new Value(0.1, 'x');
    for (let k = 0; k < 1000; k++) x = x.mul(1.0001);
    const start = Date.now();
    expect(() => renderSteps(x)).toThrow(
      /2001 Values, over the limit of 300 \(one whole drawing per backward step\).*maxValues: 2001/,
    );
    expect(() => writeSteps(x, os.tmpdir())).toThrow(/over the limit of 300/);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('colours are CSS colour syntax, parsed by d3-color, never markup', () => {
  it.each([
    ['a script in a colour', '"/><script>alert(1)</script><x fill="'],
    ['an attribute break', 'red" onload="alert(1)'],
    ['a url', 'url(javascript:alert(1))'],
    ['a CSS expression', 'expression(alert(1))'],
    ['an empty string', ''],
    ['a number', 5],
  ])('%s is refused', (_name, colour) => {
    expect(() => renderSvg(small(), bad({ colours: { edge: colour } }))).toThrow(
      /^@chainrule\/viz\/renderSvg: options\.colours\.edge must be a CSS colour/,
    );
    expect(() => renderSvg(small(), bad({ colours: { highlight: { mismatch: colour } } }))).toThrow(
      /options\.colours\.highlight\.mismatch must be a CSS colour/,
    );
  });

  it.each(['steelblue', '#abc', '#a1b2c3', '#a1b2c3cc', 'rgb(10, 20, 30)', 'rgba(10,20,30,0.5)', 'hsl(120, 50%, 40%)'])(
    '%s is accepted and drawn',
    (colour) => {
      const svg = renderSvg(small(), { colours: { edge: colour } });
      expect(svg).toContain(colour);
      parseXmlStrict(svg, 'image/svg+xml');
    },
  );
});

/** Labels a user (or a hostile document) may set, each drawn and exported by every format. */
const LABELS: [string, string][] = [
  ['quotes and backslashes', 'a"b\'c\\d\\"'],
  ['markup', '<script>alert(1)</script>&amp;]]>'],
  ['DOT record syntax', '{a|b}<c> -> "d"'],
  ['a line break and a tab', 'first\nsecond\tthird'],
  ['Mermaid syntax', 'x]) --> y(("'],
  ['emoji and astral characters', '𝑤 😀 ∂C/∂w'],
  ['a right-to-left override', 'w\u202e1.5'],
  ['a stray pop isolate', '\u2069\u202eevil'],
  ['10,000 characters (the longest accepted)', 'w'.repeat(9_000) + '😀'.repeat(500)],
  ['10,000 multi-byte characters', 'ж'.repeat(10_000)],
  ['control characters and an unpaired surrogate', 'a\u0000b\u0001c\ud800d'],
];

function labelled(label: string): Value {
  const w = new Value(0.8, label);
  const C = w.mul(1.5).sub(0.5).pow(2);
  C.backward();
  return C;
}

describe('every exporter reads back through its importer or Graphviz, for any accepted label', () => {
  it.each(LABELS)('%s', (_name, label) => {
    const C = labelled(label);
    const shown = isolateBidi(label);
    const back = fromJSON(JSON.parse(JSON.stringify(toJSON(C))));
    expect([...back.nodes.values()].some((v) => v.label === label)).toBe(true);
    if (hasGraphviz()) expect(runDot(toDot(C), 'plain')).toMatch(/^graph /);
    const gexf = parse(MultiDirectedGraph, toGexf(C));
    expect(gexf.someNode((_key, a) => a.name === xmlSafe(shown))).toBe(true);
    const graphml = parseGraphml(MultiDirectedGraph, toGraphml(C));
    expect(graphml.someNode((_key, a) => a.name === xmlSafe(shown))).toBe(true);
    parseXmlStrict(renderSvg(C), 'image/svg+xml');
    expect(toMermaid(C)).toMatch(/^flowchart LR\n/); // no reference parser here: its escaping has its own tests
  });
});

describe('labels that are not text or too long are refused by every renderer and exporter', () => {
  const refusals: [string, unknown, RegExp][] = [
    ['a number', 5, /has a label that is not a string: the number 5\. Set it to text, e\.g\. v\.label = String\(5\)/],
    ['an object', { toString: () => 'x' }, /has a label that is not a string: an object/],
    ['10,001 characters', 'x'.repeat(10_001), /has a label of 10001 characters, over the limit of 10000/],
  ];
  for (const [name, label, message] of refusals) {
    it.each(RENDERERS)(`${name}: %s`, (_renderer, render) => {
      const w = new Value(0.8, 'w');
      const C = w.mul(1.5);
      C.backward();
      (w as { label: unknown }).label = label;
      expect(() => render(C)).toThrow(message);
    });
  }

  it('a graph from toGraph edited to hold a non-string label is refused by the exporters', () => {
    const graph = toGraph(small());
    graph.forEachNode((key, a) => {
      if (a.type === 'value') bad(graph).setNodeAttribute(key, 'label', 7);
    });
    for (const render of [toDot, toMermaid, toGexf, toGraphml, renderSvg] as ((g: unknown) => unknown)[]) {
      expect(() => render(graph)).toThrow(/has a label that is not a string: the number 7/);
    }
  });
});

describe('bidi controls in labels are isolated in every format that shows text', () => {
  const C = labelled('w\u202e1.5');
  const isolated = '\u2068w\u202e1.5\u2069';
  it.each([
    ['renderSvg', () => renderSvg(C)],
    ['renderHtml', () => renderHtml(C)],
    ['toDot', () => toDot(C)],
    ['toMermaid', () => toMermaid(C)],
    ['toGexf', () => toGexf(C)],
    ['toGraphml', () => toGraphml(C)],
    ['renderSteps', () => renderSteps(C).join('')],
  ])('%s', (_name, render) => {
    const text = render();
    const escaped = JSON.stringify(isolated).slice(1, -1); // the page embeds its data as JSON
    expect(text.includes(isolated) || text.includes(escaped)).toBe(true);
    expect(text.replaceAll(isolated, '').replaceAll(escaped, '')).not.toContain('\u202e');
  });

  it('toJSON keeps the label as it is (data, not display)', () => {
    expect(toJSON(C).nodes.some((n) => n.label === 'w\u202e1.5')).toBe(true);
  });
});

describe('options are checked: wrong values and typos', () => {
  it.each([
    [
      'fromJSON dataTolerance -1',
      () => fromJSON(doc([leaf]), { dataTolerance: -1 }),
      /dataTolerance must be a finite number >= 0, got the number -1/,
    ],
    ['fromJSON dataTolerance NaN', () => fromJSON(doc([leaf]), { dataTolerance: NaN }), /got the number NaN/],
    [
      'fromJSON dataTolerance a string',
      () => fromJSON(doc([leaf]), bad({ dataTolerance: '1e-9' })),
      /got the string "1e-9"/,
    ],
    [
      'fromJSON dataTolerance Infinity',
      () => fromJSON(doc([leaf]), { dataTolerance: Infinity }),
      /got the number Infinity/,
    ],
    [
      'fromJSON option typo',
      () => fromJSON(doc([leaf]), bad({ maxNode: 5 })),
      /options\.maxNode is not an option\. Write 'maxNodes'/,
    ],
    ['toJSON option typo', () => toJSON(small(), bad({ id: 'engine' })), /options\.id is not an option\. Write 'ids'/],
    [
      'renderHtml option typo',
      () => renderHtml(small(), bad({ captons: [] })),
      /options\.captons is not an option\. Write 'captions'/,
    ],
    ['renderSvg maxEdges 0', () => renderSvg(small(), { maxEdges: 0 }), /options\.maxEdges must be a positive number/],
    [
      'toDot maxEdges a string',
      () => toDot(small(), bad({ maxEdges: '5' })),
      /options\.maxEdges must be a positive number, got the string "5"/,
    ],
    [
      'writeSteps prefix with a folder',
      () => writeSteps(small(), os.tmpdir(), { prefix: '../evil-' }),
      /options\.prefix must be a file name prefix/,
    ],
    [
      'writeSteps into /proc',
      () => writeSteps(small(), '/proc/chainrule-steps'),
      /cannot create the folder \/proc\/chainrule-steps/,
    ],
    [
      'writeSteps below a file',
      () => writeSteps(small(), '/dev/null/steps'),
      /cannot create the folder \/dev\/null\/steps/,
    ],
  ])('%s', (_name, call, message) => {
    const start = Date.now();
    expect(call).toThrow(message);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('writeSteps writes whole frames and never through a planted link', () => {
  it('replaces a symlink at a frame name, leaves no temporary folder, and keeps the target', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-steps-'));
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    fs.symlinkSync(victim, path.join(dir, 'step-1.svg'));
    const files = writeSteps(small(), dir);
    expect(files.map((f) => path.basename(f))).toEqual(['step-1.svg']);
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.lstatSync(files[0]).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(files[0], 'utf8')).toMatch(/^<svg/);
    expect(fs.readdirSync(dir).sort()).toEqual(['step-1.svg', 'victim.txt']);
  });
});

describe('what was passed is said plainly: never "got a object"', () => {
  it.each([
    ['toDot', () => toDot(bad({}))],
    ['renderSteps', () => renderSteps(bad({}))],
    ['toJSON', () => toJSON(bad({}))],
    ['toGraph', () => toGraph(bad({}))],
    ['plotDescent', () => plotDescent(bad({ ws: {} }))],
    ['renderSvg options', () => renderSvg(small(), bad({ title: {} }))],
  ])('%s', (_name, call) => {
    expect(call).toThrow(/an object|got an? [A-Z]/);
    expect(call).not.toThrow(/a object/);
  });
});
