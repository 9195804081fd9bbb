// renderPng against Chromium: the same SVG drawn by resvg (renderPng) and by Chromium (as an image)
// has the same size and nearly the same pixels, so the fonts the drawings name are found by both.
import fs from 'fs';
import path from 'path';
import { renderPng } from './render-png';
import { renderSvg } from './render-svg';
import { plotDescent } from './plot-descent';
import { plotLoss } from './plot-loss';
import { article } from './test-support/article';
import { ARTIFACTS_DIR, describeInBrowser, launchBrowser, type BrowserSession } from './test-support/browser';

interface Comparison {
  width: number;
  height: number;
  pngWidth: number;
  pngHeight: number;
  /** Share of pixels whose largest channel difference exceeds 96 of 255. */
  farOff: number;
  /** Mean absolute channel difference, 0-255. */
  meanDiff: number;
  /** Chromium's rendering, as a PNG data URL. */
  chromiumPng: string;
}

/** Draws the SVG (as Chromium renders it) and the PNG into canvases in a page and compares them. */
async function compare(session: BrowserSession, svg: string, png: Buffer): Promise<Comparison> {
  const page = await session.context.newPage();
  await page.setContent('<!doctype html><body></body>');
  const result = await page.evaluate(
    async ([svgText, pngBase64]) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error('image did not load'));
          img.src = src;
        });
      const fromSvg = await load('data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svgText))));
      const fromPng = await load('data:image/png;base64,' + pngBase64);
      const pixels = (img: HTMLImageElement, w: number, h: number) => {
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0, w, h);
        return { data: ctx.getImageData(0, 0, w, h).data, url: canvas.toDataURL('image/png') };
      };
      const w = fromSvg.naturalWidth;
      const h = fromSvg.naturalHeight;
      const chromium = pixels(fromSvg, w, h);
      const a = chromium.data;
      const b = pixels(fromPng, w, h).data;
      let far = 0;
      let sum = 0;
      for (let i = 0; i < a.length; i += 4) {
        let worst = 0;
        for (let c = 0; c < 3; c++) {
          const d = Math.abs(a[i + c] - b[i + c]);
          sum += d;
          worst = Math.max(worst, d);
        }
        if (worst > 96) far++;
      }
      return {
        width: w,
        height: h,
        pngWidth: fromPng.naturalWidth,
        pngHeight: fromPng.naturalHeight,
        farOff: far / (w * h),
        meanDiff: sum / (3 * w * h),
        chromiumPng: chromium.url,
      };
    },
    [svg, png.toString('base64')] as const,
  );
  await page.close();
  return result;
}

describeInBrowser('renderPng looks like the SVG in Chromium', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await launchBrowser();
  }, 60_000);
  afterAll(async () => session?.close());

  const { C } = article();
  C.backward();
  test.each([
    ['the article graph', renderSvg(C, { title: 'C = (i·w − y)² after backward' }), 0.003],
    [
      'the article graph, top to bottom, dark',
      renderSvg(C, { direction: 'TB', theme: 'dark', edgeLabels: 'both' }),
      0.003,
    ],
    // Its subscripts (w₀) are in DejaVu Sans only: Chromium takes that face for the subscript glyph
    // alone, resvg for the whole line, so those lines shift by a few pixels.
    ['the descent plot', plotDescent(), 0.015],
    ['a loss plot', plotLoss([0.49, 0.148, 0.045, 0.0136, 0.004]), 0.003],
  ])(
    '%s: same size, close pixels',
    async (name, svg, farOffLimit) => {
      const png = renderPng(svg);
      fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS_DIR, `png-${name.replace(/\W+/g, '-')}.png`), png);
      const c = await compare(session, svg, png);
      const chromiumFile = path.join(ARTIFACTS_DIR, `png-${name.replace(/\W+/g, '-')}-chromium.png`);
      fs.writeFileSync(chromiumFile, Buffer.from(c.chromiumPng.split(',')[1], 'base64'));
      expect([c.pngWidth, c.pngHeight]).toEqual([c.width, c.height]);
      // Antialiasing differs between the two renderers; another face (a serif fallback, or the
      // monospace text set proportionally) moves whole words and more than doubles the share.
      expect(c.meanDiff).toBeLessThan(4);
      expect(c.farOff).toBeLessThan(farOffLimit);
    },
    60_000,
  );
});
