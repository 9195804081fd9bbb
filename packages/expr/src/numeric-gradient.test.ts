// numericGradient against closed forms.
import { numericGradient } from './numeric-gradient';

describe('numericGradient', () => {
  it('estimates the partials of x^2*y and of the article cost', () => {
    const g = numericGradient('x^2 * y', { x: 3, y: 2 });
    expect(g.x).toBeCloseTo(12, 6);
    expect(g.y).toBeCloseTo(9, 6);
    expect(numericGradient('a = i*w; C = (a - y)^2', { i: 1.5, w: 0.8, y: 0.5 }).w).toBeCloseTo(2.1, 6);
  });
});
