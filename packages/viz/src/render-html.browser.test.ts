/**
 * The explorer page in a real browser (Debian's chromium through playwright-core): loaded from
 * file://, it makes no request and logs no error, steps to the engine's gradients, explains the
 * chain rule on hover, keeps hostile labels as text and enforces its CSP. Screenshots go to
 * test-artifacts/.
 */
import type { Page } from 'playwright-core';
import { Value } from '@chainrule/core';
import { formatNumber } from './page/format-number';
import { renderHtml, type RenderHtmlOptions } from './render-html';
import { valueKey } from './to-graph';
import {
  describeInBrowser,
  launchBrowser,
  openLoggedPage,
  saveScreenshot,
  writeTempPage,
  type BrowserSession,
  type PageLog,
} from './test-support/browser';
import { article } from './test-support/article';

jest.setTimeout(60_000);

/** A small neuron with a fan-out input: tanh(x1*w1 + x2*w2 + b) * x1. */
function neuron() {
  const x1 = new Value(2, 'x1');
  const x2 = new Value(0, 'x2');
  const w1 = new Value(-3, 'w1');
  const w2 = new Value(1, 'w2');
  const b = new Value(6.8813735870195432, 'b');
  const n = x1.mul(w1).add(x2.mul(w2)).add(b);
  n.label = 'n';
  const o = n.tanh();
  o.label = 'o';
  const L = o.mul(x1);
  L.label = 'L';
  return { x1, x2, w1, w2, b, n, o, L };
}

describeInBrowser('renderHtml in chromium', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await launchBrowser();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function open(root: Value, options: RenderHtmlOptions = {}): Promise<{ page: Page; log: PageLog }> {
    const opened = await openLoggedPage(session);
    await opened.page.goto(writeTempPage(renderHtml(root, options)));
    await opened.page.waitForSelector('#scene [data-key]');
    return opened;
  }

  const position = (page: Page) => page.evaluate(() => Number(document.body.dataset.position));
  const fact = (page: Page, name: string) => page.textContent(`#details dd[data-fact="${name}"]`);
  const chain = (page: Page) => page.$$eval('#chain div', (lines) => lines.map((line) => line.textContent));
  const nodeSelector = (v: Value) => `#scene [data-key="${valueKey(v.id)}"]`;

  function expectOffline(log: PageLog): void {
    expect(log.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(log.errors).toEqual([]);
  }

  it("steps through the article's backward pass to the engine's gradients, offline and without errors", async () => {
    const { i, w, y, a, C } = article();
    const update = 'update: w ← w − 0.1 × 2.1 = 0.59';
    const { page, log } = await open(C, {
      title: 'a = i·w, C = (a − y)²',
      parameters: [w],
      captions: [null, null, null, update],
    });
    expect(await position(page)).toBe(0);
    await page.click(nodeSelector(w));
    expect(await fact(page, 'gradient')).toBe('not computed yet');
    await saveScreenshot(page, 'explorer-article-start');

    let presses = 0;
    while (!(await page.isDisabled('#next'))) {
      await page.keyboard.press('ArrowRight');
      presses++;
    }
    expect(presses).toBe(3);
    expect(await page.textContent('#step-label')).toBe('step 3 / 3');
    expect(await page.textContent('#step-text .caption')).toBe(update);

    C.backward();
    for (const v of [i, w, y, a, C]) {
      await page.click(nodeSelector(v));
      expect(Number(await fact(page, 'gradient'))).toBeCloseTo(v.grad, 5);
      expect(await fact(page, 'gradient')).toBe(formatNumber(v.grad));
    }
    expect(w.grad).toBeCloseTo(2 * (1.5 * 0.8 - 0.5) * 1.5, 12); // the article's dC/dw = 2(a - y)·i = 2.1
    await saveScreenshot(page, 'explorer-article-end');
    expectOffline(log);
    await page.close();
  });

  it('shows the chain rule with numbers for the hovered node', async () => {
    const { w, C } = article();
    const { page, log } = await open(C, { start: 'end' });
    await page.hover(nodeSelector(w));
    expect(await page.textContent('#details h3')).toContain('w');
    expect(await chain(page)).toEqual(['∂C/∂w = ∂C/∂a × ∂a/∂w', '= 1.4 × 1.5', '= 2.1']);
    await saveScreenshot(page, 'explorer-article-hover');
    await page.keyboard.press('Home');
    await page.hover(nodeSelector(w));
    expect((await chain(page))[1]).toBe('= ? × 1.5');
    expectOffline(log);
    await page.close();
  });

  it('sums the uses of a fan-out node, step by step, with buttons and the slider', async () => {
    const { x1, L } = neuron();
    const { page, log } = await open(L);
    const count = Number(await page.getAttribute('#slider', 'max'));
    await page.fill('#slider', String(count - 1));
    expect(await position(page)).toBe(count - 1);
    await page.click('#next');
    await page.hover(nodeSelector(x1));
    L.backward();
    const lines = await chain(page);
    expect(lines[0]).toBe('∂L/∂x1 = Σ over its 2 uses of upstream × local');
    expect(lines.at(-1)).toMatch(new RegExp(`= ${formatNumber(x1.grad)}$`));
    await saveScreenshot(page, 'explorer-neuron-end');
    await page.click('#prev');
    expect(await position(page)).toBe(count - 1);
    await page.click('#reset');
    expect(await position(page)).toBe(0);
    expectOffline(log);
    await page.close();
  });

  it('plays with space and the play button, and stops at the end', async () => {
    const { C } = article();
    const { page, log } = await open(C, { playInterval: 40 });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.body.dataset.position === '3');
    await page.waitForFunction(() => document.getElementById('play')!.getAttribute('aria-pressed') === 'false');
    await page.keyboard.press('ArrowLeft');
    expect(await position(page)).toBe(2);
    await page.click('#play');
    await page.waitForFunction(() => document.body.dataset.position === '3');
    await page.click('#play');
    await page.keyboard.press('Home'); // a move by hand pauses
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    expect(await position(page)).toBe(0);
    expectOffline(log);
    await page.close();

    // Space on a focused button plays or pauses once; it does not also press the button.
    const slow = await open(C, { playInterval: 10_000 });
    await slow.page.click('#next');
    await slow.page.keyboard.press('Space');
    expect(await position(slow.page)).toBe(1);
    expect(await slow.page.getAttribute('#play', 'aria-pressed')).toBe('true');
    await slow.page.keyboard.press('Space');
    expect(await slow.page.getAttribute('#play', 'aria-pressed')).toBe('false');
    expect(await position(slow.page)).toBe(1);
    expectOffline(slow.log);
    await slow.page.close();
  });

  it('isolates a bidi override in a label, so the numbers beside it keep their order', async () => {
    const w = new Value(1.5, 'w\u202e');
    const out = w.mul(new Value(2, 'k')).tanh();
    const { page } = await open(out, { start: 'end' });
    await page.click(nodeSelector(w));
    const title = await page.textContent('#details h3');
    expect(title).toContain('\u2068w\u202e\u2069');
    const lines = (await chain(page)).join('\n');
    expect(lines.replaceAll('\u2068w\u202e\u2069', '')).not.toContain('\u202e');
    // Laid out by the browser: after the isolate, "× k" still reads left to right (an override
    // reaching past the label would draw k before ×).
    const [times, k] = await page.evaluate(() => {
      const text = document.querySelector('#chain div')!.firstChild!;
      const content = text.textContent!;
      const x = (index: number) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
      };
      const at = content.indexOf('× k');
      return [x(at), x(at + 2)];
    });
    expect(times).toBeLessThan(k);
  });

  it('keeps hostile labels as text and blocks any script it did not ship (CSP)', async () => {
    const evil = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>';
    const x = new Value(1.5, evil);
    const out = x.mul(new Value(2, '" onmouseover="window.pwned=3')).tanh();
    const { page, log } = await open(out, { title: evil });
    await page.click('#next');
    await page.hover(nodeSelector(x));
    expect(await page.textContent('#details h3')).toContain(evil);
    expect(await page.title()).toBe(evil);
    expect(await page.$$eval('#scene text', (texts) => texts.map((t) => t.textContent).join(' '))).toContain(
      '<img src=x',
    );
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe, object, foreignObject').length)).toBe(0);
    expect(await page.evaluate(() => document.scripts.length)).toBe(2);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expectOffline(log);

    const injected = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.pwned = 4';
      document.body.append(script);
      return (window as unknown as { pwned?: number }).pwned;
    });
    expect(injected).toBeUndefined();
    expect(log.errors.join('\n')).toMatch(/Content Security Policy/);
    await page.close();
  });

  it('highlights anomalies and mismatches, explained in the details panel', async () => {
    const { w, C } = article();
    const { page, log } = await open(C, {
      start: 'end',
      highlights: [{ value: w, highlight: 'mismatch', note: 'manual dC/dw = 1.05, autograd 2.1' }],
    });
    await page.hover(nodeSelector(w));
    expect(await page.textContent('#details .note')).toContain('manual dC/dw = 1.05');
    await saveScreenshot(page, 'explorer-mismatch');
    await page.close();

    const x = new Value(0, 'x');
    const bad = x.log().mul(3);
    bad.label = 'bad';
    const anomaly = await open(bad, { start: 'end' });
    await anomaly.page.hover(nodeSelector(bad));
    expect(await anomaly.page.textContent('#details .note')).toContain('not a finite number');
    expect(await fact(anomaly.page, 'value')).toBe('-Inf');
    await saveScreenshot(anomaly.page, 'explorer-anomaly');
    expectOffline(anomaly.log);
    expectOffline(log);
    await anomaly.page.close();
  });

  it('pans, zooms and fits the graph back to the window; switches to dark', async () => {
    const { L } = neuron();
    const { page, log } = await open(L, { theme: 'dark', start: 'end' });
    const transform = () => page.getAttribute('#scene', 'transform');
    const fitted = await transform();
    await page.mouse.move(400, 400);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(
      (before) => document.getElementById('scene')!.getAttribute('transform') !== before,
      fitted,
    );
    await page.click('#fit');
    expect(await transform()).toBe(fitted);
    expect(await page.evaluate(() => document.body.classList.contains('dark'))).toBe(true);
    await saveScreenshot(page, 'explorer-neuron-dark');
    await page.click('#theme');
    expect(await page.evaluate(() => document.body.classList.contains('dark'))).toBe(false);
    const aspect = () =>
      page.evaluate(() => {
        const drawing = document.getElementById('drawing')!;
        return Number(drawing.getAttribute('width')) / Number(drawing.getAttribute('height'));
      });
    const before = await aspect();
    await page.keyboard.press('l');
    const after = await aspect();
    expect(Math.sign(before - 1)).not.toBe(Math.sign(after - 1)); // wide <-> tall
    await saveScreenshot(page, 'explorer-neuron-other-layout');
    expectOffline(log);
    await page.close();
  });
});
