/** The write-sharded status index (docs/architecture.md#the-data-model): merged admin pages against a model. */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { statusShard } from '../../src/data/keys.js';
import { newTask, type StoredTask, type TaskStatus } from '../../src/tasks/task.js';
import { startStore } from '../support/dynamo.js';

const STATUSES: TaskStatus[] = ['pending', 'in_progress', 'completed'];
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** A deterministic pseudo-random sequence, so a failure reproduces. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe.each([1, 7])('the admin listing with %i shard(s)', (shards) => {
  it('merges every page newest first and returns every task exactly once, equal to a model', async () => {
    const env = await startStore(shards);
    stop = env.stop;
    const random = rng(shards);
    const users = Array.from({ length: 6 }, () => randomUUID());
    const model = new Map<string, StoredTask>();
    const base = Date.parse('2026-11-01T00:00:00.000Z');

    for (let i = 0; i < 300; i++) {
      const status = STATUSES[Math.floor(random() * 3)] as TaskStatus;
      // Several tasks share a millisecond, so ties on created_at are exercised too.
      const at = new Date(base + Math.floor(i / 3) * 1000);
      const task = newTask(users[i % users.length] as string, { title: `t${i}`, status }, at);
      await env.store.create(env.store.personal(task.user_id), task);
      model.set(task.task_id, task);
    }
    // Status changes in between: a quarter of the tasks move.
    for (const task of [...model.values()].filter(() => random() < 0.25)) {
      const status = STATUSES[(STATUSES.indexOf(task.status) + 1) % 3] as TaskStatus;
      const updated = await env.store.update(env.store.personal(task.user_id), task.task_id, {
        status,
      });
      model.set(task.task_id, updated);
    }

    for (const status of STATUSES) {
      const expected = [...model.values()]
        .filter((t) => t.status === status)
        .sort((a, b) => (`${b.created_at}#${b.task_id}` > `${a.created_at}#${a.task_id}` ? 1 : -1));
      for (const limit of [1, 7, 50, 100]) {
        const seen: StoredTask[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
          const page = await env.store.listByStatus(status, {
            limit,
            ...(cursor ? { cursor } : {}),
          });
          expect(page.tasks.length).toBeLessThanOrEqual(limit);
          seen.push(...page.tasks);
          cursor = page.cursor;
          pages += 1;
        } while (cursor && pages <= 400);
        expect(
          seen.map((t) => t.task_id),
          `${status} limit ${limit}`,
        ).toEqual(expected.map((t) => t.task_id));
        expect(seen).toEqual(expected);
      }
    }
  });
});

describe('the admin cursor (issue 10, item 6)', () => {
  it('is a watermark: later pages hold no task created after page 1, and no gap or repeat', async () => {
    const env = await startStore(3);
    stop = env.stop;
    const owner = randomUUID();
    const base = Date.parse('2026-11-01T00:00:00.000Z');
    const before: StoredTask[] = [];
    for (let i = 0; i < 12; i++) {
      const task = newTask(owner, { title: `old ${i}` }, new Date(base + i * 1000));
      await env.store.create(env.store.personal(task.user_id), task);
      before.unshift(task);
    }

    const first = await env.store.listByStatus('pending', { limit: 2 });
    // Newer tasks, on every shard, between page 1 and the rest.
    for (let i = 0; i < 12; i++) {
      await env.store.create(
        env.store.personal(owner),
        newTask(owner, { title: `new ${i}` }, new Date(base + 60_000 + i)),
      );
    }
    const seen = [...first.tasks];
    let cursor = first.cursor;
    while (cursor) {
      const page = await env.store.listByStatus('pending', { limit: 2, cursor });
      seen.push(...page.tasks);
      cursor = page.cursor;
    }

    expect(seen.map((t) => t.title)).toEqual(before.map((t) => t.title));
  });
});

describe('status changes on the sharded index', () => {
  it("keep a task on its id's shard of the new status and leave nothing in the old one", async () => {
    const shards = 7;
    const env = await startStore(shards);
    stop = env.stop;
    const owner = randomUUID();
    const task = newTask(owner, { title: 'moves' });
    await env.store.create(env.store.personal(task.user_id), task);
    const shard = statusShard(task.task_id, shards);
    const queryShard = async (status: TaskStatus) => {
      const out = await env.doc.send(
        new QueryCommand({
          TableName: 'TaskApp',
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': `STATUS#${status}#${shard}` },
        }),
      );
      return (out.Items ?? []).map((i) => i.task_id);
    };

    for (const status of ['in_progress', 'completed', 'pending'] as const) {
      await env.store.update(env.store.personal(owner), task.task_id, { status });
      for (const other of STATUSES) {
        expect(await queryShard(other), `${status} -> ${other}`).toEqual(
          other === status ? [task.task_id] : [],
        );
      }
    }
    expect((await env.scan()).filter((i) => String(i.SK).startsWith('TASK#'))).toHaveLength(1);
  });

  it('spreads tasks evenly: no shard takes more than twice its share of 2,000 ids', () => {
    const shards = 10;
    const counts = new Array(shards).fill(0);
    for (let i = 0; i < 2000; i++)
      counts[statusShard(newTask('u', { title: 't' }).task_id, shards)] += 1;
    expect(Math.max(...counts)).toBeLessThan((2000 / shards) * 2);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });
});

describe('a failing shard in the admin listing', () => {
  it('fails the page and stops the other shard queries instead of leaving them to retry', async () => {
    const env = await startStore(3);
    stop = env.stop;
    const outcomes: string[] = [];
    await env.store.statusIndexShards();
    // A fault we cannot otherwise cause for one shard alone: shard 0 fails at once, the others
    // are slow; what happens to the slow ones after the page has failed is the point.
    env.doc.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { ExpressionAttributeValues?: Record<string, { S?: string }> };
        const pk = String(input.ExpressionAttributeValues?.[':pk']?.S ?? '');
        if (pk.endsWith('#0')) {
          throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        }
        await new Promise((done) => setTimeout(done, 300));
        try {
          const out = await next(args);
          outcomes.push('completed');
          return out;
        } catch (err) {
          outcomes.push((err as Error).name);
          throw err;
        }
      },
      { step: 'finalizeRequest', name: 'oneShardDown' },
    );

    await expect(env.store.listByStatus('pending', { limit: 10 })).rejects.toThrow(
      'the data store is unavailable',
    );
    await new Promise((done) => setTimeout(done, 600));

    expect(outcomes).toEqual(['AbortError', 'AbortError']);
  });
});
