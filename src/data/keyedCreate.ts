/**
 * The workspace creates with an Idempotency-Key (docs/architecture.md#workspaces): a record under
 * the caller's partition (`USER#<sub>`, `IDEMPOTENCY#<sha256 of operation and key>`, so these keys
 * never meet those of POST /tasks) holds the fingerprint and what the create makes. A retry with
 * the same key and body returns that, writing it again only while the record is not done; with
 * another body it is a 422. The same three steps as the personal keyed create: record, items,
 * record marked done.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConflictError } from '../tasks/errors.js';
import { isConditionFailure } from './items.js';
import { idempotencySk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { TTL_ATTRIBUTE } from './table.js';

export interface KeyedCreate<T> {
  operation: string;
  sub: string;
  key: string;
  fingerprint: string;
  ttlSeconds: number;
  /** What this create would make (stored in the record, so a retry makes the same). */
  result: T;
  /** Writes `result`; must be safe to repeat. */
  write(result: T): Promise<void>;
}

export async function keyedCreate<T>(
  session: TableSession,
  create: KeyedCreate<T>,
  now = new Date(),
): Promise<{ result: T; replayed: boolean }> {
  const key = { PK: userPk(create.sub), SK: idempotencySk(`${create.operation}\n${create.key}`) };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    await session.send((options) =>
      session.db.send(
        new PutCommand({
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
        }),
        options,
      ),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    const { Item } = await session.send((options) =>
      session.db.send(
        new GetCommand({ TableName: session.tableName, Key: key, ConsistentRead: true }),
        options,
      ),
    );
    // Expired and removed in between: start afresh.
    if (!Item) return keyedCreate(session, create, now);
    if (Item.fingerprint !== create.fingerprint) throw new IdempotencyConflictError();
    const result = Item.result as T;
    // Once done, what it made may since have been deleted: a replay must not bring it back.
    if (Item.state !== 'done') {
      await create.write(result);
      await markDone(session, key);
    }
    return { result, replayed: true };
  }
  await create.write(create.result);
  await markDone(session, key);
  return { result: create.result, replayed: false };
}

async function markDone(session: TableSession, key: { PK: string; SK: string }) {
  await session.send((options) =>
    session.db.send(
      new UpdateCommand({
        TableName: session.tableName,
        Key: key,
        UpdateExpression: 'SET #state = :done',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done' },
      }),
      options,
    ),
  );
}
