/**
 * `npm run migrate` while the API serves (docs/operations.md#upgrading-a-table-in-place): live
 * creates, updates and deletes interleaved with the migration's reads and writes are never lost,
 * never brought back, and leave every count exact.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { migrateTable } from '../../src/data/migrate.js';
import { newTask } from '../../src/tasks/task.js';
import {
  countItem,
  fillOldTable,
  interleaved,
  seedItem,
  tablePerTest,
  taskCount,
} from '../support/migrate.js';

const startTable = tablePerTest();
/** The migration's count Query of the container `pk`. */
const countQueryOf = (input: Record<string, unknown>, pk: string) =>
  input.Select === 'COUNT' &&
  (input.ExpressionAttributeValues as Record<string, unknown> | undefined)?.[':pk'] === pk;

describe('counts set while the API serves', () => {
  it('stays exact when a create lands between counting a container and writing its count', async () => {
    const t = await startTable();
    const sub = randomUUID();
    const pk = `USER#${sub}`;
    for (let i = 0; i < 3; i++) {
      const task = newTask(sub, { title: `early ${i}` });
      await t.db.send(
        new PutCommand({
          TableName: t.config.tableName,
          Item: { PK: pk, SK: `TASK#${task.task_id}`, ...task },
        }),
      );
    }
    // The live API: its own client. It creates right after the migration's count Query.
    const live = t.store;
    let creates = 0;
    const migration = interleaved(t, {
      after: async (_command, input) => {
        if (countQueryOf(input, pk) && creates < 2) {
          creates += 1;
          await live.create(live.personal(sub), newTask(sub, { title: `live ${creates}` }));
        }
      },
    });

    await migrateTable(migration, t.config, { rate: 1000 });

    expect(creates).toBe(2);
    expect(await taskCount(t, pk)).toBe(5);
    expect(await countItem(t, pk)).toMatchObject({ task_count: 5, counted: true });
    migration.destroy();
  });

  it('stays exact when a create and a delete land between two pages of its count Query', async () => {
    const t = await startTable();
    const sub = randomUUID();
    const pk = `USER#${sub}`;
    // Over 1 MB of tasks, so the count Query takes two pages; a count an earlier version left.
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) {
      const task = newTask(sub, { title: `big ${i}`, description: 'x'.repeat(4000) });
      ids.push(task.task_id);
      await t.db.send(
        new PutCommand({
          TableName: t.config.tableName,
          Item: { PK: pk, SK: `TASK#${task.task_id}`, ...task },
        }),
      );
    }
    await t.db.send(
      new PutCommand({
        TableName: t.config.tableName,
        Item: { PK: pk, SK: 'COUNT#TASKS', task_count: 7 },
      }),
    );
    const live = t.store;
    const pages: boolean[] = [];
    const migration = interleaved(t, {
      after: async (_command, input) => {
        if (!countQueryOf(input, pk)) return;
        pages.push(input.ExclusiveStartKey !== undefined);
        if (pages.length > 1) return;
        // After a page that counted the oldest task: a new task (counted by a later page)
        // and the oldest deleted. The count's value is back where it was.
        await live.create(live.personal(sub), newTask(sub, { title: 'live' }));
        await live.delete(live.personal(sub), ids[0] as string);
      },
    });

    await migrateTable(migration, t.config, { rate: 1000 });

    expect(pages.slice(0, 2)).toEqual([false, true]);
    expect(await taskCount(t, pk)).toBe(300);
    expect(await countItem(t, pk)).toMatchObject({ task_count: 300, counted: true });
    migration.destroy();
  });

  it('stays exact under concurrent creates and deletes during the whole run', async () => {
    const t = await startTable();
    const fixture = await fillOldTable(t);
    const { store } = t;
    const subs = [...fixture.users.keys()];
    const traffic = async (sub: string) => {
      for (let i = 0; i < 6; i++) {
        const task = newTask(sub, { title: `live ${i}` });
        await store.create(store.personal(sub), task);
        if (i % 2) await store.delete(store.personal(sub), task.task_id);
      }
    };

    await Promise.all([migrateTable(t.db, t.config, { rate: 5 }), ...subs.map(traffic)]);

    for (const sub of subs) {
      expect(await countItem(t, `USER#${sub}`)).toMatchObject({
        task_count: await taskCount(t, `USER#${sub}`),
        counted: true,
      });
    }
  });
});

describe('task writes while the API serves', () => {
  it('keeps an update that lands between reading a task and rewriting it, and rewrites that', async () => {
    const t = await startTable();
    const sub = randomUUID();
    const task = newTask(sub, { title: 'early' });
    const key = { PK: `USER#${sub}`, SK: `TASK#${task.task_id}` };
    await t.db.send(
      new PutCommand({
        TableName: t.config.tableName,
        Item: { ...key, GSI1PK: 'STATUS#pending', GSI1SK: task.created_at, ...task, version: 2 },
      }),
    );
    const live = t.store;
    let updates = 0;
    const migration = interleaved(t, {
      before: async (command, input) => {
        const item = input.Item as Record<string, unknown> | undefined;
        if (command !== 'PutItemCommand' || item?.SK !== key.SK || updates > 0) return;
        updates += 1;
        await live.update(live.personal(sub), task.task_id, { title: 'renamed live' });
      },
    });

    const result = await migrateTable(migration, t.config, { rate: 1000 });

    expect(updates).toBe(1);
    expect(result.checkpoint.totals.upgraded).toBe(1);
    expect(await live.get(live.personal(sub), task.task_id)).toMatchObject({
      title: 'renamed live',
      version: 3,
    });
    const { tasks } = await live.listByStatus('pending', { limit: 10 });
    expect(tasks.map((x) => [x.task_id, x.title])).toEqual([[task.task_id, 'renamed live']]);
    migration.destroy();
  });

  it('does not bring back a seed task deleted while it is being adopted', async () => {
    const t = await startTable();
    const sub = randomUUID();
    const doomed = seedItem(sub, '2026-03-04T10:20:30.123456', { title: 'doomed' });
    const kept = seedItem(sub, '2026-03-04T10:20:31.000001', { title: 'kept' });
    for (const item of [doomed, kept]) {
      await t.db.send(new PutCommand({ TableName: t.config.tableName, Item: item }));
    }
    const uuid = doomed.SK.slice('TASK#'.length);
    const live = t.store;
    let deletes = 0;
    const migration = interleaved(t, {
      before: async (command, input) => {
        const [put] = (input.TransactItems as { Put?: { Item: Record<string, unknown> } }[]) ?? [];
        if (command !== 'TransactWriteItemsCommand' || put?.Put?.Item.legacy_id !== uuid) return;
        if (deletes++ === 0) await live.delete(live.personal(sub), uuid);
      },
    });

    const result = await migrateTable(migration, t.config, { rate: 1000 });

    expect(deletes).toBe(1);
    expect(result.checkpoint.totals.adopted).toBe(1);
    const { tasks } = await live.list(live.personal(sub), sub, { limit: 10 });
    expect(tasks.map((x) => x.title)).toEqual(['kept']);
    expect((await t.scan()).filter((i) => i.legacy_id === uuid || i.SK === doomed.SK)).toEqual([]);
    expect(await countItem(t, `USER#${sub}`)).toMatchObject({ task_count: 1, counted: true });
    migration.destroy();
  });
});
