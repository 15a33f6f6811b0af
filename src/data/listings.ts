/**
 * The task listings of the one task path (docs/architecture.md#access-patterns): a container's
 * tasks from its partition, newest first, and the workspace tasks assigned to a user.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredWorkspaceTask, TaskCore, TaskStatus } from '../tasks/task.js';
import { BATCH_GET_MAX, batchGet, keyOf } from './batch.js';
import { type TaskContainer, workspaceTaskFromItem } from './containers.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import type { Item } from './items.js';
import { TASK_SK_PREFIX, taskSk } from './keys.js';
import type { TableSession } from './session.js';
import { STATUS_INDEX } from './table.js';
import { assigneePk, memberKey, metaKey, workspaceTaskKey } from './workspaceItems.js';

/** How many items a filtered listing reads at most, so sparse filters still fill a page. */
const FILTER_READ_AHEAD = 100;
const TASK_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface Page<T> {
  tasks: T[];
  cursor?: string;
}

/** What a container's listing may filter on (the assignee only where the container has one). */
export interface ContainerFilter {
  status?: TaskStatus;
  assignee?: string;
}

/** What a container listing's cursor is bound to besides its caller: the container and filter. */
export const containerList = (pk: string, filter: ContainerFilter) =>
  `tasks\n${pk}\n${filter.status ?? ''}\n${filter.assignee ?? ''}`;

/**
 * The container's tasks; the cursor is bound to the caller and to this container and filter, and
 * only ever positions inside the container's partition. Filters are applied by DynamoDB to a
 * read-ahead of the partition.
 */
export async function listIn<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  caller: string,
  options: { limit: number; cursor?: string; filter?: ContainerFilter },
): Promise<Page<T>> {
  const { limit, cursor, filter = {} } = options;
  const list = containerList(container.pk, filter);
  const after = cursor ? decodePositionCursor(cursor, caller, list, [TASK_ID])[0] : undefined;
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': container.pk, ':prefix': TASK_SK_PREFIX };
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    conditions.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  }
  const filtered = conditions.length > 0;
  const out = await session.send((call) =>
    session.db.send(
      new QueryCommand({
        TableName: session.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: values,
        ...(filtered
          ? { FilterExpression: conditions.join(' AND '), ExpressionAttributeNames: names }
          : {}),
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: filtered ? Math.max(limit, FILTER_READ_AHEAD) : limit,
        ExclusiveStartKey: after ? { PK: container.pk, SK: taskSk(after) } : undefined,
      }),
      call,
    ),
  );
  const all = (out.Items ?? []).map(container.fromItem);
  const tasks = all.slice(0, limit);
  const encode = (taskId: string) => encodePositionCursor([taskId], caller, list);
  const last = tasks.at(-1);
  if (all.length > limit && last) return { tasks, cursor: encode(last.task_id) };
  const lastKey = out.LastEvaluatedKey?.SK;
  if (typeof lastKey === 'string') {
    return { tasks, cursor: encode(lastKey.slice(TASK_SK_PREFIX.length)) };
  }
  return { tasks };
}

/**
 * Query GSI1 for the user's assigned tasks, newest first, then one BatchGetItem of the
 * workspaces and the user's memberships on the page: tasks of a workspace they are no longer
 * in, or that is being deleted, are left out.
 */
export async function listAssigned(
  session: TableSession,
  sub: string,
  options: { limit: number; cursor?: string },
): Promise<Page<StoredWorkspaceTask>> {
  const list = 'assigned-tasks';
  const pk = assigneePk(sub);
  const after = options.cursor
    ? decodePositionCursor(options.cursor, sub, list, [TASK_ID, TASK_ID])
    : undefined;
  const out = await indexPartitionPage(
    session,
    pk,
    options.limit,
    after
      ? {
          ...workspaceTaskKey(after[0] as string, after[1] as string),
          GSI1PK: pk,
          GSI1SK: taskSk(after[1] as string),
        }
      : undefined,
  );
  const tasks = (out.Items ?? []).map(workspaceTaskFromItem);
  const visible = await stillMemberOf(session, sub, [...new Set(tasks.map((t) => t.workspace_id))]);
  const kept = tasks.filter((t) => visible.has(t.workspace_id));
  const lastKey = out.LastEvaluatedKey;
  if (typeof lastKey?.PK === 'string' && typeof lastKey.SK === 'string') {
    const position = [lastKey.PK.slice('WS#'.length), lastKey.SK.slice(TASK_SK_PREFIX.length)];
    return { tasks: kept, cursor: encodePositionCursor(position, sub, list) };
  }
  return { tasks: kept };
}

/**
 * One page of a GSI1 partition (a user's memberships, an address's invitations, a user's
 * assigned tasks), newest first, resuming after `start`: the base-table and index keys of the
 * last item of the previous page.
 */
export function indexPartitionPage(
  session: TableSession,
  pk: string,
  limit: number,
  start?: Record<string, string>,
) {
  return session.send((call) =>
    session.db.send(
      new QueryCommand({
        TableName: session.tableName,
        IndexName: STATUS_INDEX,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: start,
      }),
      call,
    ),
  );
}

/** Which of `workspaces` exist, are not being deleted, and still count `sub` as a member. */
async function stillMemberOf(
  session: TableSession,
  sub: string,
  workspaces: string[],
): Promise<Set<string>> {
  const keys = workspaces.flatMap((w) => [metaKey(w), memberKey(w, sub)]);
  const chunks = Array.from({ length: Math.ceil(keys.length / BATCH_GET_MAX) }, (_, i) =>
    keys.slice(i * BATCH_GET_MAX, (i + 1) * BATCH_GET_MAX),
  );
  const found = new Map<string, Item>();
  for (const part of await Promise.all(chunks.map((c) => batchGet(session, c)))) {
    for (const [k, v] of part) found.set(k, v);
  }
  return new Set(
    workspaces.filter((w) => {
      const meta = found.get(keyOf(metaKey(w)));
      return meta && meta.state !== 'deleting' && found.has(keyOf(memberKey(w, sub)));
    }),
  );
}
