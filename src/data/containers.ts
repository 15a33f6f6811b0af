/**
 * The containers a task lives in (docs/architecture.md#one-task-path): a user's own list and a
 * workspace. They differ only in their partition, their GSI1 entry and the cap a create counts
 * against; the one task path (tasks.ts, listings.ts, keyedCreate.ts) takes a container and does
 * the rest alike. Who may act is decided before a container is opened (access.ts).
 */
import type { Problem } from '../contract/problem.js';
import { dueInstant } from '../tasks/due.js';
import { taskLimitReached, workspaceTaskLimitReached } from '../tasks/errors.js';
import {
  DEFAULT_PRIORITY,
  labelKey,
  type StoredTask,
  type StoredWorkspaceTask,
  type TaskChanges,
  type TaskCore,
} from '../tasks/task.js';
import type { Item } from './items.js';
import {
  agendaPk,
  dueSk,
  statusPk,
  statusShard,
  statusSk,
  taskCountSk,
  taskSk,
  userPk,
} from './keys.js';
import type { TableSession } from './session.js';
import { assigneePk, workspacePk } from './workspaceItems.js';

/** GSI1 attributes an update sets (name -> value) and removes. */
export interface IndexChanges {
  set: Record<string, unknown>;
  remove: string[];
}

export interface TaskContainer<T extends TaskCore> {
  /** `USER#<sub>` or `WS#<id>`: the partition of its tasks and of their count. */
  readonly pk: string;
  /** The count item a create raises: `COUNT#TASKS` in the container's partition. */
  readonly countKey: { PK: string; SK: string };
  /** The most tasks the container holds, and the problem a create past it answers. */
  readonly cap: number;
  capReached(): Problem;
  /** Whether the create body's assignee is part of the request (the keyed-create fingerprint). */
  readonly assignable: boolean;
  /** Keys, GSI1 entry and fields of a new task. */
  toItem(task: T): Item;
  /** Only the task's own fields leave the data layer: never PK, SK or index keys. */
  fromItem(item: Item): T;
  /**
   * The GSI1 entry and the agenda's partition (GSI3PK) an update moves, where its changes touch
   * their source: the due and agenda sort keys are the update's own (taskUpdate.ts).
   */
  indexChanges(taskId: string, changes: TaskChanges): IndexChanges;
}

const countKey = (pk: string) => ({ PK: pk, SK: taskCountSk });

/**
 * A task's item attributes beyond its fields: the due instant and the label keys its filters
 * read, and its entries in the due index (every task) and the agenda (an open task that is
 * someone's: its owner's, or a workspace task's assignee's). Null fields are left out.
 */
function planningAttributes(task: TaskCore, pk: string, agendaOf: string | null): Item {
  const dueAt = task.due ? dueInstant(task.due) : undefined;
  const sk = dueSk(dueAt, task.task_id);
  const { due, recurrence } = task;
  return {
    ...(due ? { due } : {}),
    ...(recurrence ? { recurrence } : {}),
    ...(dueAt ? { due_at: dueAt } : {}),
    ...(task.labels.length > 0 ? { label_keys: task.labels.map(labelKey) } : {}),
    GSI2PK: pk,
    GSI2SK: sk,
    ...(agendaOf ? { GSI3PK: agendaPk(agendaOf) } : {}),
    ...(task.status === 'completed' ? {} : { GSI3SK: sk }),
  };
}

/** A task's fields for its item: null due and recurrence are absent attributes. */
function fields<T extends TaskCore>({ due: _due, recurrence: _recurrence, ...task }: T) {
  return task;
}

/**
 * The task's own fields, with the planning fields' defaults for an item written before they
 * existed (docs/architecture.md#upgrading-in-place).
 */
function core(item: Item): TaskCore {
  return {
    task_id: item.task_id as string,
    title: item.title as string,
    description: (item.description as string | undefined) ?? '',
    status: item.status as TaskCore['status'],
    due: (item.due as TaskCore['due'] | undefined) ?? null,
    priority: (item.priority as TaskCore['priority'] | undefined) ?? DEFAULT_PRIORITY,
    labels: (item.labels as string[] | undefined) ?? [],
    recurrence: (item.recurrence as string | undefined) ?? null,
    created_at: item.created_at as string,
    updated_at: item.updated_at as string,
    version: item.version as number,
  };
}

/** A personal task item (its partition's or the status index's) as the task and its owner. */
export const personalTaskFromItem = (item: Item): StoredTask => ({
  ...core(item),
  user_id: item.user_id as string,
});

/** A user's own list: GSI1 is the status index, sharded by task id. */
export function personalContainer(sub: string, session: TableSession): TaskContainer<StoredTask> {
  const pk = userPk(sub);
  const { shards } = session.config;
  return {
    pk,
    countKey: countKey(pk),
    cap: session.maxTasksPerUser,
    capReached: () => taskLimitReached(session.maxTasksPerUser),
    assignable: false,
    toItem: (task) => ({
      PK: pk,
      SK: taskSk(task.task_id),
      GSI1PK: statusPk(task.status, statusShard(task.task_id, shards)),
      GSI1SK: statusSk(task.created_at, task.task_id),
      ...fields(task),
      ...planningAttributes(task, pk, sub),
    }),
    fromItem: personalTaskFromItem,
    // The shard depends only on the id, so the new index key needs no read; the agenda's
    // partition is the owner's, set again where an item from before the agenda may lack it.
    indexChanges: (taskId, { status, due }) => ({
      set: {
        ...(status === undefined ? {} : { GSI1PK: statusPk(status, statusShard(taskId, shards)) }),
        ...(status === undefined && due === undefined ? {} : { GSI3PK: agendaPk(sub) }),
      },
      remove: [],
    }),
  };
}

/** A workspace task item (its partition's or the assignee index's) as the task. */
export const workspaceTaskFromItem = (item: Item): StoredWorkspaceTask => ({
  workspace_id: item.workspace_id as string,
  ...core(item),
  assignee: (item.assignee as string | null | undefined) ?? null,
  created_by: item.created_by as string,
});

/** A workspace: GSI1 is the assignee's index (sparse: an unassigned task is not in it). */
export function workspaceContainer(
  workspaceId: string,
  session: TableSession,
): TaskContainer<StoredWorkspaceTask> {
  const pk = workspacePk(workspaceId);
  const assigned = (taskId: string, assignee: string) => ({
    GSI1PK: assigneePk(assignee),
    GSI1SK: taskSk(taskId),
  });
  return {
    pk,
    countKey: countKey(pk),
    cap: session.maxTasksPerWorkspace,
    capReached: () => workspaceTaskLimitReached(session.maxTasksPerWorkspace),
    assignable: true,
    toItem: (task) => ({
      PK: pk,
      SK: taskSk(task.task_id),
      ...(task.assignee ? assigned(task.task_id, task.assignee) : {}),
      ...fields(task),
      ...planningAttributes(task, pk, task.assignee),
    }),
    fromItem: workspaceTaskFromItem,
    // The assignee's index entry and their agenda move with the assignee.
    indexChanges: (taskId, { assignee }) => {
      if (assignee === undefined) return { set: {}, remove: [] };
      if (assignee === null) return { set: {}, remove: ['GSI1PK', 'GSI1SK', 'GSI3PK'] };
      return { set: { ...assigned(taskId, assignee), GSI3PK: agendaPk(assignee) }, remove: [] };
    },
  };
}
