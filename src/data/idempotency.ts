/**
 * POST /tasks with an Idempotency-Key: a record under the caller's partition (key hash ->
 * fingerprint and the task) makes a retry replay the first task instead of making a second.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConflictError } from '../tasks/errors.js';
import type { StoredTask } from '../tasks/task.js';
import { fromItem, type Item, isConditionFailure, putNew } from './items.js';
import { idempotencySk, userPk } from './keys.js';
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
 * First a conditional Put of the record, then the task, then the record is marked done. A
 * retry finds the record and replays the task, writing it only if the first attempt never got
 * that far, so a create is never lost, doubled, nor brought back after a delete.
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
  await markDone(session, key, idempotency.fingerprint);
  return { task, replayed: false };
}

/** Best effort: a record left undone only lets a later replay write its task once more. */
async function markDone(session: TableSession, key: RecordKey, fingerprint: string) {
  await session.db
    .send(
      new UpdateCommand({
        TableName: session.tableName,
        Key: key,
        UpdateExpression: 'SET #state = :done',
        ConditionExpression: 'fingerprint = :f',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':f': fingerprint },
      }),
    )
    .catch(() => undefined);
}

async function replay(
  session: TableSession,
  key: RecordKey,
  fingerprint: string,
): Promise<Created | undefined> {
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
      options,
    ),
  );
  if (!Item) return undefined;
  if (Item.fingerprint !== fingerprint) throw new IdempotencyConflictError();
  const task = fromItem(Item.task as Item);
  // Once done, the task may since have been deleted: a replay must not bring it back.
  if (Item.state !== 'done') {
    await putNew(session, task);
    await markDone(session, key, fingerprint);
  }
  return { task, replayed: true };
}
