/**
 * svgToPng: screenshots of SVG documents through headless chromium (playwright-core, the system's
 * /usr/bin/chromium), to look at drawings and to write the PNGs under docs/. Returns false when no
 * chromium is installed, so callers can skip PNGs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Writes one PNG per `{ svg, png }` pair (optionally a `clip` of it) at `scale` device pixels per SVG pixel (default 2). */
export async function svgToPng(
  jobs: Array<{ svg: string; png: string; clip?: { x: number; y: number; width: number; height: number } }>,
  scale = 2,
): Promise<boolean> {
  if (!existsSync(CHROMIUM)) return false;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ deviceScaleFactor: scale });
    const page = await context.newPage();
    for (const job of jobs) {
      const width = Number(/width="(\d+)"/.exec(job.svg)?.[1] ?? 800);
      const height = Number(/height="(\d+)"/.exec(job.svg)?.[1] ?? 600);
      await page.setViewportSize({ width: Math.min(width, 8000), height: Math.min(height, 8000) });
      await page.setContent(`<!doctype html><html><body style="margin:0">${job.svg}</body></html>`);
      const clip = job.clip ?? { x: 0, y: 0, width: Math.min(width, 8000), height: Math.min(height, 8000) };
      writeFileSync(job.png, await page.screenshot({ clip }));
    }
  } finally {
    await browser.close();
  }
  return true;
}
