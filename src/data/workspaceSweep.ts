/**
 * Deleting a workspace's items once it is marked `deleting` (docs/architecture.md#workspaces):
 * each round reads the first 26 keys of its partition (25 to delete, and `META`, which goes
 * last) and deletes them with one BatchWriteItem, until only `META` is left; then `META`. Each
 * round starts from the partition's beginning, so a sweep cut short anywhere (a crash, a fault,
 * the Lambda's time) is resumed by the next one with nothing to remember.
 */
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BATCH_WRITE_MAX, batchWrite, deleteRequest } from './batch.js';
import type { TableSession } from './session.js';
import { type Key, META_SK, metaKey, workspacePk } from './workspaceItems.js';

/** What a sweep leaves of the request's store deadline for its answer. */
export const SWEEP_RESERVE_MS = 1000;

export async function sweepWorkspace(
  session: TableSession,
  workspaceId: string,
  options: { maxBatches?: number } = {},
): Promise<'done' | 'pending'> {
  const until =
    session.deadline === undefined ? Number.POSITIVE_INFINITY : session.deadline - SWEEP_RESERVE_MS;
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  for (let batches = 0; ; batches++) {
    if (batches >= maxBatches || Date.now() >= until) return 'pending';
    const out = await session.send((call) =>
      session.db.send(
        new QueryCommand({
          TableName: session.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': workspacePk(workspaceId) },
          ProjectionExpression: 'PK, SK',
          ConsistentRead: true,
          Limit: BATCH_WRITE_MAX + 1,
        }),
        call,
      ),
    );
    const keys = ((out.Items ?? []) as Key[])
      .filter((k) => k.SK !== META_SK)
      .slice(0, BATCH_WRITE_MAX);
    if (keys.length === 0 && out.LastEvaluatedKey === undefined) break;
    if (keys.length > 0) await batchWrite(session, keys.map(deleteRequest));
  }
  await session.send((call) =>
    session.db.send(
      new DeleteCommand({ TableName: session.tableName, Key: metaKey(workspaceId) }),
      call,
    ),
  );
  return 'done';
}
