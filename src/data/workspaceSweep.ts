/**
 * Deleting a workspace's items once it is marked `deleting` (docs/architecture.md#deleting-a-workspace):
 * each round reads the first 26 keys of its partition (25 to delete, and `META`, which goes
 * last) and deletes them, until only `META` is left; then `META`. Tasks go with one
 * BatchWriteItem; a membership or an invitation goes in a transaction with the decrement of the
 * count it is in (the member's workspaces, the address's invitations), conditioned on the item
 * still existing, so each count is lowered exactly once however often a sweep is cut short and
 * resumed, or two sweeps race. Each round starts from the partition's beginning, so a sweep cut
 * short anywhere (a crash, a fault, the Lambda's time) is resumed by the next one with nothing
 * to remember.
 */
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BATCH_WRITE_MAX, batchWrite, deleteRequest } from './batch.js';
import { invitationCountChange, workspaceCountChange } from './membershipWrites.js';
import type { TableSession } from './session.js';
import { transact } from './transact.js';
import {
  INVITE_SK_PREFIX,
  type Key,
  MEMBER_SK_PREFIX,
  META_SK,
  metaKey,
  workspacePk,
} from './workspaceItems.js';

/** Counted items deleted per transaction: two writes each. */
const COUNTED_PER_TRANSACTION = 12;

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
    const counted = keys.filter((k) => countChangeOf(session, k) !== undefined);
    const plain = keys.filter((k) => countChangeOf(session, k) === undefined);
    if (plain.length > 0) await batchWrite(session, plain.map(deleteRequest));
    for (let at = 0; at < counted.length; at += COUNTED_PER_TRANSACTION) {
      // Cancelled only when another sweep deleted one of them first: the next round reads again.
      await transact(
        session,
        counted.slice(at, at + COUNTED_PER_TRANSACTION).flatMap((key) => [
          {
            Delete: {
              TableName: session.tableName,
              Key: key,
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
          countChangeOf(session, key) as NonNullable<ReturnType<typeof countChangeOf>>,
        ]),
      );
    }
  }
  await session.send((call) =>
    session.db.send(
      new DeleteCommand({ TableName: session.tableName, Key: metaKey(workspaceId) }),
      call,
    ),
  );
  return 'done';
}

/** The count a membership's or an invitation's deletion lowers; none for other items. */
function countChangeOf(session: TableSession, key: Key) {
  if (key.SK.startsWith(MEMBER_SK_PREFIX)) {
    return workspaceCountChange(session, key.SK.slice(MEMBER_SK_PREFIX.length), -1);
  }
  if (key.SK.startsWith(INVITE_SK_PREFIX)) {
    return invitationCountChange(session, key.SK.slice(INVITE_SK_PREFIX.length), -1);
  }
  return undefined;
}
