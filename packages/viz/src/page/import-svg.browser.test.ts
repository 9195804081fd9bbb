/**
 * importSvg in chromium, on markup renderSvg never writes (defence in depth): scripts, event
 * handlers, foreign content and javascript: links are dropped, text stays text, entities decode,
 * and malformed markup is refused with a clear error.
 */
import path from 'path';
import { buildSync } from 'esbuild';
import type { Page } from 'playwright-core';
import {
  describeInBrowser,
  launchBrowser,
  openLoggedPage,
  type BrowserSession,
  type PageLog,
} from '../test-support/browser';

jest.setTimeout(60_000);

describeInBrowser('importSvg in chromium', () => {
  let session: BrowserSession;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    const script = buildSync({
      entryPoints: [path.join(__dirname, 'import-svg.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'ImportSvg',
      write: false,
    }).outputFiles[0].text;
    session = await launchBrowser();
    ({ page, log } = await openLoggedPage(session));
    await page.setContent('<!doctype html><body><div id="host"></div></body>');
    await page.addScriptTag({ content: script });
  });
  afterAll(async () => {
    await session?.close();
  });

  /** Imports `markup` into #host and returns what the page then holds. */
  const load = (markup: string) =>
    page.evaluate((markup) => {
      const { svg, css } = (window as unknown as { ImportSvg: typeof import('./import-svg') }).ImportSvg.importSvg(
        markup,
      );
      document.getElementById('host')!.replaceChildren(svg);
      const all = Array.from(svg.querySelectorAll('*'));
      return {
        tags: [svg, ...all].map((e) => e.localName),
        handlers: all.filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
        hrefs: all.map((e) => e.getAttribute('href')).filter((h) => h !== null),
        text: svg.textContent,
        css,
        fill: svg.querySelector('rect')?.getAttribute('fill') ?? null,
        pwned: (window as unknown as { pwned?: number }).pwned,
      };
    }, markup);

  it('keeps drawing elements and text, and decodes entities', async () => {
    const result = await load(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><!-- c -->' +
        '<g data-key="v1"><title>a &lt;b&gt; &amp; &#x3c;c&#62; &quot;d&quot;</title><rect fill="#fff" width="1" height="1"/>' +
        '<text>x<tspan>²</tspan></text></g><style>.a { fill: red }</style></svg>',
    );
    expect(result.tags).toEqual(['svg', 'g', 'title', 'rect', 'text', 'tspan']);
    expect(result.text).toBe('a <b> & <c> "d"x²');
    expect(result.css).toBe('.a { fill: red }');
    expect(result.fill).toBe('#fff');
  });

  it('drops scripts, event handlers, foreign content and javascript: links', async () => {
    const result = await load(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="window.pwned=1"><script>window.pwned=2</script>' +
        '<rect onclick="window.pwned=3" width="1" height="1"/><foreignObject><img src="x" onerror="window.pwned=4"/></foreignObject>' +
        '<a href="javascript:window.pwned=5"><text>link</text></a><use href="javascript:alert(1)"/><use href="#ok"/>' +
        '<text>&lt;script&gt;window.pwned=6&lt;/script&gt;</text></svg>',
    );
    expect(result.tags).toEqual(['svg', 'rect', 'use', 'use', 'text']);
    expect(result.handlers).toBe(0);
    expect(result.hrefs).toEqual(['#ok']);
    expect(result.text).toBe('<script>window.pwned=6</script>');
    expect(result.pwned).toBeUndefined();
    expect(log.errors).toEqual([]);
  });

  it('refuses malformed markup with an error that says so', async () => {
    for (const markup of [
      '<svg><g></svg>',
      '<div></div>',
      '<svg><rect width=1/></svg>',
      '<svg></svg><svg></svg>',
      'text only',
    ]) {
      const message = await page.evaluate((markup) => {
        try {
          (window as unknown as { ImportSvg: typeof import('./import-svg') }).ImportSvg.importSvg(markup);
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      }, markup);
      expect(message).toMatch(/^@chainrule\/viz page: renderSvg returned markup the page cannot read/);
    }
  });
});
