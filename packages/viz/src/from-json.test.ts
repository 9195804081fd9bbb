import fc from 'fast-check';
import { PROPERTY_SEED } from '../../core/src/test-support/figures';
import { Value, sum, trace } from '@chainrule/core';
import { fromJSON } from './from-json';
import type { GraphDocument } from './graph-document';
import { renderSvg } from './render-svg';
import { toDot } from './to-dot';
import { toJSON } from './to-json';
import { VizError } from './viz-error';
import { article } from './test-support/article';

describe('fromJSON round trip', () => {
  it('toJSON -> fromJSON -> toJSON is the identity, through JSON text too', () => {
    const { C } = article();
    C.backward();
    const doc = toJSON(C);
    expect(toJSON(fromJSON(doc).root)).toEqual(doc);
    expect(toJSON(fromJSON(JSON.stringify(doc)).root)).toEqual(doc);
  });

  it('rebuilds a live graph that backpropagates to the same gradients', () => {
    const { C } = article();
    const { root, nodes } = fromJSON(toJSON(C));
    expect(root.grad).toBe(0);
    root.backward();
    const w = [...nodes.values()].find((v) => v.label === 'w')!;
    expect(w.grad).toBeCloseTo(2.1, 12);
    w.data -= 0.1 * w.grad; // the article's first step
    expect(w.data).toBeCloseTo(0.59, 12);
    const i = [...nodes.values()].find((v) => v.label === 'i')!;
    expect(i.grad).toBeCloseTo(2 * (1.5 * 0.8 - 0.5) * 0.8, 12);
  });

  it("re-runs on new leaf data with core's trace: the article's second step", () => {
    const { C } = article();
    const { root, nodes } = fromJSON(toJSON(C));
    const w = [...nodes.values()].find((v) => v.label === 'w')!;
    const tape = trace(root);
    w.data = 0.59;
    expect(tape.forward()).toBeCloseTo((1.5 * 0.59 - 0.5) ** 2, 12); // 0.148225
    tape.sync();
    root.zeroGrad();
    root.backward();
    expect(w.grad).toBeCloseTo(1.155, 12);
  });

  it('draws an imported graph with the grads it was saved with', () => {
    const { C } = article();
    C.backward();
    const { root } = fromJSON(JSON.stringify(toJSON(C)));
    expect(toDot(root)).toMatch(/<b>w<\/b>.*data 0\.8.*grad 2\.1/);
    expect(renderSvg(root)).toContain('2.1');
  });

  it('keeps x*x as two edges to one node (d/dx x² = 2x)', () => {
    const x = new Value(3, 'x');
    const { root, nodes } = fromJSON(toJSON(x.mul(x)));
    root.backward();
    expect(nodes.get(1)!.grad).toBe(6);
    expect(root.inputs[0]).toBe(root.inputs[1]);
  });

  it('accepts nodes in any order and any unique ids', () => {
    const doc: GraphDocument = {
      format: 'chainrule-graph',
      version: 1,
      root: 40,
      nodes: [
        { id: 40, op: 'tanh', label: 'out', data: Math.tanh(0.5), grad: 0, inputs: [7] },
        { id: 7, op: 'sum', label: '', data: 0.5, grad: 0, inputs: [3, 9] },
        { id: 9, op: 'const', label: '', data: 0.25, grad: 0, inputs: [] },
        { id: 3, op: '', label: 'x', data: 0.25, grad: 0, inputs: [] },
      ],
    };
    const { root, nodes } = fromJSON(doc);
    root.backward();
    expect(nodes.get(3)!.grad).toBeCloseTo(1 - Math.tanh(0.5) ** 2, 14);
    expect(nodes.get(9)!.isConstant).toBe(true);
  });

  it('round-trips random graphs exactly, and the rebuilt graph backpropagates to the same gradients', () => {
    // A program: leaves, then ops over earlier nodes (numbers become constants); big values are squashed by tanh.
    const step = fc.record({
      op: fc.constantFrom('add', 'sub', 'mul', 'div1', 'tanh', 'sigmoid', 'sin', 'exp', 'neg', 'sum', 'pow2', 'const'),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
      k: fc.double({ min: -2, max: 2, noNaN: true }),
    });
    const program = fc.record({
      leaves: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
      steps: fc.array(step, { maxLength: 25 }),
    });
    fc.assert(
      fc.property(program, ({ leaves, steps }) => {
        const nodes: Value[] = leaves.map((x, k) => new Value(x, `x${k}`));
        const pick = (n: number) => nodes[n % nodes.length];
        for (const s of steps) {
          let v: Value;
          if (s.op === 'add') v = pick(s.a).add(pick(s.b));
          else if (s.op === 'sub') v = pick(s.a).sub(s.k);
          else if (s.op === 'mul') v = pick(s.a).mul(pick(s.b));
          else if (s.op === 'div1') v = pick(s.a).div(pick(s.b).square().add(1));
          else if (s.op === 'sum') v = sum([pick(s.a), pick(s.b), pick(s.c), s.k]);
          else if (s.op === 'pow2') v = pick(s.a).pow(2);
          else if (s.op === 'const') v = pick(s.a).mul(s.k);
          else v = pick(s.a)[s.op]();
          if (!(Math.abs(v.data) < 50)) v = v.tanh(); // keeps every value, local gradient and grad finite
          nodes.push(v);
        }
        const root = nodes[nodes.length - 1];
        root.backward();
        const doc = toJSON(root);
        const rebuilt = fromJSON(JSON.parse(JSON.stringify(doc)));
        expect(toJSON(rebuilt.root)).toEqual(doc);
        rebuilt.root.zeroGrad();
        rebuilt.root.backward();
        expect(toJSON(rebuilt.root)).toEqual(doc); // backward on the rebuilt graph gives the saved grads
      }),
      { seed: PROPERTY_SEED, numRuns: 150 },
    );
  });

  it('round-trips a chain of a million nodes without overflowing the stack', () => {
    let v = new Value(0.5, 'x0');
    for (let k = 0; k < 1_000_000; k++) v = v.neg();
    const doc = toJSON(v);
    expect(doc.nodes).toHaveLength(1_000_001);
    const { root } = fromJSON(doc); // (JSON text goes through the same checks: see the identity test)
    expect(root.data).toBe(0.5);
    expect(toJSON(root).nodes[1_000_000]).toEqual(doc.nodes[1_000_000]);
  }, 180_000);
});

describe('fromJSON validation', () => {
  const leaf = (id: number, extra: object = {}) => ({ id, op: '', label: '', data: 1, grad: 0, inputs: [], ...extra });
  const document = (nodes: unknown[], root = nodes.length ? (nodes[nodes.length - 1] as { id: number }).id : 1) => ({
    format: 'chainrule-graph',
    version: 1,
    root,
    nodes,
  });

  const cases: Array<[string, unknown, RegExp, number | undefined]> = [
    ['not an object', 42, /expected a chainrule-graph document \(an object\), got the number 42/, undefined],
    ['invalid JSON text', '{"format":', /not valid JSON/, undefined],
    ['unknown format', { ...document([leaf(1)]), format: 'dot' }, /unknown format the string "dot"/, undefined],
    [
      'unknown version',
      { ...document([leaf(1)]), version: 2 },
      /: unsupported version 2: this version of @chainrule\/viz reads version 1\. Re-export the graph with toJSON of this version\.$/,
      undefined,
    ],
    [
      'version of wrong type',
      { ...document([leaf(1)]), version: '1' },
      /: version must be a number, got the string "1": this version of @chainrule\/viz reads version 1\. Re-export/,
      undefined,
    ],
    ['root not an id', { ...document([leaf(1)]), root: 'a' }, /root must be a node id/, undefined],
    ['nodes not an array', { ...document([]), nodes: {} }, /nodes must be an array/, undefined],
    ['node not an object', document([null], 1), /nodes\[0\] must be an object, got null/, undefined],
    ['fractional id', document([leaf(1.5)], 1), /nodes\[0\].id must be a non-negative integer/, undefined],
    ['label of wrong type', document([leaf(5, { label: 3 })]), /node 5: label must be a string, got the number 3/, 5],
    ['data of wrong type', document([leaf(5, { data: '1' })]), /node 5: data must be a number, got the string "1"/, 5],
    [
      'non-finite data',
      document([leaf(5, { data: Infinity })]),
      /node 5: data is Infinity; documents hold finite numbers only/,
      5,
    ],
    ['NaN grad', document([leaf(5, { grad: NaN })]), /node 5: grad is NaN/, 5],
    ['inputs not an array', document([leaf(5, { inputs: 'x' })]), /node 5: inputs must be an array of ids/, 5],
    [
      'input not an id',
      document([leaf(1), { ...leaf(5), op: 'neg', inputs: [-1] }]),
      /node 5: inputs\[0\] must be a node id, got the number -1/,
      5,
    ],
    [
      'unknown op',
      document([leaf(1), { ...leaf(2), op: 'eval', inputs: [1] }]),
      /node 2: unknown op "eval".*add sub mul/,
      2,
    ],
    [
      'op inherited from Object',
      document([leaf(1), { ...leaf(2), op: 'constructor', inputs: [1] }]),
      /node 2: unknown op "constructor"/,
      2,
    ],
    [
      'wrong arity',
      document([leaf(1), { ...leaf(2), op: 'mul', inputs: [1] }]),
      /node 2: op mul takes 2 inputs, got 1/,
      2,
    ],
    ['leaf with inputs', document([leaf(1), leaf(2, { inputs: [1] })]), /node 2: a leaf takes 0 inputs, got 1/, 2],
    ['duplicate id', document([leaf(3), leaf(3)]), /node 3: the id appears twice \(nodes\[0\] and nodes\[1\]\)/, 3],
    [
      'dangling input',
      document([leaf(1), { ...leaf(2), op: 'neg', inputs: [99] }]),
      /node 2: input 99 is not the id of any node/,
      2,
    ],
    ['dangling root', document([leaf(1)], 8), /root 8 is not the id of any node/, 8],
    [
      'cycle',
      document([leaf(1), { ...leaf(2), op: 'add', inputs: [1, 3] }, { ...leaf(3), op: 'neg', inputs: [2] }]),
      /node (2|3) is on a cycle .*(2 -> 3 -> 2|3 -> 2 -> 3)/,
      undefined,
    ],
    [
      'self loop',
      document([{ ...leaf(4), op: 'neg', inputs: [4] }]),
      /node 4 is on a cycle \(it depends on itself through inputs 4 -> 4\)/,
      4,
    ],
    ['node not under the root', document([leaf(1), leaf(2)], 2), /node 1 is not under root 2/, 1],
    [
      'edited data',
      document([leaf(1, { data: 2 }), { ...leaf(2), op: 'square', data: 5, inputs: [1] }]),
      /node 2: stored data 5 but square of its inputs gives 4/,
      2,
    ],
  ];

  it.each(cases)('rejects %s', (_name, doc, message, nodeId) => {
    let error: unknown;
    try {
      fromJSON(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VizError);
    expect((error as Error).message).toMatch(/^@chainrule\/viz\/fromJSON: /);
    expect((error as Error).message).toMatch(message);
    if (nodeId !== undefined) expect((error as VizError).nodeId).toBe(nodeId);
  });

  it('enforces the documented size limits', () => {
    const doc = document([leaf(1), leaf(2, { op: 'neg', inputs: [1], data: -1 })]);
    expect(() => fromJSON(doc, { maxNodes: 1 })).toThrow(/2 nodes, over the limit of 1\. Raise options.maxNodes/);
    expect(() => fromJSON(doc, { maxEdges: 0 })).toThrow(/node 2: the document has more than 0 input references/);
    expect(() => fromJSON(document([leaf(1, { label: 'x'.repeat(11) })]), { maxLabelLength: 10 })).toThrow(
      /node 1: the label has 11 characters/,
    );
    expect(() => fromJSON(JSON.stringify(doc), { maxTextLength: 10 })).toThrow(/characters, over the limit of 10/);
    expect(() => fromJSON(doc, { maxNodes: -1 })).toThrow(/options.maxNodes must be a non-negative number/);
    expect(fromJSON(doc).root.data).toBe(-1);
  });

  it('detects a cycle in a long chain iteratively', () => {
    const n = 200_000;
    const nodes = [leaf(0)];
    for (let k = 1; k <= n; k++) nodes.push(leaf(k, { op: 'neg', inputs: [k - 1], data: k % 2 ? -1 : 1 }));
    nodes[1] = leaf(1, { op: 'neg', inputs: [n], data: -1 }); // close the loop 1 -> n -> ... -> 1
    expect(() => fromJSON(document(nodes, n))).toThrow(/is on a cycle/);
  });
});
