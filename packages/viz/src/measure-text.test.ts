import { monoWidth, sansWidth } from './measure-text';

test('monospace width is 0.6 em per code point (astral characters count once)', () => {
  expect(monoWidth('2.1000', 10)).toBeCloseTo(36, 9);
  expect(monoWidth('𝑥1', 10)).toBeCloseTo(12, 9);
});

test('sans width grows with text and with bold, and wide letters take more room than narrow ones', () => {
  expect(sansWidth('', 12)).toBe(0);
  expect(sansWidth('mmmm', 12)).toBeGreaterThan(sansWidth('iiii', 12) * 2);
  expect(sansWidth('weight', 12, true)).toBeGreaterThan(sansWidth('weight', 12));
});
