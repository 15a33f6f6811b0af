/**
 * The cap on tasks per user (MAX_TASKS_PER_USER): a per-user count raised and lowered in the same
 * transaction as the task's Put and Delete (docs/architecture.md#the-data-model), so it is exact
 * under concurrency, and a create past the cap is refused with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataConfig } from '../../src/config/function.js';
import { TaskStore } from '../../src/data/tasks.js';
import { createFingerprint, newTask } from '../../src/tasks/task.js';
import { startStore } from '../support/dynamo.js';

const CAP = 3;
let env: Awaited<ReturnType<typeof startStore>>;
let store: TaskStore;

beforeAll(async () => {
  env = await startStore(10);
  store = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 10, maxTasksPerUser: CAP });
});
afterAll(() => env?.stop());

const body = { title: 'one more' };
const keyed = (owner: string, key: string) => ({
  caller: owner,
  scope: '',
  idempotency: { key, fingerprint: createFingerprint(body), ttlSeconds: 600 },
});

async function owned(owner: string) {
  const items = (await env.scan()).filter((i) => i.PK === `USER#${owner}`);
  return {
    tasks: items.filter((i) => String(i.SK).startsWith('TASK#')).length,
    count: items.find((i) => i.SK === 'COUNT#TASKS')?.task_count,
    records: items.filter((i) => String(i.SK).startsWith('IDEMPOTENCY#')).length,
  };
}

describe('the cap on tasks per user', () => {
  it('refuses the create past the cap, with or without a key, and writes nothing', async () => {
    const owner = randomUUID();
    for (let i = 0; i < CAP; i++) await store.create(store.personal(owner), newTask(owner, body));

    await expect(store.create(store.personal(owner), newTask(owner, body))).rejects.toMatchObject({
      slug: 'task-limit-reached',
    });
    await expect(
      store.create(store.personal(owner), newTask(owner, body), keyed(owner, 'late')),
    ).rejects.toThrow(/at most 3 tasks/);
    expect(await owned(owner)).toEqual({ tasks: CAP, count: CAP, records: 0 });
  });

  it('counts per user: one user at the cap does not stop another', async () => {
    const [alice, bob] = [randomUUID(), randomUUID()];
    for (let i = 0; i < CAP; i++) await store.create(store.personal(alice), newTask(alice, body));

    await store.create(store.personal(bob), newTask(bob, body));
    expect((await owned(bob)).tasks).toBe(1);
  });

  it('frees a slot when a task is deleted', async () => {
    const owner = randomUUID();
    const made = [];
    for (let i = 0; i < CAP; i++)
      made.push((await store.create(store.personal(owner), newTask(owner, body))).task);
    await store.delete(store.personal(owner), made[0]?.task_id as string);

    await store.create(store.personal(owner), newTask(owner, body));
    expect(await owned(owner)).toEqual({ tasks: CAP, count: CAP, records: 0 });
  });

  it('still replays a keyed create that succeeded once the cap is reached', async () => {
    const owner = randomUUID();
    const first = await store.create(
      store.personal(owner),
      newTask(owner, body),
      keyed(owner, 'first'),
    );
    for (let i = 1; i < CAP; i++) await store.create(store.personal(owner), newTask(owner, body));

    const replay = await store.create(
      store.personal(owner),
      newTask(owner, body),
      keyed(owner, 'first'),
    );
    expect(replay).toEqual({ task: first.task, replayed: true });
  });

  it('does not count a failed delete (404) down', async () => {
    const owner = randomUUID();
    await store.create(store.personal(owner), newTask(owner, body));
    await expect(store.delete(store.personal(owner), newTask(owner, body).task_id)).rejects.toThrow(
      /not found/,
    );
    expect(await owned(owner)).toEqual({ tasks: 1, count: 1, records: 0 });
  });

  it('never lets concurrent creates exceed the cap: exactly the cap succeed, the rest are refused', async () => {
    const owner = randomUUID();
    const many = 4 * CAP;
    const results = await Promise.allSettled(
      Array.from({ length: many }, (_, i) =>
        store.create(
          store.personal(owner),
          newTask(owner, body),
          i % 2 ? keyed(owner, `race-${i}`) : undefined,
        ),
      ),
    );

    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(CAP);
    for (const r of refused) expect(r.reason).toMatchObject({ slug: 'task-limit-reached' });
    expect((await owned(owner)).tasks).toBe(CAP);
    expect((await owned(owner)).count).toBe(CAP);
  });

  it('keeps the count exact under concurrent creates and deletes', async () => {
    const owner = randomUUID();
    const big = new TaskStore(env.doc, { tableName: 'TaskApp', shards: 10, maxTasksPerUser: 100 });
    const made = await Promise.all(
      Array.from({ length: 20 }, () => big.create(big.personal(owner), newTask(owner, body))),
    );
    await Promise.all([
      ...made.slice(0, 10).map(({ task }) => big.delete(big.personal(owner), task.task_id)),
      ...Array.from({ length: 10 }, () => big.create(big.personal(owner), newTask(owner, body))),
    ]);
    expect(await owned(owner)).toEqual({ tasks: 20, count: 20, records: 0 });
  });
});

describe('MAX_TASKS_PER_USER', () => {
  it('is 10000 unless set', () => {
    expect(dataConfig({}).maxTasksPerUser).toBe(10_000);
    expect(dataConfig({ MAX_TASKS_PER_USER: '50' }).maxTasksPerUser).toBe(50);
  });

  it.each(['0', '-1', '2.5', 'many', '1000001'])('refuses %s at start-up', (raw) => {
    expect(() => dataConfig({ MAX_TASKS_PER_USER: raw })).toThrow(
      `MAX_TASKS_PER_USER must be an integer 1-1000000, got ${raw}`,
    );
  });
});
