/** The typed task-api client: one method per operationId of openapi.yaml, on openapi-fetch. */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from '../../src/contract/api.generated.js';
import { paginator } from './paginate.js';
import { plain, withEtag } from './results.js';
import {
  createRetryingFetch,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type Fetch,
  type RetryOptions,
} from './retry.js';
import type {
  AdminTaskList,
  AgendaList,
  CallOptions,
  ConditionalOptions,
  CreateTaskOptions,
  ListMyAgendaQuery,
  ListTasksByStatusQuery,
  ListTasksQuery,
  Task,
  TaskApiResult,
  TaskCreate,
  TaskList,
  TaskUpdate,
  WithEtag,
} from './types.js';
import { workspaceMethods } from './workspaces.js';

export interface TaskApiClientOptions {
  /** The API root, e.g. `http://localhost:3000` or the stack's `ApiUrl`. */
  baseUrl: string;
  /** Returns the caller's Cognito ID token; called once per operation call. */
  getToken: () => string | Promise<string>;
  /** @default globalThis.fetch, looked up at each request */
  fetch?: Fetch;
  /** Per attempt, response body included; 0 turns it off. @default 10000 */
  timeoutMs?: number;
  /** @default { retries: 3, baseDelayMs: 100, maxDelayMs: 5000 } */
  retry?: Partial<RetryOptions>;
  /** Makes the `Idempotency-Key` of each create. @default crypto.randomUUID */
  idempotencyKey?: () => string;
}

export type TaskApiClient = ReturnType<typeof createTaskApiClient>;

export function createTaskApiClient(options: TaskApiClientOptions) {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const raw: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl,
    fetch: createRetryingFetch({
      retry,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    }),
  });
  raw.use(authMiddleware(options.getToken));
  const newIdempotencyKey = options.idempotencyKey ?? (() => crypto.randomUUID());

  /** POST /tasks */
  async function createTask(
    body: TaskCreate,
    { idempotencyKey, signal }: CreateTaskOptions = {},
  ): Promise<TaskApiResult<Task, WithEtag>> {
    const result = await raw.POST('/tasks', {
      body,
      params: { header: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() } },
      signal,
    });
    return withEtag(result);
  }

  /** GET /tasks */
  async function listTasks(
    query: ListTasksQuery = {},
    { signal }: CallOptions = {},
  ): Promise<TaskApiResult<TaskList>> {
    return plain(await raw.GET('/tasks', { params: { query }, signal }));
  }

  /** GET /tasks/{taskId} */
  async function getTask(
    taskId: string,
    { signal }: CallOptions = {},
  ): Promise<TaskApiResult<Task, WithEtag>> {
    return withEtag(await raw.GET('/tasks/{taskId}', { params: { path: { taskId } }, signal }));
  }

  /** PATCH /tasks/{taskId} */
  async function updateTask(
    taskId: string,
    body: TaskUpdate,
    { ifMatch, signal }: ConditionalOptions = {},
  ): Promise<TaskApiResult<Task, WithEtag>> {
    const result = await raw.PATCH('/tasks/{taskId}', {
      params: { path: { taskId }, header: { 'If-Match': ifMatch } },
      body,
      signal,
    });
    return withEtag(result);
  }

  /** DELETE /tasks/{taskId} */
  async function deleteTask(
    taskId: string,
    { ifMatch, signal }: ConditionalOptions = {},
  ): Promise<TaskApiResult<undefined>> {
    const result = await raw.DELETE('/tasks/{taskId}', {
      params: { path: { taskId }, header: { 'If-Match': ifMatch } },
      signal,
    });
    return plain(result);
  }

  /** GET /admin/tasks */
  async function listTasksByStatus(
    query: ListTasksByStatusQuery,
    { signal }: CallOptions = {},
  ): Promise<TaskApiResult<AdminTaskList>> {
    return plain(await raw.GET('/admin/tasks', { params: { query }, signal }));
  }

  /** GET /me/agenda */
  async function listMyAgenda(
    query: ListMyAgendaQuery,
    { signal }: CallOptions = {},
  ): Promise<TaskApiResult<AgendaList>> {
    return plain(await raw.GET('/me/agenda', { params: { query }, signal }));
  }

  const methods = {
    ...workspaceMethods(raw, newIdempotencyKey),
    listMyAgenda,
    createTask,
    listTasks,
    getTask,
    updateTask,
    deleteTask,
    listTasksByStatus,
  };

  return {
    ...methods,
    /** Every item of a listing, page after page; throws TaskApiProblemError if a page fails. */
    paginate: paginator(methods),
    /** PATCH only if the task still has `etag` (from getTask, createTask or updateTask); else 412. */
    updateTaskIfUnchanged: (taskId: string, etag: string, body: TaskUpdate, opts?: CallOptions) =>
      updateTask(taskId, body, { ...opts, ifMatch: etag }),
    /** DELETE only if the task still has `etag`; else 412. */
    deleteTaskIfUnchanged: (taskId: string, etag: string, opts?: CallOptions) =>
      deleteTask(taskId, { ...opts, ifMatch: etag }),
    /** The underlying openapi-fetch client (same auth, retries and timeouts), typed by path. */
    raw,
  };
}

function authMiddleware(getToken: TaskApiClientOptions['getToken']): Middleware {
  return {
    async onRequest({ request }) {
      request.headers.set('Authorization', await getToken());
      return request;
    },
  };
}
