/**
 * The workspace creates with an Idempotency-Key (docs/architecture.md#workspaces): a record under
 * the caller's partition (`USER#<sub>`, `IDEMPOTENCY#<sha256 of operation and key>`, so these keys
 * never meet those of POST /tasks) holds the fingerprint and what the create made. The record and
 * the items are one transaction, as the personal keyed create is: no crash leaves a record
 * without its items, so a replay only ever answers, and never writes again what may since have
 * been deleted. A retry with another body is a 422.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { idempotencyKeyReused } from '../tasks/errors.js';
import type { Item } from './items.js';
import { idempotencySk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { TTL_ATTRIBUTE } from './table.js';
import { type TransactItems, transact } from './transact.js';

export interface KeyedCreate<T> {
  operation: string;
  sub: string;
  key: string;
  fingerprint: string;
  ttlSeconds: number;
  /** What this create would make (stored in the record, so a replay answers the same). */
  result: T;
  /** The writes that make `result`, each conditional on its item being new. */
  items: TransactItems;
}

export async function keyedCreate<T>(
  session: TableSession,
  create: KeyedCreate<T>,
  now = new Date(),
): Promise<{ result: T; replayed: boolean }> {
  const key = { PK: userPk(create.sub), SK: idempotencySk(`${create.operation}\n${create.key}`) };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const cancelled = await transact(session, [
    {
      Put: {
        TableName: session.tableName,
        Item: {
          ...key,
          fingerprint: create.fingerprint,
          result: create.result,
          [TTL_ATTRIBUTE]: nowSeconds + create.ttlSeconds,
        },
        // TTL deletion is lazy (and absent locally): an expired record counts as absent.
        ConditionExpression: 'attribute_not_exists(PK) OR #ttl < :now',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': nowSeconds },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    ...create.items,
  ]);
  if (!cancelled) return { result: create.result, replayed: false };
  if (cancelled.codes[0] !== 'ConditionalCheckFailed') {
    throw new Error(`${create.operation}: a new item's key exists (${cancelled.codes.join(',')})`);
  }
  const returned = cancelled.items[0];
  const record = returned ? unmarshall(returned) : await readRecord(session, key);
  // Expired and removed in between: start afresh.
  if (!record) return keyedCreate(session, create, now);
  if (record.fingerprint !== create.fingerprint) throw idempotencyKeyReused();
  return { result: record.result as T, replayed: true };
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
