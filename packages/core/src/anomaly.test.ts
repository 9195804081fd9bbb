/**
 * Anomaly mode: the first non-finite forward value or gradient raises an AnomalyError naming the
 * node (id, op, label) and its inputs' values; with the mode off, IEEE results as in PyTorch.
 */
import { AnomalyError, detectAnomaly, setAnomalyMode } from './anomaly';
import { Value } from './value';

function thrown(fn: () => unknown): AnomalyError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AnomalyError);
    return error as AnomalyError;
  }
  throw new Error('expected an AnomalyError');
}

describe('forward values', () => {
  test('log(-1) names the log node and its input', () => {
    const x = new Value(-1, 'x');
    const error = thrown(() => detectAnomaly(() => x.log()));
    expect(error.message).toMatch(
      new RegExp(
        `^@chainrule/core: anomaly: forward value of #${x.id + 1} log is NaN \\(inputs: #${x.id} leaf "x" = -1\\)`,
      ),
    );
    expect(error.node.op).toBe('log');
  });

  test('sqrt(-1)', () => {
    const error = thrown(() => detectAnomaly(() => new Value(-1, 'u').sqrt()));
    expect(error.message).toMatch(/forward value of #\d+ sqrt is NaN \(inputs: #\d+ leaf "u" = -1\)/);
  });

  test('0/0, with a labelled node and a number operand', () => {
    const error = thrown(() =>
      detectAnomaly(() => {
        const z = new Value(0, 'z').mul(1);
        z.label = 'zero';
        return z.div(0);
      }),
    );
    expect(error.message).toMatch(/forward value of #\d+ div is NaN \(inputs: #\d+ mul "zero" = 0, #\d+ const = 0\)/);
  });

  test('1/0 is reported as +Inf', () => {
    expect(thrown(() => detectAnomaly(() => new Value(1).div(0))).message).toMatch(/div is \+Inf/);
  });
});

test('a backward that produces Inf: sqrt at 0', () => {
  const x = new Value(0, 'x');
  const y = x.sqrt().mul(2);
  y.label = 'y';
  const error = thrown(() => detectAnomaly(() => y.backward()));
  expect(error.message).toMatch(
    new RegExp(
      `gradient flowing from #${y.inputs[0].id} sqrt into its input 0 \\(#${x.id} leaf "x"\\) is \\+Inf; upstream grad 2, inputs: #${x.id} leaf "x" = 0`,
    ),
  );
  expect(error.node).toBe(y.inputs[0]);
});

test('off: IEEE semantics, nothing thrown', () => {
  expect(new Value(-1).log().data).toBeNaN();
  expect(new Value(-1).sqrt().data).toBeNaN();
  expect(new Value(0).div(0).data).toBeNaN();
  expect(new Value(1).div(0).data).toBe(Infinity);
  const x = new Value(0);
  x.sqrt().backward();
  expect(x.grad).toBe(Infinity);
});

test('setAnomalyMode returns the previous setting; detectAnomaly restores it after a throw', () => {
  expect(setAnomalyMode(true)).toBe(false);
  expect(setAnomalyMode(false)).toBe(true);
  expect(() => detectAnomaly(() => new Value(-1).log())).toThrow(AnomalyError);
  expect(new Value(-1).log().data).toBeNaN();
});

test('a non-finite leaf created in anomaly mode is reported', () => {
  expect(thrown(() => detectAnomaly(() => new Value(NaN, 'bad'))).message).toMatch(
    /leaf #\d+ leaf "bad" was created with value NaN/,
  );
});
