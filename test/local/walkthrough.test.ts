/**
 * README's "Try it locally", pasted as written into bash with no AWS settings, twice, against a
 * spawned `npm start`; and the same steps are what npm start prints. Then docs/workspaces.md's
 * "Try it", pasted after the walkthrough's first block as the page says.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkthrough } from '../../src/local/walkthrough.js';
import { freePorts, type NpmStart, npmStart } from '../support/npmStart.js';
import { paste, shellBlocks, shellEnv } from '../support/paste.js';

const blocks = shellBlocks('README.md', '## Try it locally');
const workspaces = shellBlocks('docs/workspaces.md', '## Try it');
let home = '';
let stack: NpmStart;

beforeAll(async () => {
  const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (aws.status !== 0) throw new Error('this test runs the AWS CLI (v1 or v2): install it');
  // The walkthrough reads ./.local/outputs.json: a stack whose data dir is <home>/.local.
  home = await mkdtemp(join(tmpdir(), 'walkthrough-test-'));
  stack = npmStart({
    ...(await freePorts()),
    LOCAL_DATA_DIR: join(home, '.local'),
    LOG_LEVEL: 'silent',
  });
  await stack.up(60_000);
}, 90_000);

afterAll(async () => {
  await stack?.stop();
  if (home) await rm(home, { recursive: true, force: true });
});

describe('README: Try it locally', () => {
  it('opens with the walkthrough npm start prints, for the default outputs file', () => {
    expect(blocks[0]).toBe(walkthrough('.local/outputs.json'));
    expect(stack.stdout()).toContain(walkthrough(join(home, '.local', 'outputs.json')));
  });

  it.each([
    { paste: 'first', tasks: 1 },
    { paste: 'second', tasks: 2 },
  ])(
    'creates, lists, updates and lists as admin when pasted a $paste time',
    async ({ tasks }) => {
      const run = await paste(blocks.join('\n'), home, shellEnv(home));

      expect(run.stderr).toBe('');
      const lines = run.stdout.split('\n');
      const statuses = lines.filter((l) => l.startsWith('HTTP/')).map((l) => l.split(' ')[1]);
      const [created, listed, ...rest] = lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
      const id = created.task_id;
      expect(created).toMatchObject({ title: 'Ship feature X', status: 'pending', version: 1 });
      expect(listed.count).toBe(tasks);
      expect(listed.tasks[0].task_id).toBe(id);
      expect(statuses).toEqual(['200', '412', '401']);
      expect(rest).toMatchObject([
        { task_id: id, version: 1 },
        { task_id: id, status: 'in_progress', version: 2 },
        { status: 412 },
        { status: 401 },
        { tasks: expect.arrayContaining([expect.objectContaining({ task_id: id })]) },
      ]);
      expect(run.status).toBe(0);
    },
    240_000,
  );
});

describe('docs/workspaces.md: Try it', () => {
  it('invites bob, who accepts, gets a task assigned, is refused as a member, then removed', async () => {
    const run = await paste(`${blocks[0]}\n${workspaces.join('\n')}`, home, shellEnv(home));

    expect(run.stderr).toBe('');
    const answers = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{') || /^\d{3}$/.test(line))
      .slice(2) // the walkthrough's create and list
      .map((line) => (line.startsWith('{') ? JSON.parse(line) : Number(line)));
    const [invited, invitations, accepted, task, assigned, filtered, ...rest] = answers;
    expect(invited).toMatchObject({ email: 'bob@example.com', role: 'member', status: 'pending' });
    expect(invitations.invitations).toContainEqual(
      expect.objectContaining({ workspace_name: 'Billing team', role: 'member' }),
    );
    expect(accepted).toMatchObject({ name: 'Billing team', role: 'member' });
    expect(task).toMatchObject({ title: 'Send the invoices', workspace_id: accepted.workspace_id });
    expect(task.assignee).toEqual(expect.any(String));
    expect(task.assignee).not.toBe(task.created_by); // bob's, not the owner's
    for (const list of [assigned, filtered]) {
      expect(list.tasks.map((t: { task_id: string }) => t.task_id)).toContain(task.task_id);
    }
    expect(rest).toMatchObject([
      { status: 403, type: '/docs#section/problem-types/forbidden' },
      { status: 409, type: '/docs#section/problem-types/conflict' },
      204,
      { status: 404, type: '/docs#section/problem-types/not-found' },
      204,
    ]);
    expect(run.status).toBe(0);
  }, 240_000);
});
