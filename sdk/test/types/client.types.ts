/**
 * Compile-time checks of the SDK's types: each `@ts-expect-error` must be an error, or tsc
 * fails with "unused directive". Checked by types.test.ts and by `npm run typecheck`.
 */
import { expectTypeOf } from 'vitest';
import {
  type AdminTask,
  createTaskApiClient,
  type Invitation,
  type Member,
  type Problem,
  type Task,
  type TaskApiClient,
  type Workspace,
  type WorkspaceTask,
} from '../../src/index.js';

declare const client: TaskApiClient;

export async function results() {
  const created = await client.createTask({ title: 'a' });
  if (created.error) {
    expectTypeOf(created.error).toEqualTypeOf<Problem>();
    expectTypeOf(created.data).toEqualTypeOf<undefined>();
  } else {
    expectTypeOf(created.data).toEqualTypeOf<Task>();
    expectTypeOf(created.etag).toEqualTypeOf<string>();
  }
  expectTypeOf(created.response).toEqualTypeOf<Response>();

  const page = await client.listTasksByStatus({ status: 'completed' });
  if (page.data) expectTypeOf(page.data.tasks).toEqualTypeOf<AdminTask[]>();
  const deleted = await client.deleteTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y');
  if (!deleted.error) expectTypeOf(deleted.data).toEqualTypeOf<undefined>();
}

export function pages() {
  expectTypeOf(client.paginate('listTasks')).toEqualTypeOf<AsyncGenerator<Task, void, undefined>>();
  expectTypeOf(client.paginate('listTasksByStatus', { status: 'pending' })).toEqualTypeOf<
    AsyncGenerator<AdminTask, void, undefined>
  >();
  const operation = 'listTasks' as 'listTasks' | 'listTasksByStatus';
  expectTypeOf(client.paginate(operation, { status: 'pending' })).toEqualTypeOf<
    AsyncGenerator<Task | AdminTask, void, undefined>
  >();
  expectTypeOf(client.paginate('listMembers', 'ws-1', { limit: 10 })).toEqualTypeOf<
    AsyncGenerator<Member, void, undefined>
  >();
  expectTypeOf(client.paginate('listWorkspaces')).toEqualTypeOf<
    AsyncGenerator<Workspace, void, undefined>
  >();
  expectTypeOf(client.paginate('listMyInvitations')).toEqualTypeOf<
    AsyncGenerator<Invitation, void, undefined>
  >();
  expectTypeOf(client.paginate('listWorkspaceTasks', 'ws-1', { assignee: 'sub' })).toEqualTypeOf<
    AsyncGenerator<WorkspaceTask, void, undefined>
  >();
  // @ts-expect-error getTask is no listing
  client.paginate('getTask', '01JD7Z8Q3X5M2N4P6R8T0V2W4Y');
  // @ts-expect-error listMembers needs the workspace id before its query
  client.paginate('listMembers', { limit: 10 });
}

export async function wrongBodies() {
  // @ts-expect-error title is required
  await client.createTask({ description: 'no title' });
  // @ts-expect-error status is one of pending, in_progress, completed
  await client.createTask({ title: 'a', status: 'done' });
  // @ts-expect-error the owner is set by the API (additionalProperties: false)
  await client.createTask({ title: 'a', user_id: 'someone-else' });
  // @ts-expect-error version is set by the API
  await client.updateTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y', { version: 7 });
  // @ts-expect-error title is a string
  await client.updateTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y', { title: 1 });
}

export async function missingParameters() {
  // @ts-expect-error taskId is a required path parameter
  await client.getTask();
  // @ts-expect-error taskId is a required path parameter
  await client.updateTask({ title: 'a' });
  // @ts-expect-error status is required for the admin listing
  await client.listTasksByStatus({ limit: 10 });
  // @ts-expect-error the admin listing needs a query
  await client.paginate('listTasksByStatus', {});
  // @ts-expect-error limit is a number
  await client.listTasks({ limit: '10' });

  // The raw openapi-fetch client is typed by path: params.path.taskId is required.
  // @ts-expect-error missing params
  await client.raw.GET('/tasks/{taskId}', {});
  // @ts-expect-error missing taskId
  await client.raw.GET('/tasks/{taskId}', { params: { path: {} } });
  // @ts-expect-error no such path
  await client.raw.GET('/task/{taskId}', { params: { path: { taskId: 'x' } } });
  // @ts-expect-error PUT is not an operation of /tasks
  await client.raw.PUT('/tasks', { body: { title: 'a' } });
  const raw = await client.raw.GET('/tasks/{taskId}', { params: { path: { taskId: 'x' } } });
  if (raw.data) expectTypeOf(raw.data).toEqualTypeOf<Task>();
}

export function options() {
  // @ts-expect-error getToken is required
  createTaskApiClient({ baseUrl: 'http://localhost:3000' });
  createTaskApiClient({
    baseUrl: 'http://localhost:3000',
    getToken: () => 'token',
    fetch: (request) => globalThis.fetch(request),
    timeoutMs: 5_000,
    retry: { retries: 5 },
    idempotencyKey: () => crypto.randomUUID(),
  });
}
