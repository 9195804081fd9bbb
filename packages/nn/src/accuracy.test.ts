import { Value } from '@chainrule/core';
import { accuracy } from './accuracy';

describe('accuracy', () => {
  test('signs of scores against -1/+1 labels (a score of exactly 0 counts as negative)', () => {
    expect(accuracy([new Value(0.3), new Value(-2), 0, 5], [1, 1, -1, -1])).toBe(0.5);
  });

  test('argmax of logit rows against class indices', () => {
    expect(
      accuracy(
        [
          [0.1, 0.9, 0.2],
          [new Value(3), new Value(1), new Value(2)],
        ],
        [1, 2],
      ),
    ).toBe(0.5);
  });

  test('mismatched lengths are rejected', () => {
    expect(() => accuracy([1, 2], [1])).toThrow(/@chainrule\/nn\/accuracy: expected equally long non-empty arrays/);
  });
});
