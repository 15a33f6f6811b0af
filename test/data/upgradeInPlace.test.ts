/**
 * Upgrades in place (docs/architecture.md#upgrading-in-place): a table created by 1.0.0 (one GSI)
 * with the items 1.0.0 wrote keeps working. The local stack adds the new indexes to the kept
 * table, one at a time; an old task reads with the planning fields' defaults, lists, updates and
 * deletes; its first update that needs the index attributes writes them all.
 */
import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusPk, statusShard, statusSk, taskSk, userPk } from '../../src/data/keys.js';
import { createTableInput, tableIndexes } from '../../src/data/table.js';
import { TaskStore } from '../../src/data/tasks.js';
import { newTaskId } from '../../src/tasks/task.js';
import { startTestDynamo, type TestDynamo } from '../support/dynamo.js';

const TABLE = 'TaskApp';
let dynamo: TestDynamo;
let doc: DynamoDBDocumentClient;
let store: TaskStore;

/** The table as 1.0.0 created it: the status index only. */
function tableOf100() {
  const input = createTableInput(TABLE);
  const status = input.GlobalSecondaryIndexes.slice(0, 1);
  return {
    ...input,
    AttributeDefinitions: input.AttributeDefinitions.filter((a) =>
      /^(PK|SK|GSI1PK|GSI1SK)$/.test(a.AttributeName),
    ),
    GlobalSecondaryIndexes: status,
  };
}

/** A personal task as 1.0.0 wrote it: no planning fields, no due or agenda entries. */
async function taskOf100(sub: string, title: string) {
  const taskId = newTaskId();
  const at = new Date().toISOString();
  await doc.send(
    new PutCommand({
      TableName: TABLE,
      Item: {
        PK: userPk(sub),
        SK: taskSk(taskId),
        GSI1PK: statusPk('pending', statusShard(taskId, 10)),
        GSI1SK: statusSk(at, taskId),
        task_id: taskId,
        user_id: sub,
        title,
        description: '',
        status: 'pending',
        created_at: at,
        updated_at: at,
        version: 1,
      },
    }),
  );
  return taskId;
}

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const client = dynamo.client();
  await client.send(new CreateTableCommand(tableOf100()));
  doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  store = new TaskStore(doc, { tableName: TABLE, shards: 10 });
}, 120_000);
afterAll(async () => {
  doc?.destroy();
  await dynamo?.close();
});

describe('a table written by 1.0.0', () => {
  it('gets the new indexes from the local stack, one at a time', async () => {
    const client = dynamo.client();
    await dynamo.ensureTable(client, TABLE, 10);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      tableIndexes.map((i) => i.indexName).sort(),
    );
    client.destroy();
  }, 120_000);

  it("reads, lists, updates and deletes 1.0.0's tasks, with the planning fields' defaults", async () => {
    const sub = randomUUID();
    const mine = store.personal(sub);
    const taskId = await taskOf100(sub, 'written by 1.0.0');

    const read = await store.get(mine, taskId);
    expect(read).toMatchObject({ due: null, priority: 'none', labels: [], recurrence: null });
    expect((await store.list(mine, sub, { limit: 10 })).tasks).toEqual([read]);

    const renamed = await store.update(mine, taskId, { title: 'renamed' });
    expect(renamed).toMatchObject({ title: 'renamed', version: 2 });
    // Reopening assumes the due key an old item lacks: the exact way writes every attribute.
    const started = await store.update(mine, taskId, { status: 'in_progress' });
    expect(started).toMatchObject({ status: 'in_progress', version: 3 });
    const byDue = await store.list(mine, sub, { limit: 10, filter: { sort: 'due' } });
    expect(byDue.tasks.map((t) => t.task_id)).toEqual([taskId]);

    const dated = await store.update(mine, taskId, { due: { date: '2026-12-01' } });
    expect(dated.due).toEqual({ date: '2026-12-01' });
    const agenda = await store.listAgenda(sub, {
      from: '2026-11-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
      limit: 10,
    });
    expect(agenda.tasks.map((t) => t.task_id)).toEqual([taskId]);

    await store.delete(mine, taskId);
    expect((await store.list(mine, sub, { limit: 10 })).tasks).toEqual([]);
  });

  it('lists an old task by due only once it has its index entry, among new ones', async () => {
    const sub = randomUUID();
    const mine = store.personal(sub);
    const old = await taskOf100(sub, 'old');
    const created = await store.create(mine, {
      ...(await store.get(mine, old)),
      task_id: newTaskId(),
      title: 'new',
      version: 1,
    });
    const byDue = await store.list(mine, sub, { limit: 10, filter: { sort: 'due' } });
    expect(byDue.tasks.map((t) => t.title)).toEqual(['new']);
    await store.update(mine, old, { priority: 'high', status: 'completed' });
    // A completion assumes nothing of the index: still not in the due index until a due, a
    // reopening or the migration (docs/operations.md#upgrading-a-table-in-place) writes it.
    expect((await store.list(mine, sub, { limit: 10 })).tasks.map((t) => t.title)).toEqual([
      'new',
      'old',
    ]);
    expect(created.task.title).toBe('new');
  });
});
