/**
 * The web origin's Content-Security-Policy in Debian's Chromium: the local web server sends the
 * policy CloudFront sends (src/web/csp.ts), the app works under it without one violation, an
 * injected inline script is refused, and the Redoc page renders under its own policy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocs, DOCS_PATH, docsAreStale } from '../../src/local/docs.js';
import { SPEC_PATH } from '../../src/openapi.js';
import {
  appContentSecurityPolicy,
  DOCS_CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from '../../src/web/csp.js';
import { launchBrowser, type TestBrowser } from '../support/browser.js';
import { createUser, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let browser: TestBrowser;
let page: Page;
let outDir: string;
/** What the pages' `securitypolicyviolation` events reported. */
const violations: string[] = [];

beforeAll(async () => {
  if (docsAreStale(SPEC_PATH, DOCS_PATH)) await buildDocs(SPEC_PATH, DOCS_PATH);
  outDir = await mkdtemp(join(tmpdir(), 'web-csp-dist-'));
  stack = await startTestStack({ web: { mode: 'built', outDir } });
  browser = await launchBrowser();
  browser.context.setDefaultTimeout(10_000);
  await browser.context.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { reportViolation(v: string): void }).reportViolation;
      report(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await rm(outDir, { recursive: true, force: true });
});

const webUrl = () => stack.webUrl as string;
const appPolicy = () =>
  appContentSecurityPolicy({
    api: new URL(stack.apiUrl).origin,
    cognito: new URL(stack.cognitoEndpoint).origin,
  });

describe('the web origin under its Content-Security-Policy', () => {
  it('sends the app, its assets and config.json with the policy naming this API and Cognito', async () => {
    const html = await fetch(`${webUrl()}/`);
    const script = (await html.clone().text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();

    for (const res of [
      html,
      await fetch(`${webUrl()}${script}`),
      await fetch(`${webUrl()}/config.json`),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(appPolicy());
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers.get(name)).toBe(value);
      }
    }
    expect(appPolicy()).toContain(`connect-src 'self' ${new URL(stack.apiUrl).origin} `);
  });

  it('signs in and adds a task without one violation or console error', async () => {
    const user = await createUser(stack);
    await page.goto(webUrl());
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByLabel('Title').fill('Under the CSP');
    await page.getByRole('button', { name: 'Add task' }).click();
    await page
      .getByRole('list', { name: 'Tasks' })
      .getByRole('heading', { name: 'Under the CSP' })
      .waitFor();

    expect(violations).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });

  it('refuses an injected inline script and reports it', async () => {
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });

    expect(ran).toBe(false);
    await expect.poll(() => violations).toEqual(['script-src-elem inline']);
    violations.length = 0;
    browser.consoleErrors.length = 0;
  });

  it('renders the Redoc page and its search under its own policy', async () => {
    const res = await fetch(`${webUrl()}/docs.html`);
    expect(res.headers.get('content-security-policy')).toBe(DOCS_CONTENT_SECURITY_POLICY);

    await page.goto(`${webUrl()}/docs.html`);
    await page
      .getByRole('heading', { name: /task-api/ })
      .first()
      .waitFor();
    await page.locator('#section\\/problem-types\\/unauthorized').waitFor({ state: 'attached' });
    await page.getByText('Search', { exact: false }).first().click();
    await page.keyboard.type('unauthorized');
    await page.getByText('No token, or one that is invalid', { exact: false }).first().waitFor();

    // What the template's own <meta> policy refuses by design, each reported by both policies:
    // the Redoc logo from its CDN (the page fetches nothing) and the search worker's eval probe
    // (FlexSearch falls back, as the search above shows).
    expect(new Set(violations)).toEqual(
      new Set(['img-src https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'script-src eval']),
    );
    expect(browser.consoleErrors.filter((e) => !e.includes('cdn.redoc.ly'))).toEqual([]);
    expect(browser.offMachine).toEqual([]);
  });
});
