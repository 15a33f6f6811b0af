/**
 * README's "Try it locally", pasted as written into bash with no AWS settings, twice, against a
 * spawned `npm start`; and the same steps are what npm start prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/local/docs.js';
import { walkthrough } from '../../src/local/walkthrough.js';
import { freePorts, type NpmStart, npmStart } from '../support/npmStart.js';

/** The ```sh blocks of README's "Try it locally" section, in order. */
function readmeBlocks(): string[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Try it locally');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
}

/** The environment of a fresh shell on a machine with no AWS configuration. */
function shellEnv(home: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  return {
    ...env,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
  };
}

/** `script` on bash's stdin, as a paste into a terminal runs it. */
function paste(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const bash = spawn('bash', [], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    bash.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    bash.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    bash.on('error', fail);
    bash.on('close', (status) => done({ status, stdout, stderr }));
    bash.stdin.end(script);
  });
}

const blocks = readmeBlocks();
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
