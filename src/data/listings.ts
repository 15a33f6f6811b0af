/**
 * The two listings (docs/architecture.md#access-patterns), newest first: a user's tasks from
 * their partition, and every user's tasks in one status merged from the status-index shards.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredTask, TaskStatus } from '../tasks/task.js';
import {
  decodeStatusCursor,
  decodeTaskCursor,
  encodeStatusCursor,
  encodeTaskCursor,
  type ShardPosition,
} from './cursor.js';
import { fromItem } from './items.js';
import { statusPk, statusSk, TASK_SK_PREFIX, taskSk, userPk } from './keys.js';
import type { TableSession } from './session.js';
import { STATUS_INDEX } from './table.js';

/** How many items a filtered listTasks reads at most, so sparse statuses still fill a page. */
const FILTER_READ_AHEAD = 100;

export interface Page {
  tasks: StoredTask[];
  cursor?: string;
}

/** The owner's tasks; the cursor only ever positions inside the owner's partition. */
export async function listByOwner(
  session: TableSession,
  owner: string,
  options: { limit: number; status?: TaskStatus; cursor?: string },
): Promise<Page> {
  const { limit, status, cursor } = options;
  const pk = userPk(owner);
  const after = cursor === undefined ? undefined : decodeTaskCursor(cursor, owner, status);
  const result = await session.send((call) =>
    session.db.send(
      new QueryCommand({
        TableName: session.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':pk': pk,
          ':prefix': TASK_SK_PREFIX,
          ...(status ? { ':status': status } : {}),
        },
        ...(status
          ? {
              FilterExpression: '#status = :status',
              ExpressionAttributeNames: { '#status': 'status' },
            }
          : {}),
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: status ? Math.max(limit, FILTER_READ_AHEAD) : limit,
        ExclusiveStartKey: after ? { PK: pk, SK: taskSk(after) } : undefined,
      }),
      call,
    ),
  );
  const items = (result.Items ?? []).map(fromItem);
  const tasks = items.slice(0, limit);
  const last = tasks.at(-1);
  if (items.length > limit && last)
    return { tasks, cursor: encodeTaskCursor(last.task_id, owner, status) };
  const lastKey = result.LastEvaluatedKey?.SK;
  if (typeof lastKey === 'string') {
    return {
      tasks,
      cursor: encodeTaskCursor(lastKey.slice(TASK_SK_PREFIX.length), owner, status),
    };
  }
  return { tasks };
}

/**
 * One Query per shard in parallel, merged. Each shard's position travels in the cursor, so
 * pages have no gaps and no repeats.
 */
export async function listByStatus(
  session: TableSession,
  status: TaskStatus,
  options: { limit: number; cursor?: string },
): Promise<Page> {
  const { limit, cursor } = options;
  const shards = session.config.shards;
  const positions: ShardPosition[] =
    cursor === undefined
      ? Array.from({ length: shards }, () => ({ kind: 'start' }))
      : decodeStatusCursor(cursor, status, shards).positions;

  // Once one shard fails the page is lost: stop the others rather than let them retry on.
  const siblings = new AbortController();
  const results = await Promise.all(
    positions.map(async (position, shard) => {
      if (position.kind === 'done') return { shard, items: [] as StoredTask[], more: false };
      const pk = statusPk(status, shard);
      const result = await session.send(
        (call) =>
          session.db.send(
            new QueryCommand({
              TableName: session.tableName,
              IndexName: STATUS_INDEX,
              KeyConditionExpression: 'GSI1PK = :pk',
              ExpressionAttributeValues: { ':pk': pk },
              ScanIndexForward: false,
              Limit: limit,
              ExclusiveStartKey:
                position.kind === 'after'
                  ? {
                      PK: userPk(position.user_id),
                      SK: taskSk(position.task_id),
                      GSI1PK: pk,
                      GSI1SK: statusSk(position.created_at, position.task_id),
                    }
                  : undefined,
            }),
            call,
          ),
        siblings.signal,
      );
      const items = (result.Items ?? []).map(fromItem);
      return { shard, items, more: result.LastEvaluatedKey !== undefined };
    }),
  ).catch((err: unknown) => {
    siblings.abort();
    throw err;
  });

  const merged = results
    .flatMap(({ shard, items }) => items.map((task) => ({ shard, task })))
    .sort((a, b) => compareNewestFirst(a.task, b.task))
    .slice(0, limit);

  const next = positions.map((position, shard): ShardPosition => {
    const result = results[shard];
    if (!result || position.kind === 'done') return position;
    const taken = merged.filter((m) => m.shard === shard);
    const lastTaken = taken.at(-1)?.task;
    if (taken.length === result.items.length && !result.more) return { kind: 'done' };
    if (!lastTaken) return position;
    return {
      kind: 'after',
      created_at: lastTaken.created_at,
      task_id: lastTaken.task_id,
      user_id: lastTaken.user_id,
    };
  });
  const tasks = merged.map((m) => m.task);
  if (next.every((p) => p.kind === 'done')) return { tasks };
  return { tasks, cursor: encodeStatusCursor({ status, positions: next }) };
}

/**
 * The status index's sort order, `<created_at>#<task_id>` descending, compared field by field:
 * ISO timestamps have one length, so this is the key's order without building two strings per
 * comparison (that was a third of a warm admin listing).
 */
function compareNewestFirst(a: StoredTask, b: StoredTask): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? 1 : -1;
  return a.task_id < b.task_id ? 1 : a.task_id > b.task_id ? -1 : 0;
}
