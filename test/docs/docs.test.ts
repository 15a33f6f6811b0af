/**
 * `npm run docs` builds a Redoc page that works offline: rendered in headless Chromium, it shows
 * every operation of openapi.yaml and sends no request off the machine.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { PROBLEM_SLUGS, problemAnchor } from '../../src/contract/problems.js';
import { HTTP_METHODS, loadSpec } from '../../src/openapi.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../support/browser.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGE = join(ROOT, 'docs', 'index.html');
const LOCAL_SCHEMES = ['file:', 'data:', 'blob:', 'about:'];

const spec = loadSpec();
const operations = Object.values(spec.paths).flatMap((item) =>
  HTTP_METHODS.flatMap((method) => {
    const op = item[method] as { summary: string; tags: string[] } | undefined;
    return op ? [{ summary: op.summary, tag: op.tags[0] ?? '' }] : [];
  }),
);
const isLocal = (url: string) => LOCAL_SCHEMES.includes(new URL(url).protocol);
const browserMissing = !existsSync(CHROMIUM);

/** Without Chromium a browser test fails saying so, or is skipped with that reason on request. */
function needsBrowser(ctx: TestContext) {
  if (!browserMissing) return;
  const why = `${CHROMIUM} is missing; install it with \`apt-get install -y chromium\``;
  if (process.env.SKIP_BROWSER_TESTS === '1') ctx.skip(`browser test did not run: ${why}`);
  throw new Error(`browser test did not run: ${why} (or set SKIP_BROWSER_TESTS=1 to skip it)`);
}

describe('the Redoc page (npm run docs)', () => {
  const attempted: string[] = [];
  const blockedByCsp = new Set<string>();
  const reachedNetwork: string[] = [];
  const pageErrors: string[] = [];
  let userDataDir = '';
  let context: BrowserContext | undefined;
  let page: Page;

  beforeAll(async () => {
    await promisify(execFile)('npm', ['run', 'docs'], { cwd: ROOT, timeout: 120_000 });
    if (browserMissing) return;
    userDataDir = await mkdtemp(join(tmpdir(), 'docs-chromium-'));
    // Playwright refuses --user-data-dir in args: a persistent context takes the fresh dir.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    context.on('request', (request) => attempted.push(request.url()));
    context.on('requestfailed', (request) => {
      if (request.failure()?.errorText === 'csp') blockedByCsp.add(request.url());
    });
    // A non-local request that gets this far would leave the machine: record it, stop it here.
    await context.route(
      (url) => !LOCAL_SCHEMES.includes(url.protocol),
      (route) => {
        reachedNetwork.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('websocket', (ws) => reachedNetwork.push(ws.url()));
    await page.goto(pathToFileURL(PAGE).href, { waitUntil: 'load' });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  it('builds docs/index.html', () => {
    expect(existsSync(PAGE)).toBe(true);
  });

  it.for(operations)('shows the operation $summary under $tag', async ({ summary, tag }, ctx) => {
    needsBrowser(ctx);
    const sidebar = page.locator('[data-component-name="Menu/MenuItem"]');
    const entry = sidebar.getByText(summary, { exact: true });
    if (!(await entry.isVisible())) await sidebar.getByText(tag, { exact: true }).click();

    await entry.click();

    // Redoc renders the first operation a click reaches lazily, behind every section above it.
    await expect
      .poll(() => page.getByRole('heading', { name: summary }).isVisible(), { timeout: 10_000 })
      .toBe(true);
  });

  it.for(PROBLEM_SLUGS)(
    'has the entry a problem `type` links to: #section/problem-types/%s',
    async (slug, ctx) => {
      needsBrowser(ctx);
      await page.goto(`${pathToFileURL(PAGE).href}#${problemAnchor(slug)}`, { waitUntil: 'load' });

      const entry = page.locator(`[id="${problemAnchor(slug)}"]`);

      await expect.poll(() => entry.isVisible()).toBe(true);
      expect(await entry.textContent()).toContain(slug);
    },
  );

  it('sends no request off the machine (the page’s CSP stops the Redoc logo)', (ctx) => {
    needsBrowser(ctx);
    expect(attempted.filter(isLocal).length).toBeGreaterThan(0);
    expect(reachedNetwork).toEqual([]);
    expect(attempted.filter((url) => !isLocal(url) && !blockedByCsp.has(url))).toEqual([]);
  });

  it('runs its scripts without errors', (ctx) => {
    needsBrowser(ctx);
    expect(pageErrors).toEqual([]);
  });
});
