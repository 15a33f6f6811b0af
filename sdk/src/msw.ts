/**
 * @task-api/sdk/msw: msw handlers that answer with task-api itself (Node only): the API's own
 * Lambda handlers behind the local gateway's routing, authorizer and gateway responses, over an
 * in-memory DynamoDB (dynalite, in-process). No second implementation: the mock cannot drift.
 */
import { type HttpHandler, http } from 'msw';
import { inProcessApi } from './msw/api.js';
import { type MockUser, mockAuthorizer } from './msw/users.js';

export type { MockUser } from './msw/users.js';

export interface TaskApiMockOptions {
  /** The same `baseUrl` the client under test uses; its path is the API's base path (stage). */
  baseUrl: string;
  /**
   * Known tokens (the `Authorization` value, raw or `Bearer ...`) and who they are; any other
   * token is a 401. @default every token is accepted as a non-admin user whose `sub` is the token
   */
  users?: Record<string, MockUser>;
  /** How many tasks one user may own before a create is a 409 (the API's MAX_TASKS_PER_USER). @default 10000 */
  maxTasksPerUser?: number;
  /**
   * The most batches of 25 items one `DELETE /workspaces/{id}` deletes before it answers 202
   * (hidden, partly deleted; send DELETE again), as the API's WORKSPACE_DELETE_BATCHES.
   * @default 100
   */
  workspaceDeleteBatches?: number;
}

export interface TaskApiMock {
  /** msw request handlers for every request under `baseUrl`. */
  handlers: HttpHandler[];
  /**
   * The same API as a fetch function, without msw: to seed or inspect the data through the API
   * itself (`createTaskApiClient({ baseUrl, getToken, fetch: mock.fetch })`).
   */
  fetch: (request: Request) => Promise<Response>;
}

/** A new API with empty data: its handlers for msw and its fetch. */
export function createTaskApiMock(options: TaskApiMockOptions): TaskApiMock {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetch = inProcessApi({
    baseUrl: new URL(base),
    authorizer: mockAuthorizer(options.users),
    data: options.maxTasksPerUser === undefined ? {} : { maxTasksPerUser: options.maxTasksPerUser },
    // A mock writes no Lambda log lines.
    env: {
      LOG_LEVEL: 'silent',
      ...(options.workspaceDeleteBatches === undefined
        ? {}
        : { WORKSPACE_DELETE_BATCHES: String(options.workspaceDeleteBatches) }),
    },
  });
  return { handlers: [http.all(`${base}/*`, ({ request }) => fetch(request))], fetch };
}

/** `createTaskApiMock(options).handlers`: a new API with empty data, as msw handlers. */
export function createTaskApiHandlers(options: TaskApiMockOptions): HttpHandler[] {
  return createTaskApiMock(options).handlers;
}
