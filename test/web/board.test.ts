/**
 * The task board in Debian's Chromium against the local stack: a person signs up, confirms,
 * signs in and manages tasks; the browser calls the API and Cognito cross-origin, as on AWS.
 * Screenshots of the main screens go to test/web/output/ (git-ignored).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiClient } from '../../sdk/src/index.js';
import { launchBrowser, listSettled, type TestBrowser } from '../support/browser.js';
import { createUser, signIn, startTestStack, type TestStack } from '../support/stack.js';

const OUT = fileURLToPath(new URL('./output/', import.meta.url));
/** Chromium logs every 4xx as a console error; these are the ones the steps below cause on purpose. */
const EXPECTED_ERRORS = [
  /status of 400 \(Bad Request\)/,
  /status of 412 \(Precondition Failed\)/,
  /net::ERR_INTERNET_DISCONNECTED/,
  /net::ERR_FAILED/,
];

let stack: TestStack;
let browser: TestBrowser;
let page: Page;
let outDir: string;
const email = `board-${randomUUID()}@example.com`;
const password = 'Board-pass-1234';

const tasks = (p: Page = page) => p.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
const task = (title: string, p: Page = page): Locator =>
  tasks(p).filter({ has: p.getByRole('heading', { name: title, exact: true }) });
/** The one task in edit mode (its heading is then "Editing <title>"). */
const editing = (p: Page = page) =>
  tasks(p).filter({ has: p.getByRole('button', { name: 'Save' }) });
const shot = (name: string, fullPage = true) =>
  page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
const settled = (name = 'Tasks', p: Page = page) => listSettled(p, name);
/**
 * Signs `who` in from a fresh page (this tab's session dropped), whatever an earlier test left:
 * a test that fails does not take the next one with it.
 */
async function signInFresh(who: { email: string; password: string }, at = stack.webUrl as string) {
  await page.goto(at);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My tasks' }).waitFor();
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'web-dist-'));
  stack = await startTestStack({ web: { mode: 'built', outDir } });
  browser = await launchBrowser();
  // Under vitest's 30 s, so a missing element fails naming its locator.
  browser.context.setDefaultTimeout(10_000);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await mkdir(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('the task board', () => {
  it('explains the password policy before a sign-up is sent', async () => {
    await page.goto(stack.webUrl as string);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Sign up' }).click();

    const field = page.getByLabel('Password');
    await page.locator('#password[aria-invalid="true"]').waitFor();
    const described = await field.getAttribute('aria-describedby');
    expect(described).toContain('password-error');
    expect(await page.locator('#password-error').textContent()).toBe(
      'The password needs 10 characters, an upper-case letter, a digit.',
    );
    expect(stack.codes.has(email)).toBe(false);
  });

  it('signs up and confirms with the code the local stack prints', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByText(`We sent a confirmation code to ${email}.`).waitFor();

    await page.getByLabel('Confirmation code').fill(stack.codes.get(email) as string);
    await shot('confirm');
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByText('Your account is confirmed. Sign in.').waitFor();
  });

  it('names the app on the sign-in page and marks its fields required', async () => {
    await page.getByText('Task board', { exact: true }).waitFor();
    for (const label of ['Email', 'Password']) {
      const field = page.getByLabel(label);
      expect(await field.getAttribute('aria-required')).toBe('true');
      expect(await field.getAttribute('required')).not.toBeNull();
    }
    await shot('sign-in');
  });

  it('says the same for a wrong password and an unknown account', async () => {
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    for (const who of [email, `nobody-${randomUUID()}@example.com`]) {
      await page.getByLabel('Email').fill(who);
      await page.getByLabel('Password').fill('Wrong-pass-1234');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign in', disabled: false }).waitFor();
      expect(await alert.textContent()).toBe('Incorrect e-mail or password.');
    }
    await page.getByLabel('Email').fill(email);
  });

  it('signs in to an empty board', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    await page.getByText('No tasks here yet.').waitFor();
    expect(await page.getByText(`Signed in as ${email}`).count()).toBe(1);
    expect(await page.getByText('Loading…').count()).toBe(0);
  });

  it("tells the API's refusal in plain words next to the field it names", async () => {
    const title = page.getByLabel('Title');
    expect(await title.getAttribute('aria-required')).toBe('true');
    expect(await title.getAttribute('maxlength')).toBe('200');
    expect(await page.getByLabel('Description').getAttribute('aria-required')).toBeNull();

    for (const typed of ['', '   ']) {
      await title.fill(typed);
      await page.getByRole('button', { name: 'Add task' }).click();
      await page.getByRole('button', { name: 'Add task', disabled: false }).waitFor();

      await page.locator('#new-title-error').waitFor();
      expect(await page.locator('#new-title-error').textContent()).toBe('Title is required');
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      const form = await page.getByRole('form', { name: 'New task' }).textContent();
      expect(form).toContain('Please correct the fields marked below.');
      expect(form).not.toMatch(/must|does not match the contract|\\s/);
    }
    await title.fill('');
  });

  it('adds a task from the keyboard alone', async () => {
    await page.getByLabel('Title').focus();
    await page.keyboard.type('Write the web app');
    await page.keyboard.press('Tab');
    await page.keyboard.type('On the SDK, tested in Chromium');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await task('Write the web app').waitFor();
    expect(await task('Write the web app').textContent()).toContain(
      'On the SDK, tested in Chromium',
    );
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });

  it('keeps what was typed through an offline moment, then creates the task once', async () => {
    await page.getByLabel('Title').fill('Written offline');
    await browser.context.setOffline(true);
    await page.getByRole('button', { name: 'Add task' }).click();

    await page.getByText('Cannot reach the server: you are offline.', { exact: false }).waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('Written offline');

    await browser.context.setOffline(false);
    await page.getByRole('button', { name: 'Add task' }).click();
    await task('Written offline').waitFor();
    expect(await page.getByLabel('Title').inputValue()).toBe('');
  });

  it('edits title, description and status, and says when it was updated', async () => {
    const updated = task('Write the web app').locator('time');
    expect(await updated.textContent()).toMatch(/^Updated (just now|\d+ seconds? ago)$/);
    expect(await updated.getAttribute('title')).toMatch(/\d{4}/);
    const before = await updated.getAttribute('datetime');
    await task('Write the web app').getByRole('button', { name: 'Edit' }).click();
    const item = editing();
    await item.getByLabel('Title').fill('Ship the web app');
    await item.getByLabel('Description').fill('Behind CloudFront');
    await item.getByLabel('Status').selectOption({ label: 'In progress' });
    await item.getByRole('button', { name: 'Save' }).click();

    const saved = task('Ship the web app');
    await saved.waitFor();
    expect(await saved.textContent()).toContain('Behind CloudFront');
    expect(await saved.textContent()).toContain('In progress');
    const after = await saved.locator('time').getAttribute('datetime');
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it('says when a task changed in another tab, shows that version and keeps the draft', async () => {
    const other = await browser.context.newPage();
    await other.goto(stack.webUrl as string);
    // A new tab has its own sessionStorage: its person signs in there too.
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await task('Ship the web app', other).getByRole('button', { name: 'Edit' }).click();
    await editing(other).getByLabel('Title').fill('Renamed in the other tab');
    await editing(other).getByRole('button', { name: 'Save' }).click();
    await task('Renamed in the other tab', other).waitFor();
    await other.close();

    await task('Ship the web app').getByRole('button', { name: 'Edit' }).click();
    const item = editing();
    await item.getByLabel('Title').fill('Renamed here');
    await item.getByRole('button', { name: 'Save' }).click();

    await item.getByText('This task was changed elsewhere.', { exact: false }).waitFor();
    const versions = item.getByRole('table', { name: 'Saved elsewhere, and your changes' });
    const row = async (field: string) =>
      (await versions.getByRole('row', { name: field }).getByRole('cell').allTextContents()).slice(
        -2,
      );
    expect(await row('Title')).toEqual(['Renamed in the other tab', 'Renamed here']);
    expect(await row('Description')).toEqual(['Behind CloudFront', 'Behind CloudFront']);
    expect(await row('Status')).toEqual(['In progress', 'In progress']);
    expect(await item.getByLabel('Title').inputValue()).toBe('Renamed here');
    await shot('conflict');

    await item.getByRole('button', { name: 'Save' }).click();
    await task('Renamed here').waitFor();
  });

  it('marks a task done in one click', async () => {
    await task('Renamed here').getByRole('button', { name: 'Mark done' }).click();

    await task('Renamed here').getByText('Completed', { exact: true }).waitFor();
    expect(await task('Renamed here').getByRole('button', { name: 'Mark done' }).count()).toBe(0);
  });

  it('pages with "Load more" and filters by status', async () => {
    const { idToken } = await signIn(stack, email, password);
    const api = createTaskApiClient({ baseUrl: stack.apiUrl, getToken: () => idToken });
    for (let i = 1; i <= 54; i++) await api.createTask({ title: `Chore ${i}` });
    await page.reload();

    await settled();
    expect(await tasks().count()).toBe(50);
    await task('Chore 54').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await task('Chore 1').waitFor();
    await settled();
    expect(await tasks().count()).toBe(56);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(await tasks().last().textContent()).toContain('Renamed here');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('board', false);

    await page.getByLabel('Show').selectOption({ label: 'Completed' });
    await settled();
    expect(await tasks().count()).toBe(1);
    await task('Renamed here').waitFor();
  });

  it('deletes a task after a confirmation', async () => {
    const item = task('Renamed here');
    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByRole('button', { name: 'Keep it' }).click();
    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByRole('button', { name: 'Yes, delete' }).click();

    await page.getByText('No tasks here yet.').waitFor();
    await page.getByLabel('Show').selectOption({ label: 'All tasks' });
    await task('Chore 54').waitFor();
    expect(await task('Renamed here').count()).toBe(0);
  });

  it("stays signed in across a reload, the refresh token in the tab's sessionStorage only", async () => {
    await page.reload();

    await page.getByRole('heading', { name: 'My tasks' }).waitFor();
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual(['task-board.refresh']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  });

  it('signs out, and stays signed out after a reload', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  });

  it("shows an admin every user's tasks in one status", async () => {
    const admin = await createUser(stack, { admin: true });
    await signInFresh(admin);

    const all = page.getByRole('list', { name: "All users' tasks" }).getByRole('listitem');
    await settled("All users' tasks");
    expect(await all.count()).toBe(50);
    await page
      .getByRole('region', { name: "All users' tasks" })
      .getByRole('button', { name: 'Load more' })
      .click();
    await all.nth(54).waitFor();
    await settled("All users' tasks");
    expect(await all.count()).toBe(55);
    await shot('admin');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('creates an edited draft after a lost answer and a failed retry, under a new key', async () => {
    await signInFresh({ email, password });
    const sent: { key: string; status: number | 'lost' | 'refused' }[] = [];
    // The first create reaches the API, which creates the task, but its answer never reaches the
    // browser; then the network is gone (the SDK's own retries included) until `online`.
    let online = false;
    const isCreate = (url: URL) => url.href === `${stack.apiUrl}/tasks`;
    await page.route(isCreate, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const key = route.request().headers()['idempotency-key'] ?? '';
      if (!online) {
        if (sent.length === 0) await route.fetch();
        sent.push({ key, status: sent.length === 0 ? 'lost' : 'refused' });
        return route.abort('failed');
      }
      const response = await route.fetch();
      sent.push({ key, status: response.status() });
      return route.fulfill({ response });
    });
    const add = page.getByRole('button', { name: 'Add task' });
    const failed = page.getByText('Cannot reach the server.', { exact: false });
    // The SDK retries a lost create with backoff before it gives up: the send is over when the
    // button is enabled again, however long the retries took.
    const given = async () => {
      await page.getByRole('button', { name: 'Add task', disabled: false }).waitFor();
      await failed.waitFor();
    };

    await page.getByLabel('Title').fill('Answer lost');
    await add.click();
    await given();
    const retried = page.waitForRequest((r) => isCreate(new URL(r.url())) && r.method() === 'POST');
    await add.click();
    await retried;
    await given();
    online = true;
    await page.getByLabel('Title').fill('Answer lost, then edited');
    await add.click();

    await task('Answer lost, then edited').waitFor();
    await page.unroute(isCreate);
    const offline = sent.filter((s) => s.status === 'lost' || s.status === 'refused');
    const [edited, ...more] = sent.slice(offline.length);
    expect(offline[0]?.status).toBe('lost');
    expect(new Set(offline.map((s) => s.key)).size).toBe(1);
    expect(edited?.status).toBe(201);
    expect(edited?.key).not.toBe(offline[0]?.key);
    expect(more).toEqual([]);
    expect(await page.getByLabel('Title').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('works at localhost as at 127.0.0.1: the local API allows both spellings of its origin', async () => {
    const localhost = new URL(stack.webUrl as string);
    localhost.hostname = 'localhost';
    await signInFresh({ email, password }, localhost.href);

    await settled();
    await task('Answer lost, then edited').waitFor();
    await page.getByLabel('Title').fill('Added at localhost');
    await page.getByRole('button', { name: 'Add task' }).click();
    await task('Added at localhost').waitFor();
    expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('sent no request off the machine and logged no unexpected console error', () => {
    expect(browser.offMachine).toEqual([]);
    const unexpected = browser.consoleErrors.filter(
      (e) => !EXPECTED_ERRORS.some((re) => re.test(e)),
    );
    expect(unexpected).toEqual([]);
  });
});
