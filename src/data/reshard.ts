/**
 * `npm run reshard`: re-keys every status-index entry to the shard its id has under the
 * configured N, then records N as the only shard count, so a lowered N reads fewer shards.
 * Idempotent; safe to run while the API serves (each move is conditional on the entry's key).
 */
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TASK_STATUSES } from '../tasks/task.js';
import type { DataConfig } from './client.js';
import { isConditionFailure } from './items.js';
import { statusPk, statusShard } from './keys.js';
import { TableSession } from './session.js';
import { lowerShardsRecord, readShards } from './statusIndex.js';
import { STATUS_INDEX } from './table.js';

/** Moves every entry onto its shard under `config.shards`; answers how many moved. */
export async function reshardStatusIndex(
  db: DynamoDBDocumentClient,
  config: DataConfig,
): Promise<number> {
  const session = new TableSession(db, config);
  const written = await readShards(session);
  let moved = 0;
  for (const status of TASK_STATUSES) {
    for (let shard = 0; shard < written; shard++) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await session.send((options) =>
          db.send(
            new QueryCommand({
              TableName: config.tableName,
              IndexName: STATUS_INDEX,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': statusPk(status, shard) },
              ExclusiveStartKey: start,
            }),
            options,
          ),
        );
        for (const item of page.Items ?? []) {
          const target = statusPk(status, statusShard(String(item.task_id), config.shards));
          if (target === item.GSI1PK) continue;
          if (await move(session, item, target)) moved += 1;
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
  }
  await lowerShardsRecord(session);
  return moved;
}

/** Conditional on the entry being where it was read: a status change in between wins. */
async function move(session: TableSession, item: Record<string, unknown>, target: string) {
  try {
    await session.send((options) =>
      session.db.send(
        new UpdateCommand({
          TableName: session.tableName,
          Key: { PK: item.PK, SK: item.SK },
          UpdateExpression: 'SET GSI1PK = :to',
          ConditionExpression: 'GSI1PK = :from',
          ExpressionAttributeValues: { ':to': target, ':from': item.GSI1PK },
        }),
        options,
      ),
    );
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}
