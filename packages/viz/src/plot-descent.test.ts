import { descentSteps, plotDescent } from './plot-descent';
import { axisScales, byClass, parsePlot, pathPoints, texts } from './test-support/read-plot';

describe('descentSteps', () => {
  it("reproduces the article's numbers: dC/dw = 2.1, w = 0.59, 0.4745, 0.410975", () => {
    const steps = descentSteps();
    expect(steps).toHaveLength(7);
    expect(steps[0].gradient).toBeCloseTo(2.1, 12);
    expect(steps[0].cost).toBeCloseTo(0.49, 12);
    expect(steps.slice(0, 4).map((s) => s.w)).toEqual([
      0.8,
      expect.closeTo(0.59, 12),
      expect.closeTo(0.4745, 12),
      expect.closeTo(0.410975, 12),
    ]);
  });

  it('matches the closed form: w_k − y/i = (1 − 2ηi²)^k (w₀ − y/i) and dC/dw = 2i(iw − y)', () => {
    const input = 2;
    const target = 3;
    const rate = 0.05;
    const steps = descentSteps({ input, target, start: -1, learningRate: rate, steps: 20 });
    const minimum = target / input;
    steps.forEach((s, k) => {
      expect(s.w - minimum).toBeCloseTo((1 - 2 * rate * input * input) ** k * (-1 - minimum), 12);
      expect(s.gradient).toBeCloseTo(2 * input * (input * s.w - target), 12);
    });
  });
});

describe('plotDescent', () => {
  it('draws the steps on the cost curve and the minimum at w = 1/3, where the axes say', () => {
    const doc = parsePlot(plotDescent());
    const { x, y } = axisScales(doc);
    const circles = Array.from(byClass(doc, 'descent-steps')[0].getElementsByTagName('circle'));
    expect(circles).toHaveLength(7);
    descentSteps().forEach((s, k) => {
      expect(Number(circles[k].getAttribute('cx'))).toBeCloseTo(x(s.w), 0);
      expect(Number(circles[k].getAttribute('cy'))).toBeCloseTo(y(s.cost), 0);
    });
    // The curve passes through C(w) = (1.5w − 0.5)² at every drawn point.
    for (const [px, py] of pathPoints(byClass(doc, 'cost-curve')[0].getAttribute('d')!)) {
      const wAt = invert(x, px);
      expect(py).toBeCloseTo(y((1.5 * wAt - 0.5) ** 2), 0);
    }
    const [top] = pathPoints(byClass(doc, 'minimum')[0].getAttribute('d')!);
    expect(top[0]).toBeCloseTo(x(1 / 3), 1);
    expect(top[1] + 7).toBeCloseTo(y(0), 1);
    const words = texts(doc);
    expect(words).toContain('minimum w = 1/3');
    expect(words).toEqual(expect.arrayContaining(['0.410975', '2.1', '0.59', '= 0.8 − 0.1·2.1 = 0.59']));
    expect(words.join(' ')).toContain('each step multiplies w − 1/3 by 0.55');
  });

  it('marks given weights, draws a(w) and the target on request, and themes', () => {
    const svg = plotDescent({ ws: [0.8, 0.59], showActivation: true, showTable: false, theme: 'dark' });
    const doc = parsePlot(svg);
    expect(byClass(doc, 'descent-steps')[0].getElementsByTagName('circle')).toHaveLength(2);
    expect(texts(doc)).toContain('target y = 0.5');
    expect(byClass(doc, 'steps-table')).toHaveLength(0);
    expect(svg).toContain('fill="#111827"');
  });

  it('shows the worked step for given weights only when the learning rate explains them', () => {
    const worked = (options: object) =>
      texts(parsePlot(plotDescent(options))).includes('First step, by the chain rule:');
    expect(worked({ ws: [0.8, 0.59, 0.4745], learningRate: 0.1 })).toBe(true);
    expect(worked({ ws: [0.8, 0.5], learningRate: 0.1 })).toBe(false);
    expect(worked({ ws: [0.8, 0.59] })).toBe(false);
    expect(worked({})).toBe(true);
    expect(() => plotDescent({ ws: [0.8], learningRate: -1 })).toThrow(
      /options.learningRate must be a positive number/,
    );
  });

  it('is deterministic, and gives different plots different ids so that they can share a page', () => {
    const a = plotDescent();
    const b = plotDescent({ steps: 3 });
    expect(plotDescent()).toBe(a);
    const clipId = (svg: string) => svg.match(/<clipPath id="([^"]+)"/)![1];
    expect(clipId(a)).not.toBe(clipId(b));
    expect(a).toContain(`clip-path="url(#${clipId(a)})"`);
    expect(a).not.toContain('\u0000');
  });

  it('writes negative numbers readably: minimum −1/2, w + 1/2, factors in parentheses', () => {
    // i = −2, y = 1: w* = y/i = −1/2, factor 1 − 2·0.1·4 = 0.2, dC/dw at 0 = 2·(−2)·(0 − 1) = 4.
    const words = texts(parsePlot(plotDescent({ input: -2, target: 1, start: 0 })));
    expect(words).toEqual(
      expect.arrayContaining(['minimum w = −1/2', '= 2((−2)·0 − 1)·(−2) = 4', '= 0 − 0.1·4 = −0.4']),
    );
    expect(words.join(' ')).toContain('each step multiplies w + 1/2 by 0.2');
  });

  it('keeps a hostile title as text', () => {
    const title = '<script>alert("x")</script>\' onload="y" \u0001 ∂ 😀';
    const doc = parsePlot(plotDescent({ title }));
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(texts(doc)).toContain(title.replace('\u0001', '\uFFFD'));
  });

  it.each([
    [{ input: 0 }, /options.input must be a non-zero number/],
    [{ learningRate: -1 }, /options.learningRate must be a positive number, got the number -1/],
    [{ steps: 2.5 }, /options.steps must be an integer from 0 to 1000/],
    [{ ws: [0.8, NaN] }, /options.ws\[1\] must be a finite number, got the number NaN/],
    [{ ws: [] }, /options.ws must hold 1 to 1001 weights, got 0/],
    [{ domain: [1, 0] as [number, number] }, /options.domain must be \[low, high\]/],
    [{ theme: 'blue' as 'dark' }, /options.theme must be 'light' or 'dark'/],
    [{ width: 10 }, /options.width must be a number of pixels from 200/],
    [{ numberFormat: 'zz' }, /options.numberFormat the string "zz" is not a d3-format specifier/],
  ])('rejects %p', (options, message) => {
    expect(() => plotDescent(options)).toThrow(message);
    expect(() => plotDescent(options)).toThrow(/^@chainrule\/viz\/plotDescent: /);
  });
});

function invert(scale: (v: number) => number, pixel: number): number {
  const p0 = scale(0);
  const p1 = scale(1);
  return (pixel - p0) / (p1 - p0);
}
