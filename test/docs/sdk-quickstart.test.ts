/**
 * README's SDK quick start (the same block as sdk/README.md's), pasted as written into bash after
 * the walkthrough's first block, in a copy of the repository as a clean clone has it, against a
 * spawned `npm start`: it packs the SDK, installs the tarball into a new app and runs a script
 * that creates and lists tasks. npm installs the SDK's dependencies from a registry on 127.0.0.1
 * that serves the repository's installed copies, so nothing leaves the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts, type NpmStart, npmStart } from '../support/npmStart.js';
import { paste, shellBlocks, shellEnv } from '../support/paste.js';
import { copyRepository, ROOT } from '../support/repository.js';
import { type Registry, startRegistry } from '../support/sdkPackage.js';

const quickStart = shellBlocks('README.md', '## The SDK');
let work = '';
let repo = '';
let registry: Registry | undefined;
let stack: NpmStart | undefined;

beforeAll(async () => {
  const aws = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (aws.status !== 0) throw new Error('this test runs the AWS CLI (v1 or v2): install it');
  work = await mkdtemp(join(tmpdir(), 'sdk-quickstart-'));
  repo = join(work, 'task-api');
  copyRepository(repo);
  mkdirSync(join(work, 'registry'));
  registry = await startRegistry(join(ROOT, 'sdk', 'package.json'), join(work, 'registry'));
  stack = npmStart({
    ...(await freePorts()),
    LOCAL_DATA_DIR: join(repo, '.local'),
    LOG_LEVEL: 'silent',
  });
  await stack.up(60_000);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
  await registry?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A fresh shell (no AWS settings, no npm settings from the test run) on the local registry. */
function userShell(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(shellEnv(work)).filter(([name]) => !/^npm_/i.test(name)),
  );
  return {
    ...env,
    npm_config_registry: registry?.url,
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
}

describe('README: The SDK', () => {
  it('is the quick start of sdk/README.md, word for word', () => {
    expect(quickStart).toHaveLength(1);
    expect(shellBlocks('sdk/README.md', '## Quick start')).toEqual(quickStart);
  });

  it('packs the SDK, installs it into a new app, creates a task and lists it', async () => {
    const walkthrough = shellBlocks('README.md', '## Try it locally')[0] as string;

    const run = await paste(`${walkthrough}\n${quickStart.join('\n')}`, repo, userShell());

    const output = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    expect(existsSync(join(repo, 'dist', 'task-api-sdk.tgz')), output).toBe(true);
    const app = JSON.parse(readFileSync(join(work, 'my-app', 'package.json'), 'utf8'));
    expect(app.dependencies, output).toEqual({
      '@task-api/sdk': 'file:../task-api/dist/task-api-sdk.tgz',
    });
    const listed = run.stdout.split('\n').filter((line) => /^[* ] /.test(line));
    expect(listed, output).toEqual(['* Written by the SDK', '  Ship feature X']);
    expect(run.status, output).toBe(0);
  }, 300_000);
});
