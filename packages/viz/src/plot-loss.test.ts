import { plotLoss } from './plot-loss';
import { axisScales, byClass, parsePlot, pathPoints, texts } from './test-support/read-plot';

const losses = Array.from({ length: 50 }, (_, k) => 2 / (1 + k));

describe('plotLoss', () => {
  it('draws every loss where the axes say, and labels the final loss and accuracy', () => {
    const accuracy = losses.map((_, k) => Math.min(1, 0.5 + k / 60));
    const doc = parsePlot(plotLoss({ loss: losses, accuracy }, { logScale: false }));
    const { x, y } = axisScales(doc);
    const points = pathPoints(byClass(doc, 'loss-curve')[0].getAttribute('d')!);
    expect(points).toHaveLength(50);
    points.forEach(([px, py], k) => {
      expect(px).toBeCloseTo(x(k), 0);
      expect(py).toBeCloseTo(y(losses[k]), 0);
    });
    expect(byClass(doc, 'accuracy-curve')).toHaveLength(1);
    expect(texts(doc)).toEqual(expect.arrayContaining(['loss 0.04', 'accuracy 100.0%', 'accuracy', '100%']));
  });

  it('switches to a log scale when the loss spans decades, and not otherwise', () => {
    const decades = losses.map((v) => v ** 3);
    expect(texts(parsePlot(plotLoss(decades)))).toContain('loss (log scale)');
    expect(texts(parsePlot(plotLoss([1, 0.9, 0.8])))).toContain('loss');
    expect(texts(parsePlot(plotLoss([1, 0.9, 0.8])))).not.toContain('loss (log scale)');
    expect(() => plotLoss([1, 0], { logScale: true })).toThrow(
      /plotLoss: options.logScale is true but some losses are zero or negative/,
    );
  });

  it('leaves gaps for NaN and Infinity and says where the first one is', () => {
    const doc = parsePlot(plotLoss([1, 0.8, NaN, 0.6, Infinity, 0.5]));
    const d = byClass(doc, 'loss-curve')[0].getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(3); // three runs of finite points
    expect(texts(doc)).toContain('2 steps with a non-finite loss (first: step 2, NaN) left as gaps');
  });

  it('thins a long run to at most maxPoints points but keeps its spike', () => {
    const long = Array.from({ length: 100_000 }, (_, k) => (k === 54_321 ? 50 : 1 + Math.sin(k / 1000)));
    const doc = parsePlot(plotLoss(long, { maxPoints: 600, logScale: false }));
    const points = pathPoints(byClass(doc, 'loss-curve')[0].getAttribute('d')!);
    expect(points.length).toBeLessThanOrEqual(600 + 2);
    const { y } = axisScales(doc);
    expect(Math.min(...points.map((p) => p[1]))).toBeCloseTo(y(50), 0);
  });

  it('smooths with an exponential moving average over the raw curve', () => {
    const doc = parsePlot(plotLoss([4, 0, 4, 0], { smoothing: 0.5, logScale: false }));
    const { y } = axisScales(doc);
    const smooth = pathPoints(byClass(doc, 'loss-curve')[0].getAttribute('d')!).map((p) => p[1]);
    [4, 2, 3, 1.5].forEach((v, k) => expect(smooth[k]).toBeCloseTo(y(v), 0));
  });

  it('labels steps with whole numbers only', () => {
    const doc = parsePlot(plotLoss([3, 2, 1]));
    const ticks = Array.from(byClass(doc, 'axes')[0].getElementsByTagName('text'))
      .filter((t) => t.getAttribute('text-anchor') === 'middle' && !t.getAttribute('transform'))
      .map((t) => t.textContent!)
      .filter((t) => t !== 'step');
    expect(ticks).toEqual(['0', '1', '2']);
  });

  it('escapes its labels', () => {
    const doc = parsePlot(plotLoss([1, 2], { title: '<b>"loss"</b>', xLabel: 'epoch & <i>' }));
    expect(doc.getElementsByTagName('b')).toHaveLength(0);
    expect(texts(doc)).toEqual(expect.arrayContaining(['<b>"loss"</b>', 'epoch & <i>']));
  });

  it.each([
    [[], /there are no losses to plot/],
    [
      { loss: [1], accuracy: [95] },
      /accuracy\[0\] is 95; accuracy is a fraction from 0 to 1\. Divide percentages by 100/,
    ],
    [{ loss: ['1'] }, /loss\[0\] must be a finite number, got the string "1"/],
    [42, /expected the losses, got the number 42/],
  ])('rejects %p', (history, message) => {
    expect(() => plotLoss(history as number[])).toThrow(message);
  });
});
