/**
 * POST /tasks with an Idempotency-Key: a record under the caller's partition (key hash ->
 * fingerprint and the task) makes a retry replay the first task instead of making a second.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConflictError } from '../tasks/errors.js';
import type { StoredTask } from '../tasks/task.js';
import { fromItem, type Item, isConditionFailure, putNew } from './items.js';
import { idempotencySk, taskSk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { TTL_ATTRIBUTE } from './table.js';

export interface Idempotency {
  key: string;
  fingerprint: string;
  ttlSeconds: number;
}

export interface Created {
  task: StoredTask;
  replayed: boolean;
}

type RecordKey = { PK: string; SK: string };

/**
 * First a conditional Put of the record, then the task, then the record is marked done; only
 * then is the task the caller's. A retry finds the record and replays the task, writing it
 * only while the record is not done, so a create is never lost, doubled, nor brought back
 * after a delete (every single fault is a test in test/data/idempotency.test.ts).
 */
export async function createKeyed(
  session: TableSession,
  task: StoredTask,
  idempotency: Idempotency,
  now: Date,
): Promise<Created> {
  const key = { PK: userPk(task.user_id), SK: idempotencySk(idempotency.key) };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await session.send((options) =>
      session.db.send(
        new PutCommand({
          TableName: session.tableName,
          Item: {
            ...key,
            fingerprint: idempotency.fingerprint,
            task,
            [TTL_ATTRIBUTE]: nowSeconds + idempotency.ttlSeconds,
          },
          // TTL deletion is lazy (and absent locally): an expired record counts as absent.
          ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
          ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
        options,
      ),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const replayed = await replay(session, key, idempotency.fingerprint);
    // The record expired and was removed in between: start afresh.
    return replayed ?? createKeyed(session, task, idempotency, now);
  }
  // If this fails the record stays: the write may have landed with its answer lost, and a
  // retry must finish this task rather than start a second one.
  await putNew(session, task);
  await finish(session, key, task, idempotency.fingerprint);
  return { task, replayed: false };
}

/**
 * Marks the record done. Until it is, a retry writes the task again, so a task that a caller
 * could see and delete must never stand beside an undone record: when the mark fails the task
 * is taken back (unless a concurrent retry with the same key finished the record meanwhile)
 * and the create fails, leaving record and absence for the retry to finish.
 */
async function finish(
  session: TableSession,
  key: RecordKey,
  task: StoredTask,
  fingerprint: string,
) {
  try {
    await session.send((options) =>
      session.db.send(
        new UpdateCommand({
          TableName: session.tableName,
          Key: key,
          UpdateExpression: 'SET #state = :done',
          ConditionExpression: 'fingerprint = :f',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':done': 'done', ':f': fingerprint },
        }),
        options,
      ),
    );
  } catch (err) {
    const record = await readRecord(session, key).catch(() => undefined);
    if (record?.state === 'done') return;
    await session
      .send((options) =>
        session.db.send(
          new DeleteCommand({
            TableName: session.tableName,
            Key: { PK: userPk(task.user_id), SK: taskSk(task.task_id) },
            // Only the untouched task this create wrote.
            ConditionExpression: 'version = :one',
            ExpressionAttributeValues: { ':one': 1 },
          }),
          options,
        ),
      )
      .catch(() => undefined);
    throw err;
  }
}

async function readRecord(session: TableSession, key: RecordKey): Promise<Item | undefined> {
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
      options,
    ),
  );
  return Item;
}

async function replay(
  session: TableSession,
  key: RecordKey,
  fingerprint: string,
): Promise<Created | undefined> {
  const Item = await readRecord(session, key);
  if (!Item) return undefined;
  if (Item.fingerprint !== fingerprint) throw new IdempotencyConflictError();
  const task = fromItem(Item.task as Item);
  // Once done, the task may since have been deleted: a replay must not bring it back.
  if (Item.state !== 'done') {
    await putNew(session, task);
    await finish(session, key, task, fingerprint);
  }
  return { task, replayed: true };
}
