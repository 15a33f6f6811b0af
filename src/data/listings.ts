/**
 * The task listings of the one task path (docs/architecture.md#access-patterns): a container's
 * tasks from its partition, newest first, and the workspace tasks assigned to a user.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../contract/problem.js';
import { isCalendarDay } from '../tasks/due.js';
import {
  DEFAULT_PRIORITY,
  labelKey,
  type Priority,
  type StoredWorkspaceTask,
  type TaskCore,
  type TaskStatus,
} from '../tasks/task.js';
import { BATCH_GET_MAX, batchGet, keyOf } from './batch.js';
import { type TaskContainer, workspaceTaskFromItem } from './containers.js';
import { decodePositionCursor, encodePositionCursor } from './cursor.js';
import type { Item } from './items.js';
import { NO_DUE, TASK_SK_PREFIX, taskSk } from './keys.js';
import type { TableSession } from './session.js';
import { DUE_INDEX, STATUS_INDEX } from './table.js';
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
  priority?: Priority;
  label?: string;
  /** `due`: soonest due first through the due index, optionally within a window. */
  sort?: 'created' | 'due';
  due_from?: string;
  due_to?: string;
}

/** What a container listing's cursor is bound to besides its caller: the container and filter. */
export function containerList(pk: string, filter: ContainerFilter): string {
  const { status, assignee, priority, label, sort, due_from, due_to } = filter;
  const base = `tasks\n${pk}\n${status ?? ''}\n${assignee ?? ''}`;
  const planning = [
    priority,
    label && labelKey(label),
    sort === 'due' ? 'due' : '',
    due_from,
    due_to,
  ];
  return planning.some(Boolean) ? `${base}\n${planning.map((p) => p ?? '').join('\n')}` : base;
}

/** The due order's sort key: a due instant (or none), then the task id. */
const DUE_POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|~)#[0-9A-HJKMNP-TV-Z]{26}$/;

/** A `due_from`/`due_to` query value as the index's instants, or a 400 naming it. */
export function queryInstant(value: string, name: string): string {
  const at = new Date(value);
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  // Date rolls 2026-02-30 over into March: the day must be on the calendar first.
  if (
    Number.isNaN(at.getTime()) ||
    !isCalendarDay(year as number, month as number, day as number)
  ) {
    throw invalid(`${name} is not a date-time`, [
      { path: `/query/${name}`, message: `"${value}" is not a date-time` },
    ]);
  }
  return at.toISOString();
}

/** The key condition of a due-ordered listing: the partition, and the window if any. */
function dueWindow(filter: ContainerFilter): {
  expression: string;
  values: Record<string, string>;
} {
  const from = filter.due_from && queryInstant(filter.due_from, 'due_from');
  const to = filter.due_to && queryInstant(filter.due_to, 'due_to');
  if (from && to && from >= to) {
    throw invalid('the due window is empty', [
      { path: '/query/due_to', message: `"${filter.due_to}" is not after due_from` },
    ]);
  }
  // A key is its instant and `#<id>`, so it sorts after the instant itself: `< to` and
  // `BETWEEN from AND to` leave out tasks due exactly at `to`; NO_DUE sorts after every instant.
  if (from) {
    return {
      expression: ' AND GSI2SK BETWEEN :from AND :to',
      values: { ':from': from, ':to': to || NO_DUE },
    };
  }
  if (to) return { expression: ' AND GSI2SK < :to', values: { ':to': to } };
  return { expression: '', values: {} };
}

/** The filter expression of a listing's filters other than its order and window. */
function filterExpression(filter: ContainerFilter) {
  const conditions: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const equal = (field: string, value: unknown, orMissing = false) => {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    const test = `#${field} = :${field}`;
    conditions.push(orMissing ? `(${test} OR attribute_not_exists(#${field}))` : test);
  };
  if (filter.status) equal('status', filter.status);
  if (filter.assignee) equal('assignee', filter.assignee);
  // An item from before priorities has none (docs/architecture.md#upgrading-in-place).
  if (filter.priority) equal('priority', filter.priority, filter.priority === DEFAULT_PRIORITY);
  if (filter.label) {
    values[':label'] = labelKey(filter.label);
    conditions.push('contains(label_keys, :label)');
  }
  return { conditions, names, values };
}

/**
 * The container's tasks: newest first from its partition, or soonest due first from the due
 * index. The cursor is bound to the caller and to this container and filter, and only ever
 * positions inside the container's partition. Filters other than the due window are applied by
 * DynamoDB to a bounded read-ahead, so a page may be short.
 */
export async function listIn<T extends TaskCore>(
  session: TableSession,
  container: TaskContainer<T>,
  caller: string,
  options: { limit: number; cursor?: string; filter?: ContainerFilter },
): Promise<Page<T>> {
  const { limit, cursor, filter = {} } = options;
  const byDue = filter.sort === 'due';
  if (!byDue && (filter.due_from || filter.due_to)) {
    const name = filter.due_from ? 'due_from' : 'due_to';
    throw invalid('a due window needs sort=due', [
      { path: `/query/${name}`, message: 'filters by due only with sort=due' },
    ]);
  }
  const list = containerList(container.pk, filter);
  const after = cursor
    ? decodePositionCursor(cursor, caller, list, [byDue ? DUE_POSITION : TASK_ID])[0]
    : undefined;
  const window = byDue ? dueWindow(filter) : { expression: '', values: {} };
  const { conditions, names, values } = filterExpression(filter);
  const filtered = conditions.length > 0;
  const startKey = (position: string) => {
    const taskId = byDue ? position.slice(position.indexOf('#') + 1) : position;
    const key = { PK: container.pk, SK: taskSk(taskId) };
    return byDue ? { ...key, GSI2PK: container.pk, GSI2SK: position } : key;
  };
  const out = await session.send((call) =>
    session.db.send(
      new QueryCommand({
        TableName: session.tableName,
        ...(byDue
          ? { IndexName: DUE_INDEX, KeyConditionExpression: `GSI2PK = :pk${window.expression}` }
          : {
              KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
              ConsistentRead: true,
            }),
        ExpressionAttributeValues: {
          ':pk': container.pk,
          ...(byDue ? window.values : { ':prefix': TASK_SK_PREFIX }),
          ...values,
        },
        ...(filtered ? { FilterExpression: conditions.join(' AND ') } : {}),
        ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
        ScanIndexForward: byDue,
        Limit: filtered ? Math.max(limit, FILTER_READ_AHEAD) : limit,
        ExclusiveStartKey: after ? startKey(after) : undefined,
      }),
      call,
    ),
  );
  const items = out.Items ?? [];
  const all = items.map(container.fromItem);
  const tasks = all.slice(0, limit);
  const position = (item: Item) => (byDue ? (item.GSI2SK as string) : (item.task_id as string));
  const encode = (at: string) => encodePositionCursor([at], caller, list);
  if (all.length > limit) return { tasks, cursor: encode(position(items[limit - 1] as Item)) };
  const lastKey = out.LastEvaluatedKey;
  if (lastKey) {
    const at = byDue ? lastKey.GSI2SK : (lastKey.SK as string).slice(TASK_SK_PREFIX.length);
    return { tasks, cursor: encode(at as string) };
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
export async function stillMemberOf(
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
