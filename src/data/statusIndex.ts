/**
 * The status index's shard count over time (docs/architecture.md#the-data-model): an entry keeps
 * the shard it was written with, so a table item records every N the index was written with and
 * the admin listing reads the highest, however low N is set later. The deploy records N before
 * the functions that write with it go live (infra/shard-record.ts; `npm start` and the tests
 * likewise), so a write never waits for it. `npm run reshard` re-keys the entries and lowers the
 * record.
 */
import { type DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { TableSession } from './session.js';

/** Never a user's partition (those are `USER#<sub>`), so no listing or cursor can reach it. */
export const SHARDS_RECORD_KEY = { PK: 'META#STATUS_INDEX', SK: 'SHARDS' } as const;

/**
 * The UpdateItem that adds N to the record, in DynamoDB's own JSON: the deploy's custom resource
 * sends exactly this. `ADD` to a number set always succeeds and is idempotent.
 */
export function shardRecordUpdate(tableName: string, shards: number) {
  return {
    TableName: tableName,
    Key: { PK: { S: SHARDS_RECORD_KEY.PK }, SK: { S: SHARDS_RECORD_KEY.SK } },
    UpdateExpression: 'ADD shard_counts :n',
    ExpressionAttributeValues: { ':n': { NS: [String(shards)] } },
  };
}

/** What the deploy does, for a table `npm start` or a test made. */
export async function recordShardCount(
  client: DynamoDBClient,
  tableName: string,
  shards: number,
): Promise<void> {
  await client.send(new UpdateItemCommand(shardRecordUpdate(tableName, shards)));
}

/**
 * For a reader, once per container: how many shards to read, the highest N the index was
 * written with (or this store's own N, if higher). A read: the operations that list are granted
 * read-only access to the table (infra/functions.ts), so they never write the record.
 */
export async function readShards(session: TableSession): Promise<number> {
  const shards = session.config.shards;
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
  const written = (Item?.shard_counts as Set<number> | undefined) ?? new Set<number>();
  // `shards` is the single count an earlier version of this record kept.
  return Math.max(shards, Number(Item?.shards ?? 0), ...written);
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
