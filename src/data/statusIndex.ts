/**
 * The status index's shard count over time (docs/architecture.md#the-data-model): an entry keeps
 * the shard it was written with, so a table item records the highest N ever written and the
 * admin listing reads that many shards, however low N is set later. `npm run reshard` re-keys
 * the entries and lowers the record.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableSession } from './session.js';

/** Never a user's partition (those are `USER#<sub>`), so no listing or cursor can reach it. */
export const SHARDS_RECORD_KEY = { PK: 'META#STATUS_INDEX', SK: 'SHARDS' } as const;

/**
 * Adds this store's N to the record's set of every N written with, and answers how many shards
 * to read: the highest of them. One UpdateItem that always succeeds (`ADD` to a number set is
 * idempotent), so a container's first status-index call costs one request.
 */
export async function recordShards(session: TableSession): Promise<number> {
  const shards = session.config.shards;
  const { Attributes } = await session.send((options) =>
    session.db.send(
      new UpdateCommand({
        TableName: session.tableName,
        Key: SHARDS_RECORD_KEY,
        UpdateExpression: 'ADD shard_counts :n',
        ExpressionAttributeValues: { ':n': new Set([shards]) },
        ReturnValues: 'ALL_NEW',
      }),
      options,
    ),
  );
  const written = (Attributes?.shard_counts as Set<number> | undefined) ?? new Set<number>();
  // `shards` is the single count an earlier version of this record kept.
  return Math.max(shards, Number(Attributes?.shards ?? 0), ...written);
}

/** Sets the record to exactly N, once every entry has been re-keyed to N shards. */
export async function lowerShardsRecord(session: TableSession): Promise<void> {
  await session.send((options) =>
    session.db.send(
      new UpdateCommand({
        TableName: session.tableName,
        Key: SHARDS_RECORD_KEY,
        UpdateExpression: 'SET shard_counts = :n REMOVE shards',
        ExpressionAttributeValues: { ':n': new Set([session.config.shards]) },
      }),
      options,
    ),
  );
}
