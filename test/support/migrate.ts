/**
 * `npm run migrate` tests: a table on the test engine reachable through the same environment
 * `scripts/migrate.ts` reads (so a child process finds it too), filled with each kind of item
 * an earlier version left, and the checks that every task then behaves like a new one.
 */
import { randomUUID } from 'node:crypto';
import {
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterEach, expect } from 'vitest';
import { functionConfig } from '../../src/config/index.js';
import { createDocumentClient, type DataConfig } from '../../src/data/client.js';
import { adoptedTaskId, normalizeTime } from '../../src/data/migrateShape.js';
import { type TaskContainer, TaskStore } from '../../src/data/tasks.js';
import { ensureTable, localDynamoClient } from '../../src/local/dynamodb.js';
import { newTask, newWorkspaceTask, type TaskCore, type TaskStatus } from '../../src/tasks/task.js';
import { startTestDynamo } from './dynamo.js';

const SHARDS = 4;

export interface MigrateTable {
  /** The environment of `npm run migrate` for this table. */
  env: Record<string, string>;
  config: DataConfig;
  db: DynamoDBDocumentClient;
  store: TaskStore;
  scan(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * A table of its own: a fresh dynalite, or a table of its own name in the run's DynamoDB Local
 * under the access key every `DYNAMODB_ENDPOINT` client signs with.
 */
export async function startMigrateTable(): Promise<MigrateTable> {
  const dynamo = await startTestDynamo();
  const env = {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: `Migrate-${randomUUID()}`,
    STATUS_INDEX_SHARDS: String(SHARDS),
    AWS_REGION: 'us-east-1',
  };
  const config = functionConfig(env);
  const raw = localDynamoClient(dynamo.endpoint);
  await ensureTable(raw, config.data.tableName, SHARDS);
  raw.destroy();
  const db = createDocumentClient(config.dynamo);
  return {
    env,
    config: config.data,
    db,
    store: new TaskStore(db, config.data),
    async scan() {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new ScanCommand({
            TableName: config.data.tableName,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async stop() {
      db.destroy();
      await dynamo.close();
    },
  };
}

/** A fresh table for each test of the file that calls it, stopped after the test. */
export function tablePerTest(): () => Promise<MigrateTable> {
  let current: MigrateTable | undefined;
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  return async () => {
    current = await startMigrateTable();
    return current;
  };
}

/** A task as the seed tutorial's create_task.py wrote it. */
export function seedItem(
  sub: string,
  at: string,
  fields: { title: string; status?: TaskStatus; description?: string },
) {
  const status = fields.status ?? 'pending';
  return {
    PK: `USER#${sub}`,
    SK: `TASK#${randomUUID()}`,
    GSI1PK: `STATUS#${status}`,
    GSI1SK: at,
    title: fields.title,
    ...(fields.description === undefined ? {} : { description: fields.description }),
    status,
    created_at: at,
    updated_at: at,
  };
}

export interface Fixture {
  /** Users and the titles of their tasks; workspaces likewise. */
  users: Map<string, string[]>;
  workspaces: Map<string, string[]>;
  /** The seed items as written, by user. */
  seeds: Record<string, unknown>[];
}

/**
 * Every kind of old item: seed tasks (naive times with and without a fraction, no
 * description), an earlier task-api's personal tasks (unsharded status key, no owner field)
 * with no count or a wrong one, workspace tasks without an assignee field and a wrong count,
 * and tasks the current version wrote (counted by its creates only).
 */
export async function fillOldTable(t: MigrateTable): Promise<Fixture> {
  const put = (item: Record<string, unknown>) =>
    t.db.send(new PutCommand({ TableName: t.config.tableName, Item: item }));
  const users = new Map<string, string[]>();
  const workspaces = new Map<string, string[]>();
  const seeds: Record<string, unknown>[] = [];
  const note = (map: Map<string, string[]>, key: string, title: string) =>
    map.set(key, [...(map.get(key) ?? []), title]);

  const seedUser = randomUUID();
  const seedTimes = ['2026-03-04T10:20:30.123456', '2026-03-04T10:20:31', '2026-03-05T08:00:00.5'];
  for (const [i, at] of seedTimes.entries()) {
    const item = seedItem(seedUser, at, {
      title: `seed ${i}`,
      status: i === 1 ? 'completed' : 'pending',
      ...(i === 0 ? {} : { description: `from the tutorial ${i}` }),
    });
    await put(item);
    seeds.push(item);
    note(users, seedUser, `seed ${i}`);
  }

  const earlyUser = randomUUID();
  for (let i = 0; i < 4; i++) {
    const task = newTask(
      earlyUser,
      { title: `early ${i}`, status: i % 2 ? 'in_progress' : 'pending' },
      new Date(Date.parse('2026-05-01T00:00:00.000Z') + i * 60_000),
    );
    const { user_id: _owner, ...fields } = task;
    await put({
      PK: `USER#${earlyUser}`,
      SK: `TASK#${task.task_id}`,
      GSI1PK: `STATUS#${task.status}`,
      GSI1SK: `${task.created_at}#${task.task_id}`,
      ...fields,
      version: 2,
    });
    note(users, earlyUser, `early ${i}`);
  }

  // A user of both: seed tasks, and current ones whose creates counted only themselves.
  const mixedUser = randomUUID();
  const mixedSeed = seedItem(mixedUser, '2026-01-02T03:04:05.000001', { title: 'mixed seed' });
  await put(mixedSeed);
  seeds.push(mixedSeed);
  note(users, mixedUser, 'mixed seed');
  for (let i = 0; i < 3; i++) {
    await t.store.create(
      t.store.personal(mixedUser),
      newTask(mixedUser, { title: `current ${i}` }),
    );
    note(users, mixedUser, `current ${i}`);
  }

  const owner = randomUUID();
  const { workspace } = await t.store.workspaces.create({ sub: owner }, { name: 'Team' });
  const ws = workspace.workspace_id;
  for (let i = 0; i < 5; i++) {
    const task = newWorkspaceTask(ws, owner, { title: `ws ${i}` });
    const { assignee: _none, ...fields } = task;
    await put({ PK: `WS#${ws}`, SK: `TASK#${task.task_id}`, ...fields });
    note(workspaces, ws, `ws ${i}`);
  }
  await put({ PK: `WS#${ws}`, SK: 'COUNT#TASKS', task_count: 9 });
  return { users, workspaces, seeds };
}

export async function taskCount(t: MigrateTable, pk: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.db.send(
      new QueryCommand({
        TableName: t.config.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
        ExpressionAttributeValues: { ':pk': pk, ':task': 'TASK#' },
        ProjectionExpression: 'SK',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    total += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return total;
}

export async function countItem(t: MigrateTable, pk: string) {
  const items = await t.scan();
  return items.find((i) => i.PK === pk && i.SK === 'COUNT#TASKS');
}

/** Each seed task lives under its ULID, its UUID kept, and the UUID's item is gone. */
export async function expectSeedsAdopted(t: MigrateTable, fixture: Fixture) {
  const items = await t.scan();
  for (const seed of fixture.seeds) {
    const uuid = String(seed.SK).slice('TASK#'.length);
    const createdAt = normalizeTime(seed.created_at) as string;
    const id = adoptedTaskId(uuid, createdAt);
    expect(items.find((i) => i.SK === seed.SK)).toBeUndefined();
    expect(items.find((i) => i.PK === seed.PK && i.SK === `TASK#${id}`)).toMatchObject({
      task_id: id,
      user_id: String(seed.PK).slice('USER#'.length),
      legacy_id: uuid,
      version: 1,
      description: seed.description ?? '',
      created_at: createdAt,
    });
  }
}

/** Every container's count is exact and marked counted. */
export async function expectExactCounts(t: MigrateTable, fixture: Fixture) {
  const pks = [
    ...[...fixture.users.keys()].map((sub) => `USER#${sub}`),
    ...[...fixture.workspaces.keys()].map((id) => `WS#${id}`),
  ];
  for (const pk of pks) {
    const count = await countItem(t, pk);
    expect({ pk, count: count?.task_count, counted: count?.counted }).toEqual({
      pk,
      count: await taskCount(t, pk),
      counted: true,
    });
  }
}

/**
 * Through the real TaskStore: each user's and workspace's tasks are listed (newest first by
 * creation), read, and in the admin listing; each can be updated and deleted, and the counts
 * follow. Leaves every container with one task fewer.
 */
export async function expectTasksServed(t: MigrateTable, fixture: Fixture) {
  const { store } = t;
  const admin = new Set<string>();
  for (const status of ['pending', 'in_progress', 'completed'] as const) {
    const page = await store.listByStatus(status, { limit: 100 });
    for (const task of page.tasks) admin.add(`${task.user_id}/${task.task_id}`);
  }
  for (const [sub, titles] of fixture.users) {
    const ids = await expectServed(t, `USER#${sub}`, sub, store.personal(sub), titles);
    for (const id of ids) expect(admin).toContain(`${sub}/${id}`);
  }
  for (const [id, titles] of fixture.workspaces) {
    await expectServed(t, `WS#${id}`, randomUUID(), store.workspace(id), titles);
  }
}

/** One container's tasks listed, read, updated and one deleted; answers the ids listed. */
async function expectServed<T extends TaskCore>(
  t: MigrateTable,
  pk: string,
  caller: string,
  container: TaskContainer<T>,
  titles: string[],
): Promise<string[]> {
  const { store } = t;
  const { tasks } = await store.list(container, caller, { limit: 100 });
  expect(tasks.map((x) => x.title).sort()).toEqual([...titles].sort());
  const created = tasks.map((x) => x.created_at);
  expect(created).toEqual([...created].sort().reverse());
  for (const task of tasks) {
    expect(task.task_id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(task.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(typeof task.description).toBe('string');
    expect(await store.get(container, task.task_id)).toEqual(task);
    const updated = await store.update(
      container,
      task.task_id,
      { status: 'completed' },
      { kind: 'versions', versions: [task.version] },
    );
    expect(updated.version).toBe(task.version + 1);
  }
  const [first] = tasks;
  if (!first) throw new Error(`no tasks listed in ${pk}`);
  await store.delete(container, first.task_id);
  await expect(store.get(container, first.task_id)).rejects.toMatchObject({ status: 404 });
  expect((await countItem(t, pk))?.task_count).toBe(titles.length - 1);
  return tasks.map((x) => x.task_id);
}

type Hook = (command: string, input: Record<string, unknown>) => Promise<void>;

/**
 * A client on the table for the migration whose calls let live requests in: `before` runs
 * before each call is sent, `after` once its answer came. The caller destroys it.
 */
export function interleaved(t: MigrateTable, hooks: { before?: Hook; after?: Hook }) {
  const db = createDocumentClient(functionConfig(t.env).dynamo);
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      await hooks.before?.(context.commandName ?? '', input);
      const out = await next(args);
      await hooks.after?.(context.commandName ?? '', input);
      return out;
    },
    { step: 'initialize', name: 'interleaveLiveRequests' },
  );
  return db;
}
