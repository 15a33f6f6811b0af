/**
 * Where tasks live: a person's own list (`/tasks`) or a workspace (`/workspaces/{id}/tasks`).
 * The board, its add form and each task are written once; a container passes in only its calls,
 * the key its add-form draft is kept under, and whether its tasks have an assignee.
 */

import type {
  Task,
  TaskApiClient,
  TaskApiResult,
  TaskStatus,
  TaskUpdate,
  WorkspaceTask,
  WorkspaceTaskUpdate,
} from '@task-api/sdk';
import { LIMITS } from '../../../src/contract/limits.generated.js';
import type { Planning } from '../planning/planning.js';

/** The API's default page. */
export const PAGE_SIZE = LIMITS.parameters.LimitQuery.default;

/** What a personal task and a workspace task have in common. */
export type TaskLike = Pick<
  Task,
  | 'task_id'
  | 'title'
  | 'description'
  | 'status'
  | 'due'
  | 'priority'
  | 'labels'
  | 'recurrence'
  | 'created_at'
  | 'updated_at'
  | 'version'
> & { assignee?: string | null };

/** The calls behind one task: update (with If-Match), read, delete (with If-Match). */
export interface TaskOps<T extends TaskLike, U extends TaskUpdate> {
  /** The update's operationId: its schema gives the edit form's rules. */
  updateOperation: 'updateTask' | 'updateWorkspaceTask';
  update(task: T, body: U, ifMatch: string): Promise<TaskApiResult<T>>;
  get(task: T): Promise<TaskApiResult<T>>;
  remove(task: T, ifMatch: string): Promise<TaskApiResult<undefined>>;
}

/** The body of a create: a workspace's may name an assignee. */
export interface CreateBody extends Partial<Planning> {
  title: string;
  description?: string;
  assignee?: string;
}

export interface ListQuery {
  status?: TaskStatus;
  assignee?: string;
  /** Only tasks with this label (the API compares regardless of case). */
  label?: string;
  /** `due`: soonest due first, tasks without a due last. */
  sort?: 'created' | 'due';
  cursor?: string;
}

export interface TaskContainer<T extends TaskLike = TaskLike, U extends TaskUpdate = TaskUpdate> {
  /** Names its add form's draft in storage (`personal`, `workspace.<id>`). */
  name: string;
  /** The create's operationId: its schema gives the add form's rules. */
  createOperation: 'createTask' | 'createWorkspaceTask';
  list(query: ListQuery): Promise<TaskApiResult<{ tasks: T[]; next_cursor?: string }>>;
  create(body: CreateBody, idempotencyKey: string): Promise<TaskApiResult<T>>;
  ops: TaskOps<T, U>;
}

const page = (query: ListQuery) => ({
  limit: PAGE_SIZE,
  ...(query.status ? { status: query.status } : {}),
  ...(query.label ? { label: query.label } : {}),
  ...(query.sort ? { sort: query.sort } : {}),
  ...(query.cursor ? { cursor: query.cursor } : {}),
});

export function personalTasks(api: TaskApiClient): TaskContainer<Task, TaskUpdate> {
  return {
    name: 'personal',
    createOperation: 'createTask',
    list: (query) => api.listTasks(page(query)),
    create: ({ assignee: _, ...body }, idempotencyKey) => api.createTask(body, { idempotencyKey }),
    ops: {
      updateOperation: 'updateTask',
      update: (task, body, ifMatch) => api.updateTask(task.task_id, body, { ifMatch }),
      get: (task) => api.getTask(task.task_id),
      remove: (task, ifMatch) => api.deleteTask(task.task_id, { ifMatch }),
    },
  };
}

/** The calls on a workspace task, wherever it is shown (its board, "Assigned to me"). */
export const workspaceTaskOps = (
  api: TaskApiClient,
): TaskOps<WorkspaceTask, WorkspaceTaskUpdate> => ({
  updateOperation: 'updateWorkspaceTask',
  update: (task, body, ifMatch) =>
    api.updateWorkspaceTask(task.workspace_id, task.task_id, body, { ifMatch }),
  get: (task) => api.getWorkspaceTask(task.workspace_id, task.task_id),
  remove: (task, ifMatch) => api.deleteWorkspaceTask(task.workspace_id, task.task_id, { ifMatch }),
});

export function workspaceTasks(
  api: TaskApiClient,
  workspaceId: string,
): TaskContainer<WorkspaceTask, WorkspaceTaskUpdate> {
  return {
    name: `workspace.${workspaceId}`,
    createOperation: 'createWorkspaceTask',
    list: (query) =>
      api.listWorkspaceTasks(workspaceId, {
        ...page(query),
        ...(query.assignee ? { assignee: query.assignee } : {}),
      }),
    create: (body, idempotencyKey) =>
      api.createWorkspaceTask(workspaceId, body, { idempotencyKey }),
    ops: workspaceTaskOps(api),
  };
}
