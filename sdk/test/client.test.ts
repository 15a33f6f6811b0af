/** Every operation of the SDK against the msw mock of the contract. */
import { HttpResponse, http } from 'msw';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { problemType } from '../../src/contract/problems.js';
import { type Problem, TaskApiProblemError } from '../src/index.js';
import { BASE_URL, makeClient, recordingFetch, useMockApi } from './fixtures.js';

const { server } = useMockApi();

const MISSING_ID = '01JD7Z8Q3X5M2N4P6R8T0V2W4Y';

describe('createTask', () => {
  it('creates a task with the defaults and returns its ETag', async () => {
    const client = makeClient();

    const result = await client.createTask({ title: 'Ship feature X' });

    expect(result.error).toBeUndefined();
    expect(result.data).toMatchObject({
      title: 'Ship feature X',
      description: '',
      status: 'pending',
      version: 1,
    });
    expect(result.etag).toBe('"1"');
    expect(result.response.status).toBe(201);
    expect(result.response.headers.get('Location')).toBe(`/tasks/${result.data?.task_id}`);
  });

  it('refuses a body that breaks the contract with a 400 naming each field', async () => {
    const client = makeClient();

    const { error } = await client.createTask({ title: '', status: 'done' as 'pending' });

    expect(error?.status).toBe(400);
    // '' breaks both minLength and the not-blank pattern: one error each, as the API answers.
    expect([...new Set(error?.errors?.map((e) => e.path))].sort()).toEqual([
      '/body/status',
      '/body/title',
    ]);
  });
});

describe('listTasks', () => {
  it('lists only the caller’s tasks, newest first', async () => {
    const alice = makeClient('token-alice');
    await alice.createTask({ title: 'first' });
    await alice.createTask({ title: 'second' });
    await makeClient('token-bob').createTask({ title: 'not alice’s' });

    const { data } = await alice.listTasks();

    expect(data?.tasks.map((t) => t.title)).toEqual(['second', 'first']);
    expect(data?.count).toBe(2);
    expect(data?.next_cursor).toBeUndefined();
  });

  it('filters by status', async () => {
    const client = makeClient();
    await client.createTask({ title: 'a', status: 'completed' });
    await client.createTask({ title: 'b' });

    const { data } = await client.listTasks({ status: 'completed' });

    expect(data?.tasks.map((t) => t.title)).toEqual(['a']);
  });

  it('refuses a limit outside 1-100', async () => {
    const { error } = await makeClient().listTasks({ limit: 101 });

    expect(error).toMatchObject({ status: 400, errors: [{ path: '/query/limit' }] });
  });
});

describe('getTask', () => {
  it('returns the task and its ETag', async () => {
    const client = makeClient();
    const created = await client.createTask({ title: 'a' });

    const result = await client.getTask(created.data?.task_id ?? '');

    expect(result.data).toEqual(created.data);
    expect(result.etag).toBe('"1"');
  });

  it.each([
    { name: 'a missing task', token: 'token-alice', own: false },
    { name: 'another user’s task', token: 'token-bob', own: true },
  ])('answers 404 for $name', async ({ token, own }) => {
    const created = own ? await makeClient().createTask({ title: 'alice’s' }) : undefined;

    const { error, response } = await makeClient(token).getTask(
      created?.data?.task_id ?? MISSING_ID,
    );

    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expectTypeOf(error).toEqualTypeOf<Problem | undefined>();
    expect(error).toMatchObject({ type: problemType('not-found'), status: 404 });
  });
});

describe('updateTask', () => {
  it('changes the task and bumps its version', async () => {
    const client = makeClient();
    const { data: task } = await client.createTask({ title: 'a' });

    const result = await client.updateTask(task?.task_id ?? '', { status: 'in_progress' });

    expect(result.data).toMatchObject({ status: 'in_progress', version: 2 });
    expect(result.etag).toBe('"2"');
  });

  it('refuses an empty change', async () => {
    const client = makeClient();
    const { data: task } = await client.createTask({ title: 'a' });

    const { error } = await client.updateTask(task?.task_id ?? '', {});

    expect(error?.status).toBe(400);
  });

  it('updateTaskIfUnchanged succeeds with the current ETag and fails with 412 on a stale one', async () => {
    const client = makeClient();
    const created = await client.createTask({ title: 'a' });
    const taskId = created.data?.task_id ?? '';
    const staleEtag = created.etag ?? '';
    const fresh = await client.updateTaskIfUnchanged(taskId, staleEtag, { title: 'b' });

    const stale = await client.updateTaskIfUnchanged(taskId, staleEtag, { title: 'c' });

    expect(fresh.data?.title).toBe('b');
    expect(stale.error).toMatchObject({ status: 412 });
    expect((await client.getTask(taskId)).data?.title).toBe('b');
  });
});

describe('deleteTask', () => {
  it('deletes the task, then it is gone', async () => {
    const client = makeClient();
    const { data: task } = await client.createTask({ title: 'a' });

    const result = await client.deleteTask(task?.task_id ?? '');

    expect(result.response.status).toBe(204);
    expect(result.error).toBeUndefined();
    expect((await client.getTask(task?.task_id ?? '')).response.status).toBe(404);
  });

  it('deleteTaskIfUnchanged refuses a stale ETag with 412 and keeps the task', async () => {
    const client = makeClient();
    const created = await client.createTask({ title: 'a' });
    const taskId = created.data?.task_id ?? '';
    await client.updateTask(taskId, { title: 'b' });

    const { error } = await client.deleteTaskIfUnchanged(taskId, created.etag ?? '');

    expect(error?.status).toBe(412);
    expect((await client.getTask(taskId)).response.status).toBe(200);
  });
});

describe('listTasksByStatus', () => {
  it('lists every user’s tasks in one status, with owners, for an admin', async () => {
    await makeClient('token-alice').createTask({ title: 'a' });
    await makeClient('token-bob').createTask({ title: 'b' });

    const { data } = await makeClient('token-admin').listTasksByStatus({ status: 'pending' });

    expect(data?.tasks.map((t) => [t.user_id, t.title])).toEqual([
      ['bob', 'b'],
      ['alice', 'a'],
    ]);
  });

  it('refuses a non-admin with 403', async () => {
    const { error } = await makeClient('token-alice').listTasksByStatus({ status: 'pending' });

    expect(error?.status).toBe(403);
  });
});

describe('authentication', () => {
  it('sends the raw token from getToken in Authorization on every request', async () => {
    const { requests, fetch } = recordingFetch();
    let n = 0;
    const client = makeClient('unused', { getToken: async () => `token-${++n}`, fetch });

    await client.listTasks();
    await client.getTask(MISSING_ID);

    expect(requests.map((r) => r.headers.get('Authorization'))).toEqual(['token-1', 'token-2']);
  });

  it('an unknown token is a 401 problem', async () => {
    const { error } = await makeClient('token-mallory').listTasks();

    expect(error).toMatchObject({ status: 401, title: 'Unauthorized' });
  });
});

describe('paginate', () => {
  it.each(['listTasks', 'listTasksByStatus'] as const)(
    '%s yields every task across cursor pages, newest first',
    async (operation) => {
      const alice = makeClient('token-alice');
      for (let i = 1; i <= 5; i++) await alice.createTask({ title: `task ${i}` });
      const { requests, fetch } = recordingFetch();
      const client = makeClient(operation === 'listTasks' ? 'token-alice' : 'token-admin', {
        fetch,
      });

      const titles: string[] = [];
      for await (const task of client.paginate(operation, { status: 'pending', limit: 2 })) {
        titles.push(task.title);
      }

      expect(titles).toEqual(['task 5', 'task 4', 'task 3', 'task 2', 'task 1']);
      expect(requests).toHaveLength(3);
      expect(new URL(requests[1]?.url ?? '').searchParams.get('cursor')).toMatch(
        /^[A-Za-z0-9_-]+$/,
      );
    },
  );

  it('takes the path parameters of a listing before its query (listMembers)', async () => {
    const alice = makeClient('token-alice');
    const { data: workspace } = await alice.createWorkspace({ name: 'Team' });
    const id = workspace?.workspace_id ?? '';
    for (const email of ['bob@example.com', 'carol@example.com']) {
      await alice.inviteMember(id, { email, role: 'member' });
    }
    const { requests, fetch } = recordingFetch();

    const members: string[] = [];
    for await (const m of makeClient('token-alice', { fetch }).paginate('listMembers', id, {
      limit: 1,
    })) {
      members.push(m.email ?? m.user_id ?? '');
    }

    expect(members.sort()).toEqual(['alice@example.com', 'bob@example.com', 'carol@example.com']);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    expect(requests.every((r) => new URL(r.url).pathname === `/workspaces/${id}/members`)).toBe(
      true,
    );
  });

  it('throws TaskApiProblemError with the problem when a page fails', async () => {
    const client = makeClient('token-alice');

    const pages = client.paginate('listTasksByStatus', { status: 'pending' });

    const error = await pages.next().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskApiProblemError);
    expect((error as TaskApiProblemError).problem.status).toBe(403);
  });
});

describe('problem errors', () => {
  it.each([
    {
      name: 'an API Gateway {message} body',
      given: HttpResponse.json(
        { message: 'Unauthorized' },
        { status: 401, statusText: 'Unauthorized' },
      ),
      want: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'Unauthorized' },
    },
    {
      name: 'an HTML error page',
      given: new HttpResponse('<html>bad gateway</html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
      want: { type: 'about:blank', title: 'Bad Gateway', status: 502 },
    },
  ])('turns $name into a problem', async ({ given, want }) => {
    server.use(http.get(`${BASE_URL}/tasks`, () => given.clone()));

    const { error, response } = await makeClient().listTasks();

    expect(error).toEqual(want);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });
});
