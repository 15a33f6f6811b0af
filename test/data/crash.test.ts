/**
 * A keyed create whose process is killed (SIGKILL) right after any one of its writes reached
 * DynamoDB, before it saw the answer: whatever it left, deleting the task it made visible and
 * then retrying with the same key and body never brings the task back, and the owner's task
 * count always equals the tasks there are (docs/architecture.md#the-data-model).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { createFingerprint, newTask } from '../../src/tasks/task.js';
import { slowEngine, startTestDynamo, type TestDynamo } from '../support/dynamo.js';
import { type DynamoCall, type DynamoProxy, startDynamoProxy } from '../support/dynamoProxy.js';

const TABLE = 'TaskApp';
const WRITES = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);
const body = { title: 'pay the invoice' };
const keyed = (owner: string) => ({
  caller: owner,
  scope: '',
  idempotency: { key: 'crash-key', fingerprint: createFingerprint(body), ttlSeconds: 600 },
});

let dynamo: TestDynamo;
let proxy: DynamoProxy;
let doc: DynamoDBDocumentClient;
let store: TaskStore;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const client = dynamo.client();
  await dynamo.ensureTable(client, TABLE, 10);
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  store = new TaskStore(doc, { tableName: TABLE, shards: 10 });
  proxy = await startDynamoProxy(dynamo.endpoint);
});
afterAll(async () => {
  await proxy?.close();
  doc?.destroy();
  await dynamo?.close();
});

/** Runs one keyed create in a child process, killed once its `n`-th write has been applied. */
async function createKilledAfterWrite(owner: string, n: number) {
  let writes = 0;
  let doomed: DynamoCall | undefined;
  let child: ChildProcess | undefined;
  proxy.rule = (call) => {
    if (!WRITES.has(call.target) || ++writes !== n) return 'pass';
    doomed = call;
    return 'lose-answer';
  };
  proxy.applied = (call) => {
    if (call === doomed) child?.kill('SIGKILL');
  };
  child = spawn(process.execPath, ['--import', 'tsx', 'test/support/createChild.ts'], {
    env: {
      ...process.env,
      CREATE_CHILD: JSON.stringify({
        endpoint: proxy.url,
        accessKeyId: dynamo.accessKeyId,
        tableName: TABLE,
        owner,
        key: keyed(owner).idempotency.key,
        title: body.title,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
    child?.once('exit', (c, s) => done([c, s])),
  );
  proxy.rule = () => 'pass';
  proxy.applied = () => {};
  return { killed: signal === 'SIGKILL', code, out, writes };
}

async function tasksOf(owner: string) {
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
      ExpressionAttributeValues: { ':pk': `USER#${owner}`, ':task': 'TASK#' },
      ConsistentRead: true,
    }),
  );
  return Items;
}

async function countOf(owner: string): Promise<number> {
  const { Item } = await doc.send(
    new GetCommand({
      TableName: TABLE,
      Key: { PK: `USER#${owner}`, SK: 'COUNT#TASKS' },
      ConsistentRead: true,
    }),
  );
  return (Item?.task_count as number | undefined) ?? 0;
}

describe('a keyed create killed with SIGKILL right after one of its writes', () => {
  it.each([1, 2, 3])(
    'after write %i: the task it left, once deleted, is not brought back by the retry',
    async (n) => {
      const owner = randomUUID();
      const run = await createKilledAfterWrite(owner, n);
      // Killed at the n-th write, or finished before it (a create with fewer writes).
      expect(run.killed || run.code === 0, run.out).toBe(true);

      // The user sees the task (if any), and deletes it before the client retries.
      const left = await tasksOf(owner);
      for (const t of left) await store.delete(store.personal(owner), t.task_id as string);
      expect(await countOf(owner)).toBe(0);

      const retry = await store.create(store.personal(owner), newTask(owner, body), keyed(owner));

      if (left.length > 0) {
        expect(retry.replayed).toBe(true);
        expect(retry.task.task_id).toBe(left[0]?.task_id);
        expect(await tasksOf(owner)).toEqual([]);
      } else {
        expect((await tasksOf(owner)).map((t) => t.task_id)).toEqual([retry.task.task_id]);
      }
      expect(await countOf(owner)).toBe((await tasksOf(owner)).length);
    },
    slowEngine(30_000),
  );
});
