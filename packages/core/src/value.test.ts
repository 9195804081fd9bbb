/**
 * Value and backward(): fan-out, PyTorch's gradient semantics (leaves accumulate, intermediates are
 * recomputed, constants get nothing), overflow-safe ops, and the errors raised for bad input.
 */
import { spawnSync } from 'child_process';
import path from 'path';
import { OPS } from './ops';
import { BLOCK_SIZE } from './fast/node-store';
import { applyOp, constant, dot, hasGradients, sum, Value } from './value';

describe('fan-out', () => {
  test('x*x has two edges and d/dx = 2x', () => {
    const x = new Value(3, 'x');
    const y = x.mul(x);
    expect(y.inputs).toEqual([x, x]);
    y.backward();
    expect(x.grad).toBe(6);
  });

  test('b = a + a; c = b + b gives dc/da = 4 and dc/db = 2', () => {
    const a = new Value(1.5, 'a');
    const b = a.add(a);
    const c = b.add(b);
    c.backward();
    expect(c.data).toBe(6);
    expect(b.grad).toBe(2);
    expect(a.grad).toBe(4);
  });
});

describe('gradient semantics', () => {
  function graph() {
    const x = new Value(2, 'x');
    const w = new Value(-3, 'w');
    const h = x.mul(w).tanh();
    const out = h.mul(h).add(x);
    return { x, w, h, out };
  }

  test('a second backward leaves intermediate grads unchanged and doubles leaf grads', () => {
    const { x, w, h, out } = graph();
    out.backward();
    const first = { x: x.grad, w: w.grad, h: h.grad, out: out.grad };
    out.backward();
    expect(h.grad).toBe(first.h);
    expect(out.grad).toBe(1);
    expect(x.grad).toBe(2 * first.x);
    expect(w.grad).toBe(2 * first.w);
  });

  test('zeroGrad clears the whole graph below the node', () => {
    const { x, w, h, out } = graph();
    out.backward();
    out.zeroGrad();
    expect([x.grad, w.grad, h.grad, out.grad]).toEqual([0, 0, 0, 0]);
  });

  test('leaf gradients accumulate across outputs until zeroed', () => {
    const x = new Value(2, 'x');
    x.mul(3).backward();
    x.square().backward();
    expect(x.grad).toBe(3 + 4);
  });

  test('constants never receive a gradient; number operands appear as constant inputs', () => {
    const x = new Value(2, 'x');
    const y = x.mul(5);
    y.backward();
    const five = y.inputs[1];
    expect(five.isConstant).toBe(true);
    expect(five.data).toBe(5);
    expect(five.grad).toBe(0);
    expect(y.inputs[1]).toBe(five);
    const k = constant(4);
    k.mul(x).backward();
    expect(k.grad).toBe(0);
    expect(x.grad).toBe(5 + 4);
  });

  test('backward on a leaf seeds it with 1; on a constant does nothing', () => {
    const x = new Value(1);
    x.backward();
    expect(x.grad).toBe(1);
    const k = constant(1);
    k.backward();
    expect(k.grad).toBe(0);
  });

  test('op names, leaves and ids', () => {
    const a = new Value(1);
    const b = a.exp();
    expect([a.op, b.op, constant(1).op]).toEqual(['', 'exp', 'const']);
    expect(a.isLeaf && !b.isLeaf).toBe(true);
    expect(b.id).toBeGreaterThan(a.id);
  });

  test('ids increase in creation order across leaves, constants and ops (they sit in different blocks)', () => {
    const created: Value[] = [];
    let x = new Value(1, 'x0');
    created.push(x);
    for (let i = 1; i < 3 * BLOCK_SIZE; i++) {
      // Alternate new leaves and ops so both kinds of block fill up and roll over.
      x = i % 3 === 0 ? x.add(new Value(i)) : i % 3 === 1 ? x.mul(constant(1.5)) : x.tanh();
      created.push(x);
    }
    const ids = created.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
    created.slice(1).forEach((v, i) => expect(v.inputs[0]).toBe(created[i])); // the same objects, not copies
  });

  test('toString names the label, data and grad', () => {
    const w = new Value(0.8, 'w');
    expect(w.toString()).toBe('Value(label="w", data=0.8, grad=0)');
    expect(w.mul(2).toString()).toBe('Value(data=1.6, grad=0)');
  });
});

describe('numerically safe ops', () => {
  test('tanh(1000) = 1 with gradient 0; tanh(-1000) = -1', () => {
    const x = new Value(1000);
    const y = x.tanh();
    y.backward();
    expect(y.data).toBe(1);
    expect(x.grad).toBe(0);
    expect(new Value(-1000).tanh().data).toBe(-1);
  });

  test('sigmoid(±1000) is finite with a finite gradient', () => {
    for (const z of [1000, -1000]) {
      const x = new Value(z);
      const y = x.sigmoid();
      y.backward();
      expect(y.data).toBe(z > 0 ? 1 : 0);
      expect(x.grad).toBe(0);
    }
    const x = new Value(-30);
    expect(x.sigmoid().data).toBeCloseTo(Math.exp(-30), 25);
  });

  test('exp(1000) is +Inf as in IEEE, not NaN', () => {
    expect(new Value(1000).exp().data).toBe(Infinity);
  });

  test('pow: x^0 has derivative 0 at 0; Value exponents receive d/db = out·ln(a)', () => {
    const x = new Value(0);
    x.pow(0).backward();
    expect(x.grad).toBe(0);
    const a = new Value(2);
    const b = new Value(3);
    a.pow(b).backward();
    expect(a.grad).toBe(12);
    expect(b.grad).toBeCloseTo(8 * Math.log(2), 14);
    expect(new Value(-8).pow(1 / 3).data).toBeNaN();
  });

  test('relu and abs take derivative 0 at 0', () => {
    const x = new Value(0);
    x.relu().backward();
    x.abs().backward();
    expect(x.grad).toBe(0);
  });
});

describe('bad input says what was passed and what is accepted', () => {
  test('constructor', () => {
    expect(() => new Value('1' as unknown as number)).toThrow(
      '@chainrule/core/Value: data must be a number, got the string "1".',
    );
    expect(() => new Value(1, 2 as unknown as string)).toThrow('label must be a string, got the number 2');
  });

  test('ops', () => {
    const x = new Value(1);
    expect(() => x.add('2' as unknown as number)).toThrow(
      '@chainrule/core/Value.add: expected a Value or a number, got the string "2".',
    );
    expect(() => x.mul(null as unknown as number)).toThrow('Value.mul: expected a Value or a number, got null');
    expect(() => x.pow({} as unknown as number)).toThrow('Value.pow: expected a Value or a number, got an object');
  });

  test('sum', () => {
    expect(() => sum(3 as unknown as number[])).toThrow(
      '@chainrule/core/sum: expected an array of Values or numbers, got the number 3',
    );
    expect(() => sum([new Value(1), 'x' as unknown as number])).toThrow(
      '@chainrule/core/sum: expected a Value or a number, got the string "x"',
    );
  });

  test('applyOp with a malformed custom row', () => {
    const x = new Value(1);
    expect(() => applyOp({ name: 'twice', arity: 3 } as never, [x])).toThrow(
      'the row "twice" has arity the number 3; accepted: 1, 2 or "n"',
    );
    expect(() => applyOp({ name: 'twice', arity: 1, forward: (a: number) => 2 * a } as never, [x])).toThrow(
      'the row "twice" has no function "derivative"',
    );
    expect(() => applyOp(OPS.mul, [x])).toThrow('the row "mul" takes 2 input(s), got 1');
    expect(() => applyOp('mul' as never, [x, x])).toThrow('expected an op-table row such as OPS.mul');
  });
});

test('sum is one n-ary node over Values and numbers', () => {
  const a = new Value(1);
  const b = new Value(2);
  const s = sum([a, b, 3, a]);
  expect(s.data).toBe(7);
  expect(s.inputs.length).toBe(4);
  s.backward();
  expect(a.grad).toBe(2);
  expect(b.grad).toBe(1);
});

test('sum keeps its own list of inputs: changing the array given to it later changes nothing', () => {
  const a = new Value(1);
  const b = new Value(2);
  const terms: Array<Value | number> = [a, 3, b];
  const s = sum(terms);
  terms[0] = b;
  terms.push(a);
  expect(s.inputs.map((v) => v.data)).toEqual([1, 3, 2]);
  expect(s.inputs[0]).toBe(a);
  s.backward();
  expect([a.grad, b.grad]).toEqual([1, 1]);
  expect(sum([]).data).toBe(0);
  const holey = new Array<Value>(3);
  holey[0] = a;
  holey[2] = b;
  expect(() => sum(holey)).toThrow('expected a Value or a number, got undefined');
  class Terms extends Array<Value> {}
  const fromSubclass = sum(Terms.from([a, b]));
  expect(fromSubclass.inputs.constructor).toBe(Array);
});

test("every op method's node holds its own row's forward, whatever node was made just before", () => {
  // The methods hand a node's number to the constructor through one shared cell (opData): a method
  // that forgot to fill it would store the number of the node made before it.
  const x = new Value(0.3, 'x');
  const y = new Value(0.7, 'y');
  const methods = Object.keys(OPS).filter((name) => name !== 'sum' && name !== 'dot');
  expect(methods).toHaveLength(18);
  for (const name of methods) {
    const row = OPS[name as keyof typeof OPS];
    new Value(123.25).mul(4); // a decoy node with another number
    const viaMethod =
      row.arity === 2
        ? (x as unknown as Record<string, (o: Value | number) => Value>)[name](y)
        : (x as unknown as Record<string, () => Value>)[name]();
    const expected = row.arity === 2 ? row.forward(0.3, 0.7) : row.arity === 1 ? row.forward(0.3) : NaN;
    expect([name, viaMethod.op, viaMethod.data]).toEqual([name, name, expected]);
    new Value(-5.5).tanh(); // another decoy, before the same op through applyOp
    expect([name, applyOp(row, row.arity === 2 ? [x, 0.7] : [x]).data]).toEqual([name, expected]);
  }
  new Value(9).neg();
  expect(sum([x, y, 0.25]).data).toBe(0.3 + 0.7 + 0.25);
  new Value(9).neg();
  expect(dot([x, y], [0.5, 2], 0.25).data).toBe(0.25 + 0.3 * 0.5 + 0.7 * 2);
});

test('optimized engine code survives a full collection between graphs, when no Value of the program is alive', () => {
  // In a fresh process: build and drop graphs, collect everything, build again. V8 drops an object
  // shape that no live object has; without the engine's own long-lived Value, every full collection
  // here threw away the code optimized for Values ("weak objects" deoptimizations of mul, backward, ...).
  const script = `
    const { Value } = require(${JSON.stringify(path.join(__dirname, 'value.ts'))});
    const firstId = new Value(1).id;
    function graphs() {
      for (let t = 0; t < 200; t++) {
        const w = new Value(0.8, 'w');
        for (let k = 0; k < 100; k++) w.mul(1.5).sub(0.5).pow(2).backward();
      }
    }
    for (let round = 0; round < 8; round++) { graphs(); gc(); }
    console.log('first id', firstId);
  `;
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--trace-deopt', '-r', 'ts-node/register/transpile-only', '-e', script],
    { encoding: 'utf8', cwd: path.join(__dirname, '..'), maxBuffer: 64 << 20 },
  );
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('first id 1'); // the keeper takes id 0: a program's Values count from 1
  const engine = /SharedFunctionInfo (mul|sub|pow|backward|propagate|reach|reachZero|send|isListed|lowestOpUnder)>/;
  const dropped = run.stdout.split('\n').filter((line) => line.includes('reason: weak objects') && engine.test(line));
  expect(dropped).toEqual([]);
});

describe('named(label): a label set as the graph is built', () => {
  test('sets the label and returns the node itself, so calls chain', () => {
    const i = new Value(1.5, 'i');
    const w = new Value(0.8, 'w');
    const a = i.mul(w).named('a');
    const C = a.sub(0.5).pow(2).named('C');
    expect([a.label, C.label, C.inputs[0].inputs[0]]).toEqual(['a', 'C', a]);
  });

  test('refuses a label that is not a string', () => {
    expect(() => new Value(1).named(5 as never)).toThrow(
      '@chainrule/core/Value.named: expected a string, got the number 5.',
    );
  });
});

test('hasGradients: after backward() and after zeroGrad(), not before', () => {
  const x = new Value(2, 'x');
  const y = x.square();
  expect(hasGradients(y)).toBe(false);
  y.backward();
  expect(hasGradients(y)).toBe(true);
  const z = x.mul(3);
  z.zeroGrad();
  expect(hasGradients(z)).toBe(true);
});
