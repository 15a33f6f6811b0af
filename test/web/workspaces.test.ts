/**
 * Workspaces in the task board, two people in two Chromiums against the local stack: A creates a
 * workspace and invites B by e-mail, B accepts, A assigns B a task, B finds it with "Me" and
 * starts it, A removes B, and B is told in words and sent to their own tasks. The board's
 * screenshot goes to test/web/output/ (git-ignored); docs/web-app-workspaces.png is a copy.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listSettled, type TestBrowser } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const OUT = fileURLToPath(new URL('./output/', import.meta.url));
/** Chromium logs every 4xx as a console error; these are the refusals the steps cause on purpose. */
const EXPECTED_ERRORS = [
  /status of 404 \(Not Found\)/,
  /status of 409 \(Conflict\)/,
  /net::ERR_FAILED/,
];

let stack: TestStack;
let browserA: TestBrowser;
let browserB: TestBrowser;
let a: Page;
let b: Page;
let outDir: string;
let workspaceUrl: string;
const alice = {
  email: `alice-${randomUUID().slice(0, 8)}@example.com`,
  password: 'Alice-pass-1234',
};
const bob = { email: `bob-${randomUUID().slice(0, 8)}@example.com`, password: 'Bob-pass-12345' };

const tasks = (p: Page) => p.getByRole('list', { name: 'Tasks' }).getByRole('listitem');
const task = (p: Page, title: string): Locator =>
  tasks(p).filter({ has: p.getByRole('heading', { name: title, exact: true }) });
const nav = (p: Page) => p.getByRole('navigation', { name: 'Boards' });
const members = (p: Page) => p.getByRole('list', { name: 'Members' }).getByRole('listitem');
const member = (p: Page, email: string) => members(p).filter({ hasText: email });

async function openPage(browser: TestBrowser): Promise<Page> {
  // Under vitest's 30 s, so a missing element fails naming its locator.
  browser.context.setDefaultTimeout(10_000);
  return browser.context.pages()[0] ?? (await browser.context.newPage());
}

async function signInWith(p: Page, who: { email: string; password: string }) {
  await p.goto(stack.webUrl as string);
  await p.getByLabel('Email').fill(who.email);
  await p.getByLabel('Password').fill(who.password);
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.getByText(`Signed in as ${who.email}`).waitFor();
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'web-dist-'));
  stack = await startTestStack({ web: { mode: 'built', outDir } });
  [browserA, browserB] = await Promise.all([launchBrowser(), launchBrowser()]);
  a = await openPage(browserA);
  b = await openPage(browserB);
  await mkdir(OUT, { recursive: true });
  // Bob confirms his sign-up with the code (a verified address: only those can accept invitations).
  await stack.cognito.send(
    new SignUpCommand({ ClientId: stack.clientId, Username: bob.email, Password: bob.password }),
  );
  await stack.cognito.send(
    new ConfirmSignUpCommand({
      ClientId: stack.clientId,
      Username: bob.email,
      ConfirmationCode: stack.codes.get(bob.email) as string,
    }),
  );
}, 120_000);
afterAll(async () => {
  await browserA?.close();
  await browserB?.close();
  await stack?.stop();
  await rm(outDir, { recursive: true, force: true });
});

describe('workspaces in the task board', () => {
  it('A signs up, signs in and creates a workspace from the switcher', async () => {
    await a.goto(stack.webUrl as string);
    await a.getByRole('button', { name: 'Create an account' }).click();
    await a.getByLabel('Email').fill(alice.email);
    await a.getByLabel('Password').fill(alice.password);
    await a.getByRole('button', { name: 'Sign up' }).click();
    await a.getByText(`We sent a confirmation code to ${alice.email}.`).waitFor();
    await a.getByLabel('Confirmation code').fill(stack.codes.get(alice.email) as string);
    await a.getByRole('button', { name: 'Confirm' }).click();
    await a.getByText('Your account is confirmed. Sign in.').waitFor();
    await a.getByLabel('Password').fill(alice.password);
    await a.getByRole('button', { name: 'Sign in' }).click();
    await a.getByRole('heading', { name: 'My tasks' }).waitFor();

    // No field above every board: the form opens from a button.
    expect(await a.getByLabel('Workspace name').count()).toBe(0);
    await nav(a).getByRole('button', { name: 'New workspace' }).click();
    expect(await a.getByLabel('Workspace name').getAttribute('aria-required')).toBe('true');
    await a.getByLabel('Workspace name').fill('Launch team');
    await a.getByRole('button', { name: 'Create workspace' }).click();

    await a.getByRole('heading', { name: 'Launch team' }).waitFor();
    await a.getByText('You are owner').waitFor();
    expect(
      await nav(a).getByRole('link', { name: 'Launch team' }).getAttribute('aria-current'),
    ).toBe('page');
    workspaceUrl = a.url();
    expect(workspaceUrl).toMatch(/#\/workspaces\/[0-9A-Z]{26}$/);
  });

  it('A invites B by e-mail from the members page', async () => {
    await a.getByRole('link', { name: 'Members' }).click();
    await a.getByRole('heading', { name: 'Members of Launch team' }).waitFor();
    expect(await a.getByLabel('Role', { exact: true }).locator('option').allTextContents()).toEqual(
      ['Owner', 'Admin', 'Member'],
    );
    await a.getByLabel('Email').fill(bob.email);
    await a.getByRole('button', { name: 'Invite' }).click();

    await member(a, bob.email).getByText('invited as member').waitFor();
    expect(await member(a, alice.email).textContent()).toContain('(you)');
  });

  it("B signs in, accepts the invitation and sees the workspace's board", async () => {
    await signInWith(b, bob);
    const invitations = b.getByRole('region', { name: 'Invitations' });
    await invitations.getByText('Launch team', { exact: true }).waitFor();

    await invitations.getByRole('button', { name: 'Accept Launch team' }).click();

    await b.getByRole('heading', { name: 'Launch team' }).waitFor();
    await b.getByText('You are member').waitFor();
    await nav(b).getByRole('link', { name: 'Launch team' }).waitFor();
    expect(await b.getByRole('region', { name: 'Invitations' }).count()).toBe(0);
  });

  it('a member is not offered what only owners and admins may do', async () => {
    await b.getByRole('link', { name: 'Members' }).click();
    await member(b, alice.email).waitFor();

    expect(await b.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await b.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await b.getByRole('button', { name: 'Rename' }).count()).toBe(0);
    expect(await b.getByRole('button', { name: 'Delete workspace' }).count()).toBe(0);
    expect(await b.getByLabel(/^Role of/).count()).toBe(0);
    await b.getByRole('button', { name: 'Leave workspace' }).waitFor();
  });

  it('A assigns a task to B from a select of members', async () => {
    await a.reload();
    // The owner may change B's role and remove B; B is active now.
    await member(a, bob.email).getByLabel(`Role of ${bob.email}`).waitFor();
    await a.getByRole('link', { name: 'Back to the board' }).click();

    await a.getByLabel('Title').fill('Write the launch post');
    await a.getByLabel('Assignee').selectOption({ label: bob.email });
    await a.getByRole('button', { name: 'Add task' }).click();
    await task(a, 'Write the launch post').waitFor();
    await a.getByLabel('Title').fill('Book the venue');
    await a.getByLabel('Assignee').selectOption({ label: `${alice.email} (you)` });
    await a.getByRole('button', { name: 'Add task' }).click();

    await task(a, 'Book the venue').waitFor();
    expect(await task(a, 'Write the launch post').textContent()).toContain(
      `assigned to ${bob.email}`,
    );
    expect(await task(a, 'Book the venue').textContent()).toContain('assigned to you');
  });

  it('keeps a workspace draft through a lost answer and a reload, then creates it once under its key', async () => {
    const keys: string[] = [];
    // The first create reaches the API, which makes the task, but its answer is lost, and so
    // are the SDK's retries; after the reload the network is back.
    let online = false;
    const isCreate = (url: URL) => /\/workspaces\/[0-9A-Z]{26}\/tasks$/.test(url.pathname);
    await a.route(isCreate, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (online) return route.continue();
      if (keys.length === 1) await route.fetch();
      return route.abort('failed');
    });
    await a.getByLabel('Title').fill('Order the banners');
    await a.getByLabel('Assignee').selectOption({ label: `${alice.email} (you)` });
    await a.getByRole('button', { name: 'Add task' }).click();
    await a.getByText('Cannot reach the server.', { exact: false }).waitFor();

    online = true;
    await a.reload();
    // The draft is read at the form's first render.
    await a.getByLabel('Title').waitFor();
    expect(await a.getByLabel('Title').inputValue()).toBe('Order the banners');
    // The members load after the draft: the saved assignee is chosen once its option is there.
    const assignee = a.getByLabel('Assignee');
    await assignee
      .getByRole('option', { name: `${alice.email} (you)` })
      .waitFor({ state: 'attached' });
    expect(await assignee.inputValue()).not.toBe('');
    const beforeReplay = keys.length;
    // The lost create made the task: the board lists it already, so wait for the replay itself.
    const replay = a.waitForResponse(
      (r) => isCreate(new URL(r.url())) && r.request().method() === 'POST',
    );
    await a.getByRole('button', { name: 'Add task' }).click();

    expect((await replay).status()).toBe(201);
    await a.unroute(isCreate);
    await a.getByRole('button', { name: 'Add task', disabled: false }).waitFor();
    expect(await task(a, 'Order the banners').count()).toBe(1);
    expect(keys.length).toBe(beforeReplay + 1);
    expect(new Set(keys).size).toBe(1);
    await a.reload();
    await task(a, 'Order the banners').waitFor();
    expect(await task(a, 'Order the banners').count()).toBe(1);
    expect(await task(a, 'Order the banners').textContent()).toContain('assigned to you');
    expect(await a.getByLabel('Title').inputValue()).toBe('');
  });

  it('B filters "Me", sees only their task and moves it to in progress', async () => {
    await b.goto(workspaceUrl);
    await task(b, 'Book the venue').waitFor();
    await b.getByLabel('Assigned to').selectOption({ label: 'Me' });

    await listSettled(b, 'Tasks');
    expect(await tasks(b).count()).toBe(1);
    await task(b, 'Write the launch post').getByRole('button', { name: 'Edit' }).click();
    const editing = tasks(b).filter({ has: b.getByRole('button', { name: 'Save' }) });
    await editing.getByLabel('Status').selectOption({ label: 'In progress' });
    await editing.getByRole('button', { name: 'Save' }).click();

    await task(b, 'Write the launch post').getByText('In progress').waitFor();
    expect(await task(b, 'Write the launch post').textContent()).toContain('assigned to you');
  });

  it('B finds it under "Assigned to me", across workspaces', async () => {
    await nav(b).getByRole('link', { name: 'Assigned to me' }).click();

    await b.getByRole('heading', { name: 'Assigned to me' }).waitFor();
    await listSettled(b, 'Tasks');
    expect(await tasks(b).count()).toBe(1);
    expect(await task(b, 'Write the launch post').textContent()).toContain('in Launch team');
  });

  it("A sees B's change on the board (the screenshot in docs/web-app.md)", async () => {
    await a.reload();
    await task(a, 'Write the launch post').getByText('In progress').waitFor();
    await a.evaluate(() => window.scrollTo(0, 0));
    await a.screenshot({ path: join(OUT, 'workspace-board.png'), fullPage: true });
  });

  it("shows the server's problem when it refuses: the last owner cannot leave", async () => {
    await a.getByRole('link', { name: 'Members' }).click();
    await a.getByRole('button', { name: 'Leave workspace' }).click();

    await a
      .getByText('the last owner cannot leave, be removed or be demoted', { exact: false })
      .waitFor();
    await a.getByRole('heading', { name: 'Members of Launch team' }).waitFor();
  });

  it('A removes B', async () => {
    const row = member(a, bob.email);
    await row.getByRole('button', { name: 'Remove' }).click();
    await row.getByRole('button', { name: 'Yes, remove' }).click();

    await member(a, bob.email).waitFor({ state: 'detached' });
  });

  it('B is told in words that they are no longer a member, and sent to their own tasks', async () => {
    await nav(b).getByRole('link', { name: 'Launch team' }).click();

    await b.getByText('You are no longer a member of Launch team.').waitFor();
    await b.getByRole('heading', { name: 'My tasks' }).waitFor();
    expect(b.url()).toMatch(/#\/$/);
    await nav(b).getByRole('link', { name: 'Launch team' }).waitFor({ state: 'detached' });
    // A link kept from before: the name is not known any more, the words are the same kind.
    await b.goto(workspaceUrl);
    await b.reload();
    await b.getByText('you are no longer a member of it', { exact: false }).waitFor();
    await b.getByRole('heading', { name: 'My tasks' }).waitFor();
    expect(await nav(b).getByRole('link', { name: 'Launch team' }).count()).toBe(0);
    expect(await b.getByText(/not found/).count()).toBe(0);
  });

  it('sent no request off the machine and logged no unexpected console error', () => {
    for (const browser of [browserA, browserB]) {
      expect(browser.offMachine).toEqual([]);
      const unexpected = browser.consoleErrors.filter(
        (e) => !EXPECTED_ERRORS.some((re) => re.test(e)),
      );
      expect(unexpected).toEqual([]);
    }
  });
});
