/**
 * Changing STATUS_INDEX_SHARDS (issue 10, item 8): a lower N keeps reading every shard ever
 * written until `npm run reshard` has re-keyed the index, so no task drops out of the admin list.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { reshardStatusIndex } from '../../src/data/reshard.js';
import { recordShardCount } from '../../src/data/statusIndex.js';
import { TaskStore } from '../../src/data/tasks.js';
import { newTask, type StoredTask, type TaskStatus } from '../../src/tasks/task.js';
import { startStore } from '../support/dynamo.js';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function listAll(store: TaskStore, status: TaskStatus): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listByStatus(status, { limit: 7, ...(cursor ? { cursor } : {}) });
    seen.push(...page.tasks.map((t) => t.task_id));
    cursor = page.cursor;
  } while (cursor);
  return seen;
}

async function seed(store: TaskStore, count: number): Promise<StoredTask[]> {
  const owner = randomUUID();
  const base = Date.parse('2026-11-01T00:00:00.000Z');
  const tasks: StoredTask[] = [];
  for (let i = 0; i < count; i++) {
    const task = newTask(owner, { title: `t${i}` }, new Date(base + i * 1000));
    await store.create(store.personal(task.user_id), task);
    tasks.push(task);
  }
  return tasks.reverse();
}

describe('lowering the status-index shard count', () => {
  it('hides no task: a store with fewer shards still reads every shard ever written', async () => {
    const env = await startStore(7);
    stop = env.stop;
    const tasks = await seed(env.store, 30);

    const fewer = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 3 });
    expect(await listAll(fewer, 'pending')).toEqual(tasks.map((t) => t.task_id));
  });

  it('re-keys every entry with `reshard`, after which only the new shards are read', async () => {
    const env = await startStore(7);
    stop = env.stop;
    const tasks = await seed(env.store, 30);

    const moved = await reshardStatusIndex(env.doc, { tableName: 'TaskApp', shards: 3 });
    expect(moved).toBeGreaterThan(0);
    const pks = (await env.scan()).filter((i) => i.GSI1PK).map((i) => String(i.GSI1PK));
    expect(pks.every((pk) => Number(pk.split('#')[2]) < 3)).toBe(true);

    const fewer = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 3 });
    let queries = 0;
    env.doc.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'QueryCommand') queries += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countQueries' },
    );
    expect(await listAll(fewer, 'pending')).toEqual(tasks.map((t) => t.task_id));
    const pages = Math.ceil(30 / 7);
    expect(queries).toBeLessThanOrEqual(3 * pages);
  });

  it('keeps an index written with more shards readable after raising and lowering again', async () => {
    const env = await startStore(3);
    stop = env.stop;
    const first = await seed(env.store, 10);
    // A deploy with N = 9 records it before its functions write.
    await recordShardCount(env.client, 'TaskApp', 9);
    const more = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 9 });
    const second = await seed(more, 10);

    const back = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 3 });
    const all = [...second, ...first]
      .map((t) => ({ key: `${t.created_at}#${t.task_id}`, id: t.task_id }))
      .sort((a, b) => (a.key < b.key ? 1 : -1))
      .map((t) => t.id);
    expect(await listAll(back, 'pending')).toEqual(all);
  });
});

describe('the shard-count record', () => {
  it('costs a write nothing, and the admin listing one read beside its queries: no write', async () => {
    const env = await startStore(7);
    stop = env.stop;
    const commands: string[] = [];
    env.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const key = (args.input as { Key?: { PK?: string } }).Key?.PK;
        commands.push(`${context.commandName}${key === 'META#STATUS_INDEX' ? ' (record)' : ''}`);
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    const task = newTask(randomUUID(), { title: 'a' });
    await env.store.create(env.store.personal(task.user_id), task);
    await env.store.update(env.store.personal(task.user_id), task.task_id, {
      status: 'in_progress',
    });
    expect(commands).toEqual(['TransactWriteItemsCommand', 'UpdateItemCommand']);

    // A fresh container of the read-only listing function, with a lower N than the deploy's.
    commands.length = 0;
    const fewer = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 3 });
    expect((await fewer.listByStatus('in_progress', { limit: 10 })).tasks).toEqual([
      expect.objectContaining({ task_id: task.task_id }),
    ]);
    expect(commands.filter((c) => !c.startsWith('QueryCommand'))).toEqual([
      'GetItemCommand (record)',
    ]);
    expect(commands.filter((c) => c.startsWith('QueryCommand'))).toHaveLength(7);
  });
});
