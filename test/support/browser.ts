/**
 * Debian's Chromium under playwright-core for the browser tests and the web benchmark: headless,
 * no network of its own, every request off 127.0.0.1 recorded and stopped, console errors kept.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless, and none of Chromium's own connections (this machine has no network). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export interface TestBrowser {
  context: BrowserContext;
  /** Requests that would have left the machine (stopped before they did). */
  offMachine: string[];
  /** `console.error` lines and uncaught page errors, from every tab. */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'web-chromium-'));
  // Playwright refuses --user-data-dir in args: a persistent context takes the fresh dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 900, height: 900 },
  });
  const offMachine: string[] = [];
  const consoleErrors: string[] = [];
  await context.route(
    (url) => !LOCAL_SCHEMES.has(url.protocol) && !LOCAL_HOSTS.has(url.hostname),
    (route) => {
      offMachine.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  const watch = (page: import('playwright-core').Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    offMachine,
    consoleErrors,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the web app's list named `name` shows the answer to its current query: the app
 * keeps aria-busy true from the render that changed the query until its page arrives. The
 * renders a click or a select queued run first (one turn of the page's event loop), so a list
 * that was ready before the change is not taken for one that is ready after it. Attached, not
 * visible: an empty list has no height.
 */
export async function listSettled(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await page.locator(`ul[aria-label="${name}"][aria-busy="false"]`).waitFor({ state: 'attached' });
}
