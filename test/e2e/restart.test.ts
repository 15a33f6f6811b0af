/**
 * Durability of `npm start`: tasks, their versions, deletions and Idempotency-Key records
 * written through the API are all there after SIGTERM and a restart on the same data dir,
 * for the token issued before the restart and for a new sign-in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiClient, type Task } from '../../sdk/src/index.js';
import { slowEngine } from '../support/dynamo.js';
import { type NpmStart, npmStart, npmStartEnv, readOutputs } from '../support/npmStart.js';
import { cognitoClient, createUser, signIn, type TestUser } from '../support/stack.js';

let dataDir: string;
let env: Record<string, string>;
const started: NpmStart[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'task-api-restart-'));
  env = await npmStartEnv(dataDir);
});
afterAll(async () => {
  for (const run of started) await run.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function start() {
  const run = npmStart(env);
  started.push(run);
  await run.up();
  const outputs = await readOutputs(dataDir);
  const cognito = cognitoClient({
    cognitoEndpoint: outputs.CognitoEndpoint as string,
    region: 'us-east-1',
  });
  const target = {
    cognito,
    userPoolId: outputs.UserPoolId as string,
    clientId: outputs.UserPoolClientId as string,
  };
  return { run, outputs, cognito, target };
}

const client = (apiUrl: string, token: string) =>
  createTaskApiClient({ baseUrl: apiUrl, getToken: () => token, retry: { retries: 0 } });

async function everything(apiUrl: string, token: string): Promise<Task[]> {
  const tasks: Task[] = [];
  for await (const task of client(apiUrl, token).paginate('listTasks', { limit: 2 })) {
    tasks.push(task);
  }
  return tasks;
}

describe('npm start across a restart', () => {
  it(
    'keeps every task, version, deletion and idempotency record; old and new tokens both see them',
    async () => {
      const first = await start();
      const user: TestUser = await createUser(first.target);
      const api = client(first.outputs.ApiUrl as string, user.idToken);
      const keyed = { title: 'keyed', description: 'created once' };
      const { data: a } = await api.createTask(keyed, { idempotencyKey: 'restart-key' });
      const { data: b } = await api.createTask({ title: 'to be updated' });
      const { data: c } = await api.createTask({ title: 'to be deleted', status: 'in_progress' });
      await api.updateTask(b?.task_id as string, { status: 'completed', title: 'updated' });
      await api.updateTask(b?.task_id as string, { description: 'twice' });
      await api.deleteTask(c?.task_id as string);
      const before = await everything(first.outputs.ApiUrl as string, user.idToken);
      expect(before.map((t) => [t.title, t.version])).toEqual([
        ['updated', 3],
        ['keyed', 1],
      ]);
      first.cognito.destroy();

      expect(await first.run.stop()).toBe(0);
      expect(first.run.stdout()).toContain('SIGTERM: stopping');

      const second = await start();
      expect(second.outputs).toEqual(first.outputs);
      const apiUrl = second.outputs.ApiUrl as string;
      const signedIn = await signIn(second.target, user.email, user.password);

      expect(await everything(apiUrl, user.idToken)).toEqual(before);
      expect(await everything(apiUrl, signedIn.idToken)).toEqual(before);
      const again = client(apiUrl, signedIn.idToken);
      const replay = await again.createTask(keyed, { idempotencyKey: 'restart-key' });
      expect(replay.data).toEqual(a);
      expect((await again.getTask(c?.task_id as string)).error?.status).toBe(404);
      const { data: d } = await again.createTask({ title: 'after the restart' });
      expect(await everything(apiUrl, signedIn.idToken)).toEqual([d, ...before]);
      second.cognito.destroy();

      expect(await second.run.stop()).toBe(0);
    },
    slowEngine(60_000),
  );
});
