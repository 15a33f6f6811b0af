/**
 * A transaction that meets another one in progress on its items (TransactionConflict) wrote
 * nothing: the store sends it again after a pause, and past its tries answers a retryable 503,
 * never a 500 (docs/architecture.md#the-data-model). The conflicts come from a proxy, because
 * the dynalite layer queues transactions instead (docs/local-vs-aws.md).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-conflict-handling
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskStore } from '../../src/data/tasks.js';
import { createFingerprint, newTask } from '../../src/tasks/task.js';
import { startTestDynamo, type TestDynamo } from '../support/dynamo.js';
import { type DynamoProxy, startDynamoProxy } from '../support/dynamoProxy.js';

const TABLE = 'TaskApp';
let dynamo: TestDynamo;
let proxy: DynamoProxy;
let direct: DynamoDBDocumentClient;
let viaProxy: DynamoDBDocumentClient;
let store: TaskStore;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const client = dynamo.client();
  await dynamo.ensureTable(client, TABLE, 10);
  direct = DynamoDBDocumentClient.from(client);
  proxy = await startDynamoProxy(dynamo.endpoint);
  viaProxy = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: proxy.url,
      region: 'us-east-1',
      credentials: { accessKeyId: dynamo.accessKeyId, secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  store = new TaskStore(viaProxy, { tableName: TABLE, shards: 10 });
});
afterAll(async () => {
  await proxy?.close();
  viaProxy?.destroy();
  direct?.destroy();
  await dynamo?.close();
});

async function itemsOf(owner: string) {
  const { Items = [] } = await direct.send(
    new ScanCommand({ TableName: TABLE, ConsistentRead: true }),
  );
  return Items.filter((i) => i.PK === `USER#${owner}`).map((i) => String(i.SK).split('#')[0]);
}

const body = { title: 'contended' };
const keyed = (owner: string) => ({
  caller: owner,
  scope: '',
  idempotency: { key: 'k', fingerprint: createFingerprint(body), ttlSeconds: 600 },
});

describe('a transaction conflict', () => {
  it.each([
    { name: 'a create', keyed: undefined, want: ['COUNT', 'TASK'] },
    { name: 'a keyed create', keyed, want: ['COUNT', 'IDEMPOTENCY', 'TASK'] },
  ])('is sent again until it applies: $name makes its task once', async ({ keyed, want }) => {
    const owner = randomUUID();
    let conflicts = 0;
    proxy.rule = ({ target }) =>
      target === 'TransactWriteItems' && ++conflicts <= 3 ? 'conflict' : 'pass';

    const created = await store.create(store.personal(owner), newTask(owner, body), keyed?.(owner));

    proxy.rule = () => 'pass';
    expect(conflicts).toBe(4);
    expect(created.replayed).toBe(false);
    expect((await itemsOf(owner)).sort()).toEqual(want);
  });

  it('that does not end is an unavailable problem (a 503 with Retry-After), with nothing written', async () => {
    const owner = randomUUID();
    proxy.rule = ({ target }) => (target === 'TransactWriteItems' ? 'conflict' : 'pass');

    await expect(store.create(store.personal(owner), newTask(owner, body))).rejects.toMatchObject({
      slug: 'unavailable',
    });

    proxy.rule = () => 'pass';
    expect(await itemsOf(owner)).toEqual([]);
  });

  it('on a delete is sent again too: the task goes and the count with it', async () => {
    const owner = randomUUID();
    const { task } = await store.create(store.personal(owner), newTask(owner, body));
    let conflicts = 0;
    proxy.rule = ({ target }) =>
      target === 'TransactWriteItems' && ++conflicts <= 2 ? 'conflict' : 'pass';

    await store.delete(store.personal(owner), task.task_id);

    proxy.rule = () => 'pass';
    expect(conflicts).toBe(3);
    expect(await itemsOf(owner)).toEqual(['COUNT']);
  });
});
