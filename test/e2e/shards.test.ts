/** Issue 7: the local stack shards the status index exactly as the CDK stack configures it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskApiStack } from '../../infra/task-api-stack.js';
import { build } from '../../scripts/build.js';
import { createTaskApiClient } from '../../sdk/src/index.js';
import { STATUS_INDEX_SHARDS_DEFAULT } from '../../src/data/table.js';
import { stubWebApp } from '../infra/synth.js';
import { createUser, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

/** N as the running API shows it: an admin cursor carries the number of shards it read. */
async function localShards(): Promise<number> {
  const user = await createUser(stack);
  const admin = await createUser(stack, { admin: true });
  const client = createTaskApiClient({ baseUrl: stack.apiUrl, getToken: () => user.idToken });
  for (let i = 0; i < 3; i++) await client.createTask({ title: `t${i}` });
  const adminClient = createTaskApiClient({ baseUrl: stack.apiUrl, getToken: () => admin.idToken });
  const { data } = await adminClient.listTasksByStatus({ status: 'pending', limit: 1 });
  const cursor = JSON.parse(Buffer.from(data?.next_cursor as string, 'base64url').toString());
  return cursor.n;
}

describe('the status index shard count N', () => {
  it('is the same in the CDK template and in the local stack', async () => {
    const handlersDir = mkdtempSync(join(tmpdir(), 'task-api-shards-'));
    await build({ outDir: handlersDir, log: () => {} });
    const app = new App();
    const template = Template.fromStack(
      new TaskApiStack(app, 'Shards', { handlersDir, webAppDir: stubWebApp() }),
    ).toJSON();
    rmSync(handlersDir, { recursive: true, force: true });
    const functions = Object.values(
      template.Resources as Record<
        string,
        { Type: string; Properties: { Environment?: { Variables?: Record<string, string> } } }
      >,
    ).filter(
      (r) =>
        r.Type === 'AWS::Lambda::Function' &&
        r.Properties.Environment?.Variables?.TABLE_NAME !== undefined,
    );
    const deployed = new Set(
      functions.map((f) => f.Properties.Environment?.Variables?.STATUS_INDEX_SHARDS),
    );

    expect(functions.length).toBeGreaterThan(0);
    expect([...deployed]).toEqual([String(STATUS_INDEX_SHARDS_DEFAULT)]);
    expect(await localShards()).toBe(STATUS_INDEX_SHARDS_DEFAULT);
  }, 120_000);
});
