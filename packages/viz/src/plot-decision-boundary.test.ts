import { plotDecisionBoundary } from './plot-decision-boundary';
import { axisScales, byClass, parsePlot, pathPoints, texts } from './test-support/read-plot';

/** Ten points on a grid, labelled by the side of the line x2 = x1 they are on, two of them wrongly. */
function points() {
  const out: { x: number; y: number; label: number }[] = [];
  for (let k = 0; k < 10; k++) {
    const x = -0.9 + 0.2 * k;
    const y = k % 2 ? x + 0.3 : x - 0.3;
    out.push({ x, y, label: y > x ? 1 : -1 });
  }
  out[0].label = -out[0].label;
  out[1].label = -out[1].label;
  return out;
}

describe('plotDecisionBoundary', () => {
  it('draws the boundary where score = 0, in data coordinates read from the axes', () => {
    const score = (a: number, b: number) => b - a - 0.2;
    const doc = parsePlot(
      plotDecisionBoundary(score, points(), { xDomain: [-1, 1], yDomain: [-1, 1], resolution: 60 }),
    );
    const { x, y } = axisScales(doc);
    const boundary = pathPoints(byClass(doc, 'boundary')[0].getAttribute('d')!);
    expect(boundary.length).toBeGreaterThan(10);
    let inside = 0;
    for (const [px, py] of boundary) {
      const a = invert(x, px);
      const b = invert(y, py);
      if (Math.abs(a) > 1 || Math.abs(b) > 1) continue; // clipped: the extra ring of cells outside the plot
      inside++;
      // Marching squares interpolates linearly, so a linear score's boundary is exact up to pixel rounding.
      expect(Math.abs(b - a - 0.2)).toBeLessThan(1e-3);
    }
    expect(inside).toBeGreaterThan(50);
  });

  it('counts and rings the misclassified points and names the classes from the labels', () => {
    const doc = parsePlot(plotDecisionBoundary((a, b) => b - a, points()));
    expect(byClass(doc, 'misclassified')).toHaveLength(2);
    expect(texts(doc)).toEqual(
      expect.arrayContaining(['accuracy 80.0% on 10 points (2 misclassified)', 'class −1', 'class 1', 'misclassified']),
    );
  });

  it('takes a dataset { X, y } with 0/1 labels and a probability threshold', () => {
    const data = {
      X: [
        [0, 0],
        [1, 1],
        [0, 1],
      ],
      y: [0, 1, 1],
    };
    const sigmoid = (a: number, b: number) => 1 / (1 + Math.exp(-(4 * (a + b) - 2)));
    const doc = parsePlot(plotDecisionBoundary(sigmoid, data, { threshold: 0.5, theme: 'dark' }));
    expect(texts(doc)).toEqual(
      expect.arrayContaining(['accuracy 100.0% on 3 points (0 misclassified)', 'class 0', 'boundary: score = 0.5']),
    );
  });

  it('escapes class names and titles', () => {
    const doc = parsePlot(
      plotDecisionBoundary((a) => a, points(), { classNames: ['<svg onload="x">', "'&'"], title: '</svg>' }),
    );
    expect(doc.getElementsByTagName('svg')).toHaveLength(1);
    expect(texts(doc)).toEqual(expect.arrayContaining(['<svg onload="x">', "'&'", '</svg>']));
  });

  it.each([
    [
      'a score that is not a function',
      () => plotDecisionBoundary(3 as unknown as () => number, []),
      /score must be a function/,
    ],
    [
      'a NaN score',
      () => plotDecisionBoundary(() => NaN, points()),
      /score\(.+, .+\) returned the number NaN; a finite number is needed/,
    ],
    [
      'X and y of different lengths',
      () => plotDecisionBoundary((a) => a, { X: [[0, 0]], y: [] }),
      /X has 1 rows but y has 0 labels/,
    ],
    ['a 3-D point', () => plotDecisionBoundary((a) => a, { X: [[0, 0, 0]], y: [1] }), /X\[0\] must be a pair/],
    [
      'a non-finite coordinate',
      () => plotDecisionBoundary((a) => a, [{ x: Infinity, y: 0, label: 1 }]),
      /point 0 has x = the number Infinity/,
    ],
    [
      'a bad resolution',
      () => plotDecisionBoundary((a) => a, points(), { resolution: 5000 }),
      /options.resolution must be an integer from 10 to 400/,
    ],
  ])('rejects %s', (_name, call, message) => {
    expect(call).toThrow(message);
  });
});

function invert(scale: (v: number) => number, pixel: number): number {
  const p0 = scale(0);
  const p1 = scale(1);
  return (pixel - p0) / (p1 - p0);
}
