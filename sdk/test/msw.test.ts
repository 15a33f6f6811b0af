/**
 * @task-api/sdk/msw is the API: its own handlers behind the local gateway's dispatch, on an
 * in-memory dynalite. The handlers and the gateway have their own suites; these check the wiring:
 * that requests reach them through msw, with the mock's users, settings and base path.
 */
import { describe, expect, it } from 'vitest';
import { GATEWAY_RESPONSES, problemType } from '../../src/contract/problems.js';
import { createTaskApiClient } from '../src/index.js';
import { createTaskApiMock, type TaskApiMockOptions } from '../src/msw.js';
import { BASE_URL, makeClient, useMockApi } from './fixtures.js';

const { server } = useMockApi();

/** A mock of its own (other options) in front of the file's one. */
function useOwnMock(options: Partial<TaskApiMockOptions> = {}) {
  const mock = createTaskApiMock({ baseUrl: BASE_URL, ...options });
  server.use(...mock.handlers);
  return mock;
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => `"${i + 1}"`).join(', ');

describe('the mock answers with the API', () => {
  it('creates tasks and lists them newest first, page by page with the cursor', async () => {
    const alice = makeClient('token-alice');
    const created = [];
    for (const title of ['a', 'b', 'c']) created.push((await alice.createTask({ title })).data);

    const first = await alice.listTasks({ limit: 2 });
    const second = await alice.listTasks({ limit: 2, cursor: first.data?.next_cursor });

    expect(first.data?.tasks.map((t) => t.title)).toEqual(['c', 'b']);
    expect(first.data?.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(second.data?.tasks.map((t) => t.title)).toEqual(['a']);
    expect(second.data?.next_cursor).toBeUndefined();
    expect(second.data?.tasks[0]).toEqual(created[0]);
  });

  it('refuses a create past maxTasksPerUser with 409 task-limit-reached', async () => {
    useOwnMock({ maxTasksPerUser: 2 });
    const client = makeClient('token-alice');
    await client.createTask({ title: 'a' });
    await client.createTask({ title: 'b' });

    const { error } = await client.createTask({ title: 'c' });

    expect(error).toMatchObject({ status: 409, type: problemType('task-limit-reached') });
  });

  it('refuses an If-Match of 101 entity tags with 400 and takes one of 100', async () => {
    const client = makeClient('token-alice');
    const { data: task } = await client.createTask({ title: 'a' });
    const taskId = task?.task_id ?? '';

    const tooMany = await client.updateTask(taskId, { title: 'b' }, { ifMatch: tags(101) });
    const enough = await client.updateTask(taskId, { title: 'b' }, { ifMatch: tags(100) });

    expect(tooMany.error).toMatchObject({
      status: 400,
      errors: [{ path: '/headers/if-match' }],
    });
    expect(enough.data).toMatchObject({ title: 'b', version: 2 });
  });

  it('lets one user invite another by e-mail and the invitee accept', async () => {
    const alice = makeClient('token-alice');
    const bob = makeClient('token-bob');
    const { data: workspace } = await alice.createWorkspace({ name: 'Team' });
    const id = workspace?.workspace_id ?? '';
    await alice.inviteMember(id, { email: 'Bob@Example.com', role: 'member' });

    const invitations = await bob.listMyInvitations();
    const accepted = await bob.acceptInvitation(id);
    const members = await alice.listMembers(id);

    expect(invitations.data?.invitations).toMatchObject([{ workspace_id: id, role: 'member' }]);
    expect(accepted.error).toBeUndefined();
    expect(members.data?.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: 'bob', role: 'member', status: 'active' }),
      ]),
    );
    expect((await bob.listWorkspaces()).data?.workspaces).toMatchObject([{ workspace_id: id }]);
  });

  it('resumes a deletion of more than workspaceDeleteBatches batches of 25 with 202s', async () => {
    useOwnMock({ workspaceDeleteBatches: 1 });
    const alice = makeClient('token-alice');
    const { data: workspace } = await alice.createWorkspace({ name: 'Big' });
    const id = workspace?.workspace_id ?? '';
    for (let i = 0; i < 30; i++) {
      await alice.inviteMember(id, { email: `member${i}@example.com`, role: 'member' });
    }

    const statuses: number[] = [];
    for (let done = false; !done && statuses.length < 10; ) {
      const { data, response } = await alice.deleteWorkspace(id);
      statuses.push(response.status);
      done = data?.done ?? true;
    }

    expect(statuses[0]).toBe(202);
    expect(statuses.at(-1)).toBe(204);
  });
});

describe('the gateway in front of it', () => {
  it('refuses a token that is none of the users with 401, and a missing one', async () => {
    const stranger = await makeClient('token-mallory').listTasks();
    const anonymous = await makeClient('').listTasks();

    expect(stranger.error).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(anonymous.error).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('takes any token as a non-admin user named by it when no users are given', async () => {
    useOwnMock();
    const client = makeClient('anyone');

    const created = await client.createTask({ title: 'a' });
    const admin = await client.listTasksByStatus({ status: 'pending' });

    expect(created.response.status).toBe(201);
    expect(admin.error).toMatchObject({ status: 403, type: problemType('forbidden') });
  });

  it('serves the API under the base path of baseUrl, as a stage', async () => {
    const baseUrl = 'https://stage.test/prod';
    server.use(...createTaskApiMock({ baseUrl }).handlers);
    const client = createTaskApiClient({ baseUrl, getToken: () => 'alice', retry: { retries: 0 } });

    const created = await client.createTask({ title: 'a' });
    const unknown = await client.raw.GET('/nowhere' as '/tasks');

    expect(created.response.headers.get('Location')).toBe(`/prod/tasks/${created.data?.task_id}`);
    // API Gateway's MISSING_AUTHENTICATION_TOKEN, as the API's gateway responses render it.
    expect(unknown.error).toMatchObject({
      status: 404,
      type: problemType('not-found'),
      detail: GATEWAY_RESPONSES.MISSING_AUTHENTICATION_TOKEN.detail,
      instance: unknown.response.headers.get('x-amzn-RequestId'),
    });
  });

  it('leaves other requests to msw, whose onUnhandledFrame is error here', async () => {
    const elsewhere = await fetch('https://elsewhere.test/tasks').then(
      (res) => res.status,
      (error: unknown) => error,
    );

    expect(elsewhere).toBeInstanceOf(Error);
    expect((await makeClient().listTasks()).response.status).toBe(200);
  });

  it('answers without msw through fetch', async () => {
    const mock = createTaskApiMock({ baseUrl: BASE_URL });
    const client = makeClient('alice', { fetch: mock.fetch });

    await client.createTask({ title: 'seeded' });

    const { data } = await client.listTasks();
    expect(data?.tasks.map((t) => t.title)).toEqual(['seeded']);
  });
});
