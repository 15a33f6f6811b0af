/**
 * Planning in the task board, in Debian's Chromium against the local stack: a task with a due,
 * a priority, a label and a weekly repeat is added from the form; marking it done shows its next
 * occurrence, pending and due a week later; past dues are marked overdue; a label's chip filters
 * the board; "Sort by due" orders it; "Upcoming" lists the person's own and assigned tasks due
 * soon, under a heading per day. Screenshots go to test/web/output/ (git-ignored);
 * docs/web-app-planning.png is a copy.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiClient, type TaskApiClient } from '../../sdk/src/index.js';
import { launchBrowser, listSettled, type TestBrowser } from '../support/browser.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

const OUT = fileURLToPath(new URL('./output/', import.meta.url));
/** Chromium logs every 4xx as a console error; this is the refusal a step causes on purpose. */
const EXPECTED_ERRORS = [/status of 400 \(Bad Request\)/];

let stack: TestStack;
let browser: TestBrowser;
let page: Page;
let outDir: string;
let person: TestUser;
let api: TaskApiClient;

const tasks = () => page.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
const task = (title: string): Locator =>
  tasks().filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const settled = () => listSettled(page, 'Tasks');
const nav = () => page.getByRole('navigation', { name: 'Boards' });
const form = () => page.getByRole('form', { name: 'New task' });
const upcoming = () => page.getByRole('region', { name: 'Upcoming' });
const upcomingTask = (title: string): Locator =>
  upcoming()
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
/** Upcoming's first page has been answered and drawn. */
const upcomingSettled = async () => {
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  await page.locator('.agenda[aria-busy="false"]').waitFor({ state: 'attached' });
};
/** The calendar date `days` from now in UTC, as `YYYY-MM-DD`. */
const daysFromNow = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** How the browser's own Intl writes that date ("Wed 9 Dec"), with the year if not this one. */
const dueText = (days: number) =>
  page.evaluate((date) => {
    const at = new Date(`${date}T00:00:00Z`);
    const year = at.getUTCFullYear() !== new Date().getFullYear();
    const parts = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).formatToParts(at);
    return parts
      .filter((p) => p.type !== 'literal')
      .map((p) => p.value)
      .join(' ');
  }, daysFromNow(days));

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'web-dist-'));
  stack = await startTestStack({ web: { mode: 'built', outDir } });
  browser = await launchBrowser();
  // Under vitest's 30 s, so a missing element fails naming its locator.
  browser.context.setDefaultTimeout(10_000);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await mkdir(OUT, { recursive: true });
  person = await createUser(stack);
  api = createTaskApiClient({ baseUrl: stack.apiUrl, getToken: () => person.idToken });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('planning in the task board', () => {
  it('signs in to the board, its repeat choice disabled until a due is set', async () => {
    await page.goto(stack.webUrl as string);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No tasks here yet.').waitFor();

    expect(await form().getByLabel('Repeat').isDisabled()).toBe(true);
    expect(await form().getByLabel('Due time (optional)').isDisabled()).toBe(true);
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await form().getByLabel('Time zone').inputValue()).toBe(browserZone);
  });

  it('adds a weekly task with a due, a priority and a label from the form', async () => {
    await form().getByLabel('Title').fill('Water the plants');
    await form().getByLabel('Due date').fill('2030-12-24');
    await form().getByLabel('Due time (optional)').fill('09:30');
    await form().getByLabel('Time zone').selectOption('Europe/Paris');
    await form().getByLabel('Priority').selectOption({ label: 'High' });
    await form().getByLabel('Labels').fill('home');
    await form().getByLabel('Labels').press('Enter');
    await form().getByRole('button', { name: 'Remove label home' }).waitFor();
    await form().getByLabel('Repeat').selectOption({ label: 'Weekly' });
    await form().getByRole('button', { name: 'Add task' }).click();

    const added = task('Water the plants');
    await added.waitFor();
    const text = await added.textContent();
    expect(text).toContain('Due Tue 24 Dec 2030, 09:30 (Europe/Paris)');
    expect(text).toContain('High priority');
    expect(text).not.toContain('Overdue');
    await added.getByRole('img', { name: 'Repeats: weekly' }).waitFor();
    await added.getByRole('button', { name: 'Filter by label home' }).waitFor();
    // The form is empty again, its due cleared and its repeat disabled.
    expect(await form().getByLabel('Due date').inputValue()).toBe('');
    expect(await form().getByLabel('Repeat').isDisabled()).toBe(true);
  });

  it('marks it done and shows its next occurrence, pending and due a week later', async () => {
    await task('Water the plants').getByRole('button', { name: 'Mark done' }).click();

    // Before the answer the task is still listed as pending: wait for the next due itself.
    const next = task('Water the plants').filter({ hasText: 'Due Tue 31 Dec 2030' });
    await next.waitFor();
    await settled();
    expect(await task('Water the plants').count()).toBe(2);
    expect(await next.textContent()).toContain('Pending');
    expect(await next.textContent()).toContain('Due Tue 31 Dec 2030, 09:30 (Europe/Paris)');
    await next.getByRole('img', { name: 'Repeats: weekly' }).waitFor();
    expect(await next.textContent()).toContain('High priority');
    const done = task('Water the plants').filter({ hasText: 'Completed' });
    expect(await done.textContent()).toContain('Due Tue 24 Dec 2030, 09:30 (Europe/Paris)');
    expect(await done.getByRole('button', { name: 'Mark done' }).count()).toBe(0);
  });

  it('marks a past due as overdue in words, unless the task is done', async () => {
    await api.createTask({ title: 'Renew the passport', due: { date: '2020-01-02' } });
    await api.createTask({
      title: 'Filed the taxes',
      status: 'completed',
      due: { date: '2020-01-02', time: '10:00', time_zone: 'Europe/Paris' },
    });
    await page.reload();
    await settled();

    const late = task('Renew the passport');
    expect(await late.textContent()).toContain('Overdue · Due Thu 2 Jan 2020');
    expect(await late.locator('.due.overdue').count()).toBe(1);
    const filed = await task('Filed the taxes').textContent();
    expect(filed).toContain('Due Thu 2 Jan 2020, 10:00 (Europe/Paris)');
    expect(filed).not.toContain('Overdue');
  });

  it('tells a label that repeats another, whatever its case, in plain words', async () => {
    await form().getByLabel('Title').fill('Tidy up');
    for (const label of ['Work', 'work']) {
      await form().getByLabel('Labels').fill(label);
      await form().getByLabel('Labels').press('Enter');
    }
    await form().getByRole('button', { name: 'Add task' }).click();

    await page.locator('#new-labels-error').waitFor();
    expect(await page.locator('#new-labels-error').textContent()).toBe(
      'Label "work" is there already (labels are the same whatever their case)',
    );
    expect(await form().getByLabel('Labels').getAttribute('aria-invalid')).toBe('true');
    await form().getByRole('button', { name: 'Remove label work', exact: true }).click();
    // A label typed but not added with Enter is sent with "Add task", not dropped.
    await form().getByLabel('Labels').fill('errands');
    await form().getByRole('button', { name: 'Add task' }).click();
    await task('Tidy up').getByRole('button', { name: 'Filter by label Work' }).waitFor();
    await task('Tidy up').getByRole('button', { name: 'Filter by label errands' }).waitFor();
    expect(await form().getByLabel('Labels').inputValue()).toBe('');
  });

  it("filters the board by a label's chip through the API, until the filter is cleared", async () => {
    const filtered = page.waitForRequest(
      (r) => new URL(r.url()).searchParams.get('label') === 'home',
    );
    await task('Water the plants')
      .filter({ hasText: 'Pending' })
      .getByRole('button', { name: 'Filter by label home' })
      .click();
    await filtered;
    await settled();

    expect(await tasks().count()).toBe(2);
    await page.getByText('Only tasks labelled home').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'planning.png'), fullPage: true });
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await settled();
    expect(await tasks().count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Clear filter' }).count()).toBe(0);
  });

  it('sorts the board by due, soonest first and tasks without one last', async () => {
    await page.getByLabel('Sort by due').check();
    await settled();

    const headings = await tasks().getByRole('heading').allTextContents();
    expect(headings).toEqual([
      'Renew the passport',
      'Filed the taxes',
      'Water the plants',
      'Water the plants',
      'Tidy up',
    ]);
  });

  it('edits the planning fields: clearing the due clears the repeat, a typed label is kept', async () => {
    const editing = () => tasks().filter({ has: page.getByRole('button', { name: 'Save' }) });
    await task('Tidy up').getByRole('button', { name: 'Edit' }).click();
    await editing().getByLabel('Due date').fill('2031-01-10');
    await editing().getByLabel('Repeat').selectOption({ label: 'Monthly' });
    await editing().getByLabel('Priority').selectOption({ label: 'Low' });
    await editing().getByRole('button', { name: 'Remove label Work' }).click();
    await editing().getByRole('button', { name: 'Remove label errands' }).click();
    await editing().getByRole('button', { name: 'Save' }).click();

    await task('Tidy up').getByRole('img', { name: 'Repeats: monthly' }).waitFor();
    const text = await task('Tidy up').textContent();
    expect(text).toContain('Due Fri 10 Jan 2031');
    expect(text).toContain('Low priority');
    expect(
      await task('Tidy up')
        .getByRole('button', { name: /^Filter by label/ })
        .count(),
    ).toBe(0);

    await task('Tidy up').getByRole('button', { name: 'Edit' }).click();
    await editing().getByRole('button', { name: 'Clear due' }).click();
    expect(await editing().getByLabel('Repeat').isDisabled()).toBe(true);
    expect(await editing().getByLabel('Repeat').inputValue()).toBe('');
    // A label typed but not added with Enter is still sent with "Save".
    await editing().getByLabel('Labels').fill('garden');
    await editing().getByRole('button', { name: 'Save' }).click();

    await task('Tidy up')
      .getByRole('img', { name: 'Repeats: monthly' })
      .waitFor({ state: 'detached' });
    expect(await task('Tidy up').textContent()).not.toContain('Due ');
    expect(await task('Tidy up').textContent()).toContain('Low priority');
    await task('Tidy up').getByRole('button', { name: 'Filter by label garden' }).waitFor();
  });

  it('lists own and assigned tasks due soon under "Upcoming", by day, with where each one is', async () => {
    const soon = daysFromNow(3);
    await api.createTask({ title: 'Call the plumber', due: { date: soon } });
    await api.createTask({ title: 'Plan the holidays', due: { date: daysFromNow(60) } });
    const team = await api.createWorkspace({ name: 'Home team' });
    const teamId = team.data?.workspace_id as string;
    await api.createWorkspaceTask(teamId, {
      title: 'Buy the paint',
      assignee: person.sub,
      due: { date: daysFromNow(5) },
    });

    await nav().getByRole('link', { name: 'Upcoming' }).click();
    await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
    await upcomingSettled();

    expect(page.url()).toMatch(/#\/upcoming$/);
    const days = await upcoming().getByRole('heading', { level: 3 }).allTextContents();
    expect(days).toEqual(['Overdue', await dueText(3), await dueText(5)]);
    const titlesOn = (day: string) =>
      upcoming().getByRole('region', { name: day }).getByRole('heading', { level: 4 });
    expect(await titlesOn('Overdue').allTextContents()).toEqual(['Renew the passport']);
    expect(await titlesOn(await dueText(3)).allTextContents()).toEqual(['Call the plumber']);
    expect(await titlesOn(await dueText(5)).allTextContents()).toEqual(['Buy the paint']);
    expect(await upcomingTask('Call the plumber').textContent()).toContain('in My tasks');
    expect(await upcomingTask('Buy the paint').textContent()).toContain('in Home team');
    expect(await upcomingTask('Renew the passport').textContent()).toContain('Overdue');
    await page.screenshot({ path: join(OUT, 'upcoming.png'), fullPage: true });
  });

  it('keeps "Upcoming" across a reload, and drops a task once it is done', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Upcoming' }).waitFor();
    await upcomingSettled();
    await upcomingTask('Call the plumber').getByRole('button', { name: 'Mark done' }).click();

    await upcomingTask('Call the plumber').waitFor({ state: 'detached' });
    expect(await upcoming().getByRole('listitem').count()).toBe(2);
    // Its day, now empty, goes with it.
    expect(await upcoming().getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'Overdue',
      await dueText(5),
    ]);
  });

  it("repeats a workspace's task the same way: its next occurrence keeps the assignee", async () => {
    await nav().getByRole('link', { name: 'Home team' }).click();
    await page.getByRole('heading', { name: 'Home team' }).waitFor();
    await settled();
    expect(await task('Buy the paint').textContent()).toContain(`Due ${await dueText(5)}`);

    await form().getByLabel('Title').fill('Feed the cat');
    await form().getByLabel('Assignee').selectOption(person.sub);
    await form().getByLabel('Due date').fill('2030-06-03');
    await form().getByLabel('Repeat').selectOption({ label: 'Weekdays' });
    await form().getByRole('button', { name: 'Add task' }).click();
    await task('Feed the cat').getByRole('img', { name: 'Repeats: on weekdays' }).waitFor();
    await task('Feed the cat').getByRole('button', { name: 'Mark done' }).click();

    const next = task('Feed the cat').filter({ hasText: 'Due Tue 4 Jun 2030' });
    await next.waitFor();
    expect(await next.textContent()).toContain('Pending');
    expect(await next.textContent()).toContain('assigned to you');
  });

  it('sent no request off the machine and logged no unexpected console error', () => {
    expect(browser.offMachine).toEqual([]);
    const unexpected = browser.consoleErrors.filter(
      (e) => !EXPECTED_ERRORS.some((re) => re.test(e)),
    );
    expect(unexpected).toEqual([]);
  });
});
