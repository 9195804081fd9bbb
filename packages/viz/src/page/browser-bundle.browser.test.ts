/**
 * The ESM browser bundle (core + viz) and the example page examples/browser/ in chromium: the
 * bundle is built from sources with the same esbuild settings as `npm run build` and served, with
 * the example's files, from a fake origin routed inside the browser (nothing touches the network).
 */
import fs from 'fs';
import path from 'path';
import { buildSync } from 'esbuild';
import {
  describeInBrowser,
  launchBrowser,
  openLoggedPage,
  saveScreenshot,
  type BrowserSession,
} from '../test-support/browser';
import { esmBundleOptions } from './bundle-config';

jest.setTimeout(60_000);

const ORIGIN = 'http://chainrule.test';
const REPO = path.resolve(__dirname, '../../../..');
const BUNDLE_PATH = '/packages/viz/dist/browser/chainrule.mjs';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' };

describeInBrowser('ESM browser bundle in chromium', () => {
  let session: BrowserSession;
  let bundle: string;

  beforeAll(async () => {
    bundle = buildSync({ ...esmBundleOptions, write: false, sourcemap: false }).outputFiles[0].text;
    session = await launchBrowser({ width: 1100, height: 800 });
    await session.context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === BUNDLE_PATH) return route.fulfill({ body: bundle, contentType: 'text/javascript' });
      const file = path.join(REPO, path.normalize(url.pathname));
      if (!file.startsWith(REPO) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({ path: file, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
    });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs the example page: the article numbers, w = 0.8 -> 0.59 -> 0.4745, and a drawn graph', async () => {
    const { page, log } = await openLoggedPage(session);
    await page.goto(`${ORIGIN}/examples/browser/index.html`);
    await page.waitForSelector('#graph svg');
    expect(await page.textContent('#grad')).toBe((2 * (1.5 * 0.8 - 0.5) * 1.5).toFixed(6)); // dC/dw = 2(a - y)·i
    await page.click('#step');
    expect(await page.textContent('#w-value')).toBe('0.590000');
    await page.click('#step');
    expect(await page.textContent('#w-value')).toBe('0.474500');
    await page.click('#step');
    expect(await page.textContent('#w-value')).toBe('0.410975');
    expect(await page.$$eval('#graph svg text', (texts) => texts.map((t) => t.textContent).join(' '))).toContain('w');
    await saveScreenshot(page, 'example-browser-bundle');
    expect(log.requests.filter((url) => !url.startsWith(ORIGIN))).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  });

  it('exports core and viz to a module script: backward, backwardSteps, toGraph, renderSvg, renderSteps', async () => {
    const { page, log } = await openLoggedPage(session);
    await page.goto(`${ORIGIN}/examples/browser/index.html`);
    const result = await page.evaluate(async (url) => {
      const m = await import(url);
      const x = new m.Value(3, 'x');
      const z = x.mul(x).add(x);
      z.backward();
      return {
        grad: x.grad,
        steps: m.backwardSteps(z).steps.length,
        nodes: m.toGraph(z).order,
        svg: m.renderSvg(z).slice(0, 4),
        frames: m.renderSteps(z).length,
      };
    }, `${ORIGIN}${BUNDLE_PATH}`);
    expect(result).toEqual({ grad: 2 * 3 + 1, steps: 2, nodes: 5, svg: '<svg', frames: 2 });
    expect(log.errors).toEqual([]);
    await page.close();
  });
});
