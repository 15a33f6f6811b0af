/**
 * Idempotency-Key records in the repository (POST /tasks): kept for their TTL and then
 * forgotten, scoped per user, refused with another body, and never the cause of a lost, doubled
 * or resurrected task, also when DynamoDB fails or loses an answer (record, task and count are
 * one transaction; test/data/crash.test.ts kills the process itself).
 */
import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalTaskFromItem } from '../../src/data/containers.js';
import { idempotencySk, userPk } from '../../src/data/keys.js';
import { TaskStore } from '../../src/data/tasks.js';
import { createFingerprint, newTask, type TaskCreate } from '../../src/tasks/task.js';
import { startTestDynamo, type TestDynamo } from '../support/dynamo.js';

const TABLE = 'TaskApp';
const TTL = 600;
const T0 = new Date('2026-11-27T10:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

type Input = Record<string, unknown>;
/** Decides, per DynamoDB command, whether to fail it before sending or lose its answer after. */
type Fault = (command: string, input: Input) => 'fail' | 'lose-answer' | undefined;

let dynamo: TestDynamo;
let doc: DynamoDBDocumentClient;
let fault: Fault = () => undefined;
const clients: DynamoDBClient[] = [];

/** A store whose client runs `fault` under the AWS SDK's own retries (maxAttempts 3). */
function store(): TaskStore {
  const client = dynamo.client({ maxAttempts: 3 });
  clients.push(client);
  const faulty = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  faulty.middlewareStack.add(
    (next, context) => async (args) => {
      const decision = fault(String(context.commandName), args.input as Input);
      if (decision === 'fail') {
        throw Object.assign(new Error('the store is down'), {
          name: 'ServiceUnavailable',
          $metadata: { httpStatusCode: 503 },
        });
      }
      const out = await next(args);
      if (decision === 'lose-answer') {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      return out;
    },
    { step: 'deserialize', name: 'injectFaults' },
  );
  return new TaskStore(faulty, { tableName: TABLE, shards: 10 });
}

async function items(owner: string) {
  const { Items = [] } = await doc.send(
    new ScanCommand({ TableName: TABLE, ConsistentRead: true }),
  );
  return Items.filter((i) => i.PK === userPk(owner)).sort((a, b) =>
    String(a.SK).localeCompare(String(b.SK)),
  );
}
/** The owner's task items, as the store reads them. */
const tasksOf = async (owner: string) =>
  (await items(owner)).filter((i) => String(i.SK).startsWith('TASK#')).map(personalTaskFromItem);
const countOf = async (owner: string) =>
  ((await items(owner)).find((i) => i.SK === 'COUNT#TASKS')?.task_count as number) ?? 0;

function keyed(owner: string, input: TaskCreate, key: string) {
  return {
    caller: owner,
    scope: '',
    idempotency: { key, fingerprint: createFingerprint(input), ttlSeconds: TTL },
  };
}

beforeAll(async () => {
  dynamo = await startTestDynamo();
  const base = dynamo.client();
  clients.push(base);
  await dynamo.ensureTable(base, TABLE);
  doc = DynamoDBDocumentClient.from(base);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await dynamo?.close();
});

const input = { title: 'pay the invoice', description: 'once' };

describe('Idempotency-Key records', () => {
  it('replay the first task until the TTL has passed, then the key makes a new task', async () => {
    const s = store();
    const owner = randomUUID();
    const first = await s.create(
      s.personal(owner),
      newTask(owner, input, T0),
      keyed(owner, input, 'k'),
      T0,
    );

    const replay = await s.create(
      s.personal(owner),
      newTask(owner, input, at(TTL)),
      keyed(owner, input, 'k'),
      at(TTL),
    );
    expect(replay).toEqual({ task: first.task, replayed: true });
    expect(await tasksOf(owner)).toHaveLength(1);

    const later = newTask(owner, input, at(TTL + 1));
    const fresh = await s.create(s.personal(owner), later, keyed(owner, input, 'k'), at(TTL + 1));
    expect(fresh).toEqual({ task: later, replayed: false });
    expect((await tasksOf(owner)).map((t) => t.task_id)).toEqual([
      first.task.task_id,
      later.task_id,
    ]);
    const record = (await items(owner)).find((i) => i.SK === idempotencySk('k'));
    expect(record?.result).toEqual(later);
    expect(record?.expires_at).toBe(Math.floor(at(TTL + 1).getTime() / 1000) + TTL);
  });

  it('are scoped per user: the same key and body from another user makes their own task', async () => {
    const s = store();
    const [alice, bob] = [randomUUID(), randomUUID()];
    const a = await s.create(
      s.personal(alice),
      newTask(alice, input, T0),
      keyed(alice, input, 'shared'),
      T0,
    );
    const b = await s.create(
      s.personal(bob),
      newTask(bob, input, T0),
      keyed(bob, input, 'shared'),
      T0,
    );

    expect(b.replayed).toBe(false);
    expect(b.task.task_id).not.toBe(a.task.task_id);
    expect(await tasksOf(alice)).toHaveLength(1);
    expect(await tasksOf(bob)).toHaveLength(1);
  });

  it('refuse the same key with another body (422) and write nothing', async () => {
    const s = store();
    const owner = randomUUID();
    await s.create(s.personal(owner), newTask(owner, input, T0), keyed(owner, input, 'k'), T0);
    const before = await items(owner);

    const other = { title: 'pay the invoice twice' };
    await expect(
      s.create(s.personal(owner), newTask(owner, other, T0), keyed(owner, other, 'k'), T0),
    ).rejects.toMatchObject({
      slug: 'idempotency-key-reused',
    });
    expect(await items(owner)).toEqual(before);
  });

  it('never bring back a task that was deleted after its create', async () => {
    const s = store();
    const owner = randomUUID();
    const { task } = await s.create(
      s.personal(owner),
      newTask(owner, input, T0),
      keyed(owner, input, 'k'),
      T0,
    );
    await s.delete(s.personal(owner), task.task_id);

    const retry = await s.create(
      s.personal(owner),
      newTask(owner, input, at(5)),
      keyed(owner, input, 'k'),
      at(5),
    );

    expect(retry).toEqual({ task, replayed: true });
    expect(await tasksOf(owner)).toEqual([]);
  });
});

const isTransaction = (command: string) => command === 'TransactWriteItemsCommand';

describe('a create under DynamoDB faults', () => {
  it('whose transaction failed on every attempt wrote nothing: the retry creates once', async () => {
    const s = store();
    const owner = randomUUID();
    fault = (command) => (isTransaction(command) ? 'fail' : undefined);
    await expect(
      s.create(s.personal(owner), newTask(owner, input, T0), keyed(owner, input, 'k'), T0),
    ).rejects.toMatchObject({
      slug: 'unavailable',
    });
    expect(await items(owner)).toEqual([]);

    fault = () => undefined;
    const second = newTask(owner, input, at(1));
    const retry = await s.create(s.personal(owner), second, keyed(owner, input, 'k'), at(1));

    expect(retry).toEqual({ task: second, replayed: false });
    expect(await tasksOf(owner)).toEqual([expect.objectContaining(second)]);
  });

  it('whose transaction landed but every answer was lost is not doubled by the retry', async () => {
    const s = store();
    const owner = randomUUID();
    const original = newTask(owner, input, T0);
    let attempts = 0;
    // The first attempt reaches DynamoDB and loses its answer; the AWS SDK's retries then fail.
    fault = (command) => {
      if (!isTransaction(command)) return undefined;
      attempts += 1;
      return attempts === 1 ? 'lose-answer' : 'fail';
    };
    await expect(
      s.create(s.personal(owner), original, keyed(owner, input, 'k'), T0),
    ).rejects.toMatchObject({
      slug: 'unavailable',
    });

    fault = () => undefined;
    const retry = await s.create(
      s.personal(owner),
      newTask(owner, input, at(1)),
      keyed(owner, input, 'k'),
      at(1),
    );

    expect(attempts).toBe(3);
    expect(retry).toEqual({ task: original, replayed: true });
    expect(await tasksOf(owner)).toEqual([expect.objectContaining(original)]);
  });

  it.each([
    { name: 'without an Idempotency-Key', key: undefined },
    { name: 'with an Idempotency-Key', key: 'lost' },
  ])(
    'whose transaction succeeded but whose answer was lost succeeds once, $name',
    async ({ key }) => {
      const s = store();
      const owner = randomUUID();
      const task = newTask(owner, input, T0);
      let lost = false;
      // The first attempt reaches DynamoDB; its answer does not. The AWS SDK retries.
      fault = (command) => {
        if (lost || !isTransaction(command)) return undefined;
        lost = true;
        return 'lose-answer';
      };

      const created = await s.create(
        s.personal(owner),
        task,
        key ? keyed(owner, input, key) : undefined,
        T0,
      );

      fault = () => undefined;
      expect(lost).toBe(true);
      expect(created.task).toEqual(task);
      expect(await tasksOf(owner)).toEqual([expect.objectContaining(task)]);
      expect(await countOf(owner)).toBe(1);
    },
  );
});

describe('a deleted task never comes back under any fault of a keyed create', () => {
  it.each([
    { name: 'the transaction fails', how: 'fail' },
    { name: 'the transaction loses its answer', how: 'lose-answer' },
  ] as const)('when $name', async ({ how }) => {
    const s = store();
    const owner = randomUUID();
    const original = newTask(owner, input, T0);
    // One fault: every attempt of the first transaction (the AWS SDK retries it).
    let faulted = false;
    let faulting = true;
    fault = (command) => {
      if (!faulting || !isTransaction(command)) return undefined;
      faulted = true;
      return how;
    };
    const first = await s.create(s.personal(owner), original, keyed(owner, input, 'k'), T0).then(
      (created) => created,
      (err: unknown) => {
        expect(err).toMatchObject({ slug: 'unavailable' });
        return undefined;
      },
    );
    faulting = false;
    fault = () => undefined;
    expect(faulted).toBe(true);

    // The client holds the task only if it got an answer; a retry finishes the create once
    // (with the first attempt's task once its transaction landed).
    const second = newTask(owner, input, at(1));
    const created =
      first ?? (await s.create(s.personal(owner), second, keyed(owner, input, 'k'), at(1)));
    expect([original, second]).toContainEqual(created.task);
    expect(await tasksOf(owner)).toEqual([expect.objectContaining(created.task)]);

    await s.delete(s.personal(owner), created.task.task_id);
    const retry = await s.create(
      s.personal(owner),
      newTask(owner, input, at(2)),
      keyed(owner, input, 'k'),
      at(2),
    );
    expect(retry).toEqual({ task: created.task, replayed: true });
    expect(await tasksOf(owner)).toEqual([]);
    expect(await countOf(owner)).toBe(0);
  });
});
