/**
 * The task operations of every container, written once (docs/architecture.md#one-task-path): a
 * `Place` says how the caller reaches the container (their own list, or a workspace once their
 * membership allows the action) and how its tasks are shown; the rest is the same path.
 */
import type { ContainerFilter } from '../data/listings.js';
import type { TaskContainer, TaskStore } from '../data/tasks.js';
import type { WorkspaceTaskAction } from '../data/workspaces.js';
import {
  checkTaskFields,
  createFingerprint,
  etag,
  newTask,
  newWorkspaceTask,
  type Precondition,
  type StoredTask,
  type StoredWorkspaceTask,
  type TaskChanges,
  type TaskCore,
  toTask,
  type WorkspaceTaskCreate,
} from '../tasks/task.js';
import { idempotencyOptions } from './idempotencyKey.js';
import type { Caller } from './request.js';
import { recordReplay } from './telemetry.js';

type Verb = 'create' | 'list' | 'get' | 'update' | 'delete';

export interface Place<T extends TaskCore, W> {
  /** The container, once the caller may do `verb` there (and `assignee` may hold its tasks). */
  open(verb: Verb, assignee?: string | null): Promise<TaskContainer<T>>;
  /** A new task of this container from a create body. */
  build(input: WorkspaceTaskCreate): T;
  /** The task as this container's operations answer it. */
  present(task: T): W;
  /** What tells this container's keyed creates apart from others of the caller's. */
  scope: string;
}

/** The caller's own list: theirs to act on, no membership to check. */
export function personalPlace(
  store: TaskStore,
  caller: Caller,
): Place<StoredTask, ReturnType<typeof toTask>> {
  return {
    open: async () => store.personal(caller.sub),
    build: (input) => newTask(caller.sub, input),
    present: toTask,
    scope: '',
  };
}

const WORKSPACE_ACTIONS: Record<Verb, WorkspaceTaskAction> = {
  create: 'createWorkspaceTask',
  list: 'listWorkspaceTasks',
  get: 'getWorkspaceTask',
  update: 'updateWorkspaceTask',
  delete: 'deleteWorkspaceTask',
};

/** A workspace: each operation first establishes the caller's membership and role. */
export function workspacePlace(
  store: TaskStore,
  caller: Caller,
  workspaceId: string,
): Place<StoredWorkspaceTask, StoredWorkspaceTask> {
  return {
    open: (verb, assignee) =>
      store.workspaces.openTasks(caller, workspaceId, WORKSPACE_ACTIONS[verb], assignee),
    build: (input) => newWorkspaceTask(workspaceId, caller.sub, input),
    present: (task) => task,
    scope: `createWorkspaceTask\n${workspaceId}`,
  };
}

/** 201 with `Location` under the collection the client posted to (stage and base path included). */
export async function createIn<T extends TaskCore, W>(
  store: TaskStore,
  place: Place<T, W>,
  request: {
    caller: Caller;
    input: WorkspaceTaskCreate;
    requestPath: string;
    /** The `Idempotency-Key` header, and how long the key is remembered. */
    key: string | undefined;
    ttlSeconds: number;
  },
) {
  const { caller, input, requestPath } = request;
  checkTaskFields(input, 'create');
  const container = await place.open('create', input.assignee);
  const options = idempotencyOptions(request.key, request.ttlSeconds);
  const { task, replayed } = await store.create(
    container,
    place.build(input),
    options && {
      caller: caller.sub,
      scope: place.scope,
      idempotency: { ...options, fingerprint: createFingerprint(input, container.assignable) },
    },
  );
  if (replayed) recordReplay();
  return {
    statusCode: 201 as const,
    headers: {
      Location: `${requestPath.replace(/\/+$/, '')}/${task.task_id}`,
      ETag: etag(task.version),
    },
    body: place.present(task),
  };
}

export async function getIn<T extends TaskCore, W>(
  store: TaskStore,
  place: Place<T, W>,
  taskId: string,
) {
  const task = await store.get(await place.open('get'), taskId);
  return {
    statusCode: 200 as const,
    headers: { ETag: etag(task.version) },
    body: place.present(task),
  };
}

export async function updateIn<T extends TaskCore, W>(
  store: TaskStore,
  place: Place<T, W>,
  taskId: string,
  changes: TaskChanges,
  precondition: Precondition | undefined,
) {
  checkTaskFields(changes, 'update');
  const container = await place.open('update', changes.assignee);
  const task = await store.update(container, taskId, changes, precondition);
  return {
    statusCode: 200 as const,
    headers: { ETag: etag(task.version) },
    body: place.present(task),
  };
}

export async function deleteIn<T extends TaskCore, W>(
  store: TaskStore,
  place: Place<T, W>,
  taskId: string,
  precondition: Precondition | undefined,
) {
  await store.delete(await place.open('delete'), taskId, precondition);
  return { statusCode: 204 as const, headers: {} };
}

/** A page of the container's tasks, in the contract's list shape. */
export async function listIn<T extends TaskCore, W>(
  store: TaskStore,
  place: Place<T, W>,
  caller: Caller,
  query: { limit?: number; cursor?: string } & ContainerFilter,
) {
  const { limit, cursor, ...filter } = query;
  const container = await place.open('list');
  // The validator fills in the spec's default limit.
  const page = await store.list(container, caller.sub, { limit: limit as number, cursor, filter });
  return pageBody(page.tasks.map(place.present), page.cursor);
}

/** `{tasks, count, next_cursor?}`. */
export function pageBody<W>(tasks: W[], cursor: string | undefined) {
  return {
    statusCode: 200 as const,
    headers: {},
    body: { tasks, count: tasks.length, ...(cursor ? { next_cursor: cursor } : {}) },
  };
}
