/**
 * POST /tasks with an Idempotency-Key: a record under the caller's partition (key hash ->
 * fingerprint and the task) makes a retry replay the first answer instead of making a second
 * task. Record, task and count are one transaction (docs/architecture.md#the-data-model).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { idempotencyKeyReused } from '../tasks/errors.js';
import type { StoredTask } from '../tasks/task.js';
import { fromItem, type Item, newTaskFailure, putNewItems } from './items.js';
import { idempotencySk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { TTL_ATTRIBUTE } from './table.js';
import { transact } from './transact.js';

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
 * One transaction: the record (only where none is, or where it has expired), the task and its
 * owner's count, so a crash at any point leaves all three or none. A record that is there is
 * the first answer, replayed as it was: also after its task was deleted, which a replay never
 * brings back.
 */
export async function createKeyed(
  session: TableSession,
  task: StoredTask,
  idempotency: Idempotency,
  now: Date,
): Promise<Created> {
  const key = { PK: userPk(task.user_id), SK: idempotencySk(idempotency.key) };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const cancelled = await transact(session, [
    {
      Put: {
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
        // The record comes back with the cancellation: a replay costs no read.
        // https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Put.html
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    ...putNewItems(session, task),
  ]);
  if (!cancelled) return { task, replayed: false };
  if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
    newTaskFailure(cancelled, 1, session);
    throw new Error(`task id collision on ${task.task_id}`);
  }
  const returned = cancelled.items[0];
  const record = returned ? unmarshall(returned) : await readRecord(session, key);
  // The record expired and was removed in between: start afresh.
  if (!record) return createKeyed(session, task, idempotency, now);
  if (record.fingerprint !== idempotency.fingerprint) throw idempotencyKeyReused();
  return { task: fromItem(record.task as Item), replayed: true };
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
