/**
 * @task-api/sdk/msw: msw handlers that answer like task-api (openapi.yaml), backed by an
 * in-memory store, for testing code that uses the SDK without a server.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { canonicalEmail } from '../../src/contract/email.js';
import { ADMIN_GROUP, type ProblemSlug, problemBody } from '../../src/contract/problems.js';
import * as bodyRules from '../../src/contract/validate-body.generated.js';
import * as paramRules from '../../src/contract/validate-params.generated.js';
import { type CursorScope, cursors, TaskStore, toAdminTask, toTask } from './msw/store.js';
import { ifMatchAllows, validateBody, validateParams } from './msw/validate.js';
import { workspaceHandlers } from './msw/workspaceHandlers.js';
import type { FieldError, ListTasksQuery, Problem, Task, TaskCreate, TaskUpdate } from './types.js';

export { TaskStore } from './msw/store.js';

export interface MockUser {
  /** The Cognito `sub`: owner of the tasks this user creates. */
  sub: string;
  /** A member of the `admins` group (may call listTasksByStatus). */
  admin?: boolean;
  /**
   * The token's verified e-mail address (`email` with `email_verified` true): workspace
   * invitations to it are this user's to accept. Without one, the user has no invitations.
   */
  email?: string;
}

export interface TaskApiHandlersOptions {
  /** The same `baseUrl` the client under test uses. */
  baseUrl: string;
  /**
   * Known tokens (the `Authorization` value, raw or `Bearer ...`) and who they are; any other
   * token is a 401. @default every token is accepted as a non-admin user whose `sub` is the token
   */
  users?: Record<string, MockUser>;
  /** Seed or inspect the data. @default a new empty store */
  store?: TaskStore;
  /**
   * The most batches of 25 items one `DELETE /workspaces/{id}` deletes before it answers 202
   * (hidden, partly deleted; send DELETE again), as the API's WORKSPACE_DELETE_BATCHES.
   * @default 100
   */
  workspaceDeleteBatches?: number;
}

const MAX_BODY_BYTES = 32_768;
/** The API's own problem bodies (src/contract/problems.ts), with its default `type` base. */
function problem(slug: ProblemSlug, detail: string, errors?: FieldError[]) {
  const body = problemBody(slug, detail, errors ? { errors } : {});
  return HttpResponse.json(body satisfies Problem, {
    status: body.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

const invalid = (errors: FieldError[]) =>
  problem('validation-error', 'the request does not match the contract', errors);

function taskResponse(task: Task, status: 200 | 201) {
  const headers: Record<string, string> = { ETag: `"${task.version}"` };
  if (status === 201) headers.Location = `/tasks/${task.task_id}`;
  return HttpResponse.json(task, { status, headers });
}

/**
 * The JSON body, or the problem the API answers instead, in the API's order
 * (src/http/request.ts parseBody): 413, then 415 for a non-empty body that is not JSON, then 400.
 */
async function readJson(request: Request): Promise<{ body: unknown } | { refusal: Response }> {
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_BODY_BYTES) {
    return {
      refusal: problem(
        'payload-too-large',
        `the body must be at most ${MAX_BODY_BYTES} bytes, got ${bytes.byteLength}`,
      ),
    };
  }
  const header = request.headers.get('Content-Type');
  const type = header?.split(';')[0]?.trim().toLowerCase();
  if (bytes.byteLength > 0 && type !== 'application/json') {
    return {
      refusal: problem(
        'unsupported-media-type',
        `content-type must be application/json, got ${header ?? 'none'}`,
      ),
    };
  }
  if (bytes.byteLength === 0) {
    return {
      refusal: problem('validation-error', 'a JSON body is required', [
        { path: '/body', message: 'is required' },
      ]),
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return {
      refusal: problem('validation-error', 'the body is not valid UTF-8', [
        { path: '/body', message: 'is not valid UTF-8' },
      ]),
    };
  }
  try {
    return { body: JSON.parse(text) };
  } catch {
    return {
      refusal: problem('validation-error', 'the body is not valid JSON', [
        { path: '/body', message: 'is not valid JSON' },
      ]),
    };
  }
}

/** Canonical JSON (sorted keys), so key order does not make "a different body". */
function fingerprint(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`;
}

export function createTaskApiHandlers(options: TaskApiHandlersOptions): HttpHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const store = options.store ?? new TaskStore();

  function caller(request: Request): MockUser | undefined {
    const token = request.headers
      .get('Authorization')
      ?.replace(/^Bearer\s+/i, '')
      .trim();
    if (!token) return undefined;
    // Own entries only: a token named `constructor` is no user.
    if (!options.users) return { sub: token };
    return Object.hasOwn(options.users, token) ? options.users[token] : undefined;
  }
  const unauthorized = () => problem('unauthorized', 'a valid Cognito ID token is required');

  /** `query` has passed its validator, which coerced `limit` and defaulted it to 50. */
  function listPage(
    query: ListTasksQuery,
    scope: CursorScope,
    match: (t: { user_id: string; status: string }) => boolean,
  ) {
    const { limit = 50, cursor } = query;
    const decoded = cursor === undefined ? { after: undefined } : cursors.decode(scope, cursor);
    if ('reason' in decoded) {
      // The API's wording (src/tasks/errors.ts InvalidCursorError).
      const message = `cursor is not valid for this list: ${decoded.reason}`;
      return {
        refusal: problem('validation-error', message, [{ path: '/query/cursor', message }]),
      };
    }
    const { tasks, nextSeq } = store.page(match, limit, decoded.after);
    return {
      tasks,
      next_cursor: nextSeq === undefined ? undefined : cursors.encode(scope, nextSeq),
    };
  }

  const workspaces = workspaceHandlers({
    base,
    data: store.workspaces,
    actor(request) {
      const user = caller(request);
      if (!user) return undefined;
      // As the API reads the claim (src/http/request.ts).
      return user.email ? { sub: user.sub, email: canonicalEmail(user.email) } : { sub: user.sub };
    },
    problem,
    readJson,
    deleteBatches: options.workspaceDeleteBatches ?? 100,
  });

  return [
    ...workspaces,
    http.post(`${base}/tasks`, async ({ request }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      const paramErrors = validateParams(paramRules.createTask, request).errors;
      if (paramErrors.length > 0) return invalid(paramErrors);
      const read = await readJson(request);
      if ('refusal' in read) return read.refusal;
      const key = request.headers.get('Idempotency-Key');
      const errors = validateBody(bodyRules.createTask, read.body);
      if (errors.length > 0) return invalid(errors);
      if (key === null)
        return taskResponse(toTask(store.create(user.sub, read.body as TaskCreate)), 201);

      const id = key.replace(/^"(.*)"$/, '$1');
      // The request as it will be stored: `{title}` and `{title, status: 'pending'}` are one.
      const input = read.body as TaskCreate;
      const print = fingerprint({
        title: input.title,
        description: input.description ?? '',
        status: input.status ?? 'pending',
      });
      const seen = store.recall(user.sub, id);
      if (seen && seen.fingerprint !== print) {
        return problem(
          'idempotency-key-reused',
          'this Idempotency-Key was used with a different request body',
        );
      }
      if (seen) return taskResponse(seen.task, 201);
      const task = toTask(store.create(user.sub, read.body as TaskCreate));
      store.remember(user.sub, id, { fingerprint: print, task });
      return taskResponse(task, 201);
    }),

    http.get(`${base}/tasks`, ({ request }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      const { params, errors } = validateParams(paramRules.listTasks, request);
      if (errors.length > 0) return invalid(errors);
      const query = params.query as ListTasksQuery;
      const { status } = query;
      const page = listPage(
        query,
        { owner: user.sub, status },
        (t) => t.user_id === user.sub && (status === undefined || t.status === status),
      );
      if ('refusal' in page) return page.refusal;
      const tasks = page.tasks.map(toTask);
      return HttpResponse.json({ tasks, count: tasks.length, next_cursor: page.next_cursor });
    }),

    http.get(`${base}/tasks/:taskId`, ({ request, params }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      const taskId = String(params.taskId);
      const { errors } = validateParams(paramRules.getTask, request, { taskId });
      if (errors.length > 0) return invalid(errors);
      const task = store.get(user.sub, taskId);
      return task
        ? taskResponse(toTask(task), 200)
        : problem('not-found', `task ${taskId} not found`);
    }),

    http.patch(`${base}/tasks/:taskId`, async ({ request, params }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      const taskId = String(params.taskId);
      const ifMatch = request.headers.get('If-Match');
      const paramErrors = validateParams(paramRules.updateTask, request, { taskId }).errors;
      if (paramErrors.length > 0) return invalid(paramErrors);
      const read = await readJson(request);
      if ('refusal' in read) return read.refusal;
      const errors = validateBody(bodyRules.updateTask, read.body);
      if (errors.length > 0) return invalid(errors);
      const task = store.get(user.sub, taskId);
      if (!task) return problem('not-found', `task ${taskId} not found`);
      if (!ifMatchAllows(ifMatch, task.version)) {
        return problem('precondition-failed', 'the task has changed since the given ETag');
      }
      return taskResponse(toTask(store.update(task, read.body as TaskUpdate)), 200);
    }),

    http.delete(`${base}/tasks/:taskId`, ({ request, params }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      const taskId = String(params.taskId);
      const ifMatch = request.headers.get('If-Match');
      const { errors } = validateParams(paramRules.deleteTask, request, { taskId });
      if (errors.length > 0) return invalid(errors);
      const task = store.get(user.sub, taskId);
      if (!task) return problem('not-found', `task ${taskId} not found`);
      if (!ifMatchAllows(ifMatch, task.version)) {
        return problem('precondition-failed', 'the task has changed since the given ETag');
      }
      store.delete(task);
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(`${base}/admin/tasks`, ({ request }) => {
      const user = caller(request);
      if (!user) return unauthorized();
      // API Gateway's parameter validator runs before the function, for every caller, and
      // answers its own 400 (BAD_REQUEST_PARAMETERS) with no field errors.
      if (!new URL(request.url).searchParams.has('status')) {
        return problem('validation-error', 'Missing required request parameters: [status]');
      }
      if (!user.admin)
        return problem('forbidden', `this operation is for members of the ${ADMIN_GROUP} group`);
      const { params, errors } = validateParams(paramRules.listTasksByStatus, request);
      if (errors.length > 0) return invalid(errors);
      const query = params.query as ListTasksQuery;
      const { status } = query;
      const page = listPage(query, { status }, (t) => t.status === status);
      if ('refusal' in page) return page.refusal;
      const tasks = page.tasks.map(toAdminTask);
      return HttpResponse.json({ tasks, count: tasks.length, next_cursor: page.next_cursor });
    }),
  ];
}
