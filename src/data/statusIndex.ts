/**
 * The status index's shard count over time (docs/architecture.md#data-model): an entry keeps
 * the shard it was written with, so a table item records the highest N ever written and the
 * admin listing reads that many shards, however low N is set later. `npm run reshard` re-keys
 * the entries and lowers the record.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './items.js';
import type { TableSession } from './session.js';

/** Never a user's partition (those are `USER#<sub>`), so no listing or cursor can reach it. */
export const SHARDS_RECORD_KEY = { PK: 'META#STATUS_INDEX', SK: 'SHARDS' } as const;

/**
 * Raises the record to this store's N if it is lower, and answers how many shards to read:
 * max(N, every N written before).
 */
export async function recordShards(session: TableSession): Promise<number> {
  const shards = session.config.shards;
  try {
    await session.send((options) =>
      session.db.send(
        new UpdateCommand({
          TableName: session.tableName,
          Key: SHARDS_RECORD_KEY,
          UpdateExpression: 'SET shards = :n',
          ConditionExpression: 'attribute_not_exists(shards) OR shards < :n',
          ExpressionAttributeValues: { ':n': shards },
        }),
        options,
      ),
    );
    return shards;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
  const { Item } = await session.send((options) =>
    session.db.send(
      new GetCommand({
        TableName: session.tableName,
        Key: SHARDS_RECORD_KEY,
        ConsistentRead: true,
      }),
      options,
    ),
  );
  return Math.max(shards, Number(Item?.shards ?? shards));
}

/** Sets the record to exactly N, once every entry has been re-keyed to N shards. */
export async function lowerShardsRecord(session: TableSession): Promise<void> {
  await session.send((options) =>
    session.db.send(
      new UpdateCommand({
        TableName: session.tableName,
        Key: SHARDS_RECORD_KEY,
        UpdateExpression: 'SET shards = :n',
        ExpressionAttributeValues: { ':n': session.config.shards },
      }),
      options,
    ),
  );
}
