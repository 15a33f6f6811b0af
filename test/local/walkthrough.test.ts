/**
 * README's "Try it locally", pasted as written into bash with no AWS settings, twice, against a
 * spawned `npm start`; and the same steps are what npm start prints.
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
