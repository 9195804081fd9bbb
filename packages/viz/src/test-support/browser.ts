/**
 * Test helpers for real-browser tests: launch Debian's chromium through playwright-core with a
 * fresh profile and no background traffic, record every request and console error of a page, and
 * save screenshots under test-artifacts/ at the repository root.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian installs chromium (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and other artifacts of the browser tests (gitignored). */
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../../../test-artifacts');

/** True when chromium is installed; browser tests skip (with a message) when it is not. */
export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** `describe` when chromium is installed, else `describe.skip` after saying why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium()) {
    describe(name, body);
    return;
  }
  console.warn(
    `SKIPPED "${name}": chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`,
  );
  describe.skip(name, body);
}

/** A running browser with a fresh profile; `close()` removes the profile. */
export interface BrowserSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless chromium with a fresh user-data-dir. */
export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<BrowserSession> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a page did while a test drove it. */
export interface PageLog {
  /** Every URL the page requested. */
  requests: string[];
  /** Console messages of type 'error' and uncaught page errors. */
  errors: string[];
}

/** Opens a new page that records its requests and errors. */
export async function openLoggedPage(session: BrowserSession): Promise<{ page: Page; log: PageLog }> {
  const page = await session.context.newPage();
  const log: PageLog = { requests: [], errors: [] };
  page.on('request', (request) => log.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(message.text());
  });
  page.on('pageerror', (error) => log.errors.push(String(error)));
  return { page, log };
}

/** Saves a screenshot as test-artifacts/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Writes `html` to a fresh temporary file and returns its file:// URL. */
export function writeTempPage(html: string, name = 'page.html'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chainrule-page-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  return `file://${file}`;
}
