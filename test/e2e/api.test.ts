/**
 * End to end: the SDK -> the local gateway (Cognito authorizer) -> handlers -> dynalite, with
 * users signed up, confirmed and signed in through the embedded Cognito.
 */

import { randomUUID } from 'node:crypto';
import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiClient } from '../../sdk/src/index.js';
import { contractViolations } from '../support/contract.js';
import { expiredIdToken, otherKeyIdToken, type TestUser } from '../support/stack.js';
import { startTarget, type Target } from './target.js';

let stack: Target;
let alice: TestUser;
let bob: TestUser;
let admin: TestUser;

beforeAll(async () => {
  stack = await startTarget();
  [alice, bob, admin] = await Promise.all([
    stack.createUser(),
    stack.createUser(),
    stack.createUser({ admin: true }),
  ]);
});
afterAll(() => stack.stop());

const clientFor = (user: TestUser) =>
  createTaskApiClient({
    baseUrl: stack.apiUrl,
    getToken: () => user.idToken,
    retry: { retries: 0 },
  });

/** A raw request, for what the typed SDK will not let a caller send; checked against the spec. */
async function send(
  operationId: string,
  method: string,
  path: string,
  init: { token?: string; body?: string; headers?: Record<string, string> } = {},
) {
  const res = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      ...(init.token ? { Authorization: init.token } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body,
  });
  const body = await res.text();
  const headers = Object.fromEntries(res.headers.entries());
  expect(contractViolations(operationId, { status: res.status, headers, body })).toEqual([]);
  return { status: res.status, headers, json: body ? JSON.parse(body) : undefined };
}

describe("the seed tutorial's flow", () => {
  it('signs up, confirms, signs in, creates a task and lists it', async () => {
    const email = `maria-${randomUUID()}@example.com`;
    const password = 'TestPass123!';
    await stack.cognito.send(
      new SignUpCommand({ ClientId: stack.clientId, Username: email, Password: password }),
    );
    await stack.confirm(email);
    const auth = await stack.cognito.send(
      new InitiateAuthCommand({
        ClientId: stack.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const token = auth.AuthenticationResult?.IdToken as string;
    stack.own(token);

    const created = await send('createTask', 'POST', '/tasks', {
      token,
      body: JSON.stringify({ title: 'Ship feature X', status: 'pending' }),
    });
    const listed = await send('listTasks', 'GET', '/tasks', { token: `Bearer ${token}` });

    expect(created.status).toBe(201);
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ tasks: [created.json], count: 1 });
  });
});

describe('authentication', () => {
  it.each([
    { name: 'no token', token: () => undefined },
    { name: 'an expired token', token: () => expiredIdToken(alice) },
    { name: 'a token signed by another key', token: () => otherKeyIdToken(alice) },
    { name: 'an access token instead of an ID token', token: () => alice.accessToken },
    { name: 'a garbage token', token: () => 'Bearer not.a.jwt' },
  ])('refuses $name with a 401 problem on every operation', async ({ token }) => {
    const t = token();
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const calls = [
      ['createTask', 'POST', '/tasks', '{"title":"x"}'],
      ['listTasks', 'GET', '/tasks', undefined],
      ['getTask', 'GET', `/tasks/${id}`, undefined],
      ['updateTask', 'PATCH', `/tasks/${id}`, '{"title":"x"}'],
      ['deleteTask', 'DELETE', `/tasks/${id}`, undefined],
      ['listTasksByStatus', 'GET', '/admin/tasks?status=pending', undefined],
    ] as const;
    for (const [operationId, method, path, body] of calls) {
      const res = await send(operationId, method, path, {
        ...(t ? { token: t } : {}),
        ...(body ? { body } : {}),
      });
      expect(res.status, `${operationId} with ${t?.slice(0, 12)}`).toBe(401);
    }
  });
});

describe('authorization', () => {
  it("gives user B a 404 for reading, updating or deleting user A's task, and A's task is unchanged", async () => {
    const a = clientFor(alice);
    const b = clientFor(bob);
    const { data: task } = await a.createTask({ title: "Alice's", description: 'private' });
    if (!task) throw new Error('create failed');

    expect((await b.getTask(task.task_id)).error?.status).toBe(404);
    expect((await b.updateTask(task.task_id, { title: 'pwned' })).error?.status).toBe(404);
    expect((await b.deleteTask(task.task_id)).error?.status).toBe(404);
    const listed = await b.listTasks();
    expect(listed.data?.tasks.map((t) => t.task_id)).not.toContain(task.task_id);

    expect((await a.getTask(task.task_id)).data).toEqual(task);
  });

  it('refuses the admin listing to a non-admin with a 403 and serves it to an admin', async () => {
    const { error } = await clientFor(alice).listTasksByStatus({ status: 'pending' });
    expect(error?.status).toBe(403);

    const { data: task } = await clientFor(bob).createTask({ title: 'for the admin view' });
    const { data } = await clientFor(admin).listTasksByStatus({ status: 'pending' });
    expect(data?.tasks).toContainEqual({ ...task, user_id: bob.sub });
  });

  it('shows an admin only their own tasks on the user routes', async () => {
    const { data: own } = await clientFor(admin).createTask({ title: 'admin task' });
    const { data } = await clientFor(admin).listTasks();
    expect(data?.tasks.map((t) => t.task_id)).toEqual([own?.task_id]);
  });
});

describe('pagination', () => {
  it('walks every task exactly once, newest first, through the SDK iterator', async () => {
    const user = await stack.createUser();
    const client = clientFor(user);
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) {
      const { data } = await client.createTask({ title: `task ${i}` });
      ids.push(data?.task_id as string);
    }
    const seen: string[] = [];
    for await (const task of client.paginate('listTasks', { limit: 4 })) seen.push(task.task_id);
    expect(seen).toEqual(ids.reverse());
  });
});

describe('bad input', () => {
  it.each([
    { name: 'invalid JSON', body: '{"title":' },
    { name: 'a wrong type', body: '{"title":7}' },
    { name: 'an unknown field', body: '{"title":"x","owner":"me"}' },
    { name: 'an over-long title', body: JSON.stringify({ title: 'x'.repeat(201) }) },
    { name: 'an unknown status', body: '{"title":"x","status":"done"}' },
  ])(
    'refuses a create with $name with a 400 problem, and the data is unchanged',
    async ({ body }) => {
      const token = bob.idToken;
      const before = await send('listTasks', 'GET', '/tasks?limit=100', { token });
      const res = await send('createTask', 'POST', '/tasks', { token, body });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
      expect((await send('listTasks', 'GET', '/tasks?limit=100', { token })).json).toEqual(
        before.json,
      );
    },
  );

  it.each([
    { name: 'a bad cursor', query: 'cursor=!!!' },
    {
      name: 'a forged cursor',
      query: `cursor=${Buffer.from('{"v":1,"t":"x"}').toString('base64url')}`,
    },
    { name: 'limit 0', query: 'limit=0' },
    { name: 'limit 1000', query: 'limit=1000' },
    { name: 'a non-numeric limit', query: 'limit=abc' },
  ])('refuses a list with $name with a 400 problem', async ({ query }) => {
    const res = await send('listTasks', 'GET', `/tasks?${query}`, { token: bob.idToken });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toMatch(/^\/query\//);
  });
});
