/**
 * Creates with an Idempotency-Key (docs/architecture.md#keyed-creates): a record under the
 * caller's partition (`USER#<sub>`, `IDEMPOTENCY#<sha256 of scope and key>`) holds the request's
 * fingerprint and what the create made. Record and items are one transaction, so no crash leaves
 * a record without its items: a replay only ever answers, and never writes again what may since
 * have been deleted. A retry with another body is a 422.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { idempotencyKeyReused } from '../tasks/errors.js';
import type { Item } from './items.js';
import { idempotencySk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { TTL_ATTRIBUTE } from './table.js';
import { type Cancelled, type TransactItems, transact } from './transact.js';

export interface Idempotency {
  key: string;
  fingerprint: string;
  ttlSeconds: number;
}

export interface KeyedCreate<T> {
  /** Which create the key is for: '' for POST /tasks, whose records predate scopes. */
  scope: string;
  /** The caller: the record lives in their partition. */
  sub: string;
  idempotency: Idempotency;
  /** What this create would make (stored in the record, so a replay answers the same). */
  result: T;
  /** The writes that make `result`, each conditional on its item being new. */
  items: TransactItems;
  /** Why `items` (from index 1 of the transaction) were refused; throws the caller's problem. */
  refused: (cancelled: Cancelled) => void;
}

export async function keyedCreate<T>(
  session: TableSession,
  create: KeyedCreate<T>,
  now = new Date(),
): Promise<{ result: T; replayed: boolean }> {
  const { scope, idempotency } = create;
  const key = {
    PK: userPk(create.sub),
    SK: idempotencySk(scope === '' ? idempotency.key : `${scope}\n${idempotency.key}`),
  };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const cancelled = await transact(session, [
    {
      Put: {
        TableName: session.tableName,
        Item: {
          ...key,
          fingerprint: idempotency.fingerprint,
          result: create.result,
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
    ...create.items,
  ]);
  if (!cancelled) return { result: create.result, replayed: false };
  if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
    create.refused(cancelled);
    throw new Error(
      `${scope || 'createTask'}: a new item's key exists (${cancelled.codes.join(',')})`,
    );
  }
  const returned = cancelled.items[0];
  const record = returned ? unmarshall(returned) : await readRecord(session, key);
  // Expired and removed in between: start afresh.
  if (!record) return keyedCreate(session, create, now);
  if (record.fingerprint !== idempotency.fingerprint) throw idempotencyKeyReused();
  // Records written before scopes held a created task as `task`.
  return { result: (record.result ?? record.task) as T, replayed: true };
}

async function readRecord(
  session: TableSession,
  key: { PK: string; SK: string },
): Promise<Item | undefined> {
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
      options,
    ),
  );
  return Item;
}
