// watchDivergence: growth past the factor over the lowest loss so far, and non-finite losses.
import { watchDivergence } from './divergence';

test('growth past the factor over the lowest loss so far (not over the first) diverges', () => {
  const watch = watchDivergence(10);
  expect([5, 1, 9.9, 0.5].map((loss, k) => watch.check(k + 1, loss))).toEqual([null, null, null, null]);
  expect(watch.check(5, 5.01)).toEqual({
    step: 5,
    loss: 5.01,
    reason: 'the loss grew to 5.01 at step 5, more than 10 × the lowest so far (0.5 at step 4)',
  });
});

test.each([NaN, Infinity])('a loss of %s diverges at once', (loss) => {
  expect(watchDivergence(1e300).check(1, loss)?.reason).toBe(`the loss is ${loss} at step 1`);
});
