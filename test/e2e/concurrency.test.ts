/**
 * Concurrent clients through the gateway: conditional writes let exactly one of N racing
 * changes win, parallel creates are all kept exactly once, and parallel retries of one
 * idempotent create make one task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, type ApiResponse, apiClient, walkPages } from '../support/api.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

const N = 20;
let stack: TestStack;
let api: Api;
let alice: TestUser;
let admin: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  [alice, admin] = await Promise.all([createUser(stack), createUser(stack, { admin: true })]);
});
afterAll(() => stack?.stop());

async function create(user: TestUser, body: object, headers: Record<string, string> = {}) {
  return api.call('createTask', {
    method: 'POST',
    path: '/tasks',
    token: user.idToken,
    body: JSON.stringify(body),
    headers,
  });
}

const statuses = (answers: ApiResponse[]) => {
  const count = new Map<number, number>();
  for (const a of answers) count.set(a.status, (count.get(a.status) ?? 0) + 1);
  return Object.fromEntries(count);
};

function expectConforming(answers: ApiResponse[]) {
  expect(answers.flatMap((a) => a.violations)).toEqual([]);
}

describe('racing changes to one task', () => {
  it(`lets exactly one of ${N} PATCHes with the same If-Match win, round after round`, async () => {
    const { json: task } = await create(alice, { title: 'contended' });

    for (let version = 1; version <= 5; version++) {
      const answers = await Promise.all(
        Array.from({ length: N }, (_, i) =>
          api.call('updateTask', {
            method: 'PATCH',
            path: `/tasks/${task.task_id}`,
            token: alice.idToken,
            body: JSON.stringify({ title: `writer ${i} of round ${version}` }),
            headers: { 'If-Match': `"${version}"` },
          }),
        ),
      );

      expectConforming(answers);
      expect(statuses(answers)).toEqual({ 200: 1, 412: N - 1 });
      const winner = answers.find((a) => a.status === 200);
      expect(winner?.json.version).toBe(version + 1);
      const now = await api.call('getTask', {
        method: 'GET',
        path: `/tasks/${task.task_id}`,
        token: alice.idToken,
      });
      expect(now.json).toEqual(winner?.json);
      expect(now.headers.etag).toBe(`"${version + 1}"`);
    }
  });

  it(`applies ${N} unconditional PATCHes one after another: versions 2 to ${N + 1}, none lost`, async () => {
    const { json: task } = await create(alice, { title: 'counter' });

    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        api.call('updateTask', {
          method: 'PATCH',
          path: `/tasks/${task.task_id}`,
          token: alice.idToken,
          body: JSON.stringify({ description: `writer ${i}` }),
        }),
      ),
    );

    expectConforming(answers);
    expect(statuses(answers)).toEqual({ 200: N });
    const versions = answers.map((a) => a.json.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: N }, (_, i) => i + 2));
    const last = answers.find((a) => a.json.version === N + 1);
    const now = await api.call('getTask', {
      method: 'GET',
      path: `/tasks/${task.task_id}`,
      token: alice.idToken,
    });
    expect(now.json).toEqual(last?.json);
  });

  it(`lets exactly one of ${N} DELETEs with the same If-Match win; the rest find it gone (404)`, async () => {
    const { json: task } = await create(alice, { title: 'doomed' });

    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        api.call('deleteTask', {
          method: 'DELETE',
          path: `/tasks/${task.task_id}`,
          token: alice.idToken,
          headers: { 'If-Match': '"1"' },
        }),
      ),
    );

    expectConforming(answers);
    expect(statuses(answers)).toEqual({ 204: 1, 404: N - 1 });
  });
});

describe('parallel creates', () => {
  it('keeps 300 tasks created at once by 5 users, each listed exactly once for its owner and the admin', async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser(stack)));

    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) => {
        const user = users[i % users.length] as TestUser;
        return create(user, { title: `parallel ${i}` }).then((res) => ({ user, res }));
      }),
    );

    expectConforming(answers.map((a) => a.res));
    expect(statuses(answers.map((a) => a.res))).toEqual({ 201: 300 });
    const ids = answers.map((a) => a.res.json.task_id as string);
    expect(new Set(ids).size).toBe(300);
    for (const user of users) {
      const mine = answers.filter((a) => a.user === user).map((a) => a.res.json.task_id);
      const { tasks } = await walkPages(api, 'listTasks', user.idToken, { limit: '7' });
      const listed = tasks.map((t) => t.task_id as string);
      expect(listed).toHaveLength(60);
      expect([...listed].sort()).toEqual([...mine].sort());
      expect(listed, 'newest first').toEqual([...listed].sort().reverse());
    }
    const owners = new Set(users.map((u) => u.sub));
    const { tasks } = await walkPages(api, 'listTasksByStatus', admin.idToken, {
      status: 'pending',
      limit: '13',
    });
    const seen = tasks.filter((t) => owners.has(t.user_id as string)).map((t) => t.task_id);
    expect(seen).toHaveLength(300);
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});

describe('parallel retries of one idempotent create', () => {
  it(`make one task: all ${N} answer 201 with the same task_id`, async () => {
    const user = await createUser(stack);
    const body = { title: 'pay the invoice', description: 'exactly once' };

    const answers = await Promise.all(
      Array.from({ length: N }, () => create(user, body, { 'Idempotency-Key': 'invoice-42' })),
    );

    expectConforming(answers);
    expect(statuses(answers)).toEqual({ 201: N });
    expect(new Set(answers.map((a) => a.json.task_id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    const { tasks } = await walkPages(api, 'listTasks', user.idToken, {});
    expect(tasks).toEqual([answers[0]?.json]);
  });

  it('with two different bodies racing for one key: one body wins, the other gets 422, one task', async () => {
    const user = await createUser(stack);
    const bodies = [{ title: 'body A' }, { title: 'body B' }];

    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        create(user, bodies[i % 2] as object, { 'Idempotency-Key': 'contested' }).then((res) => ({
          i,
          res,
        })),
      ),
    );

    expectConforming(answers.map((a) => a.res));
    const won = answers.filter((a) => a.res.status === 201);
    const lost = answers.filter((a) => a.res.status === 422);
    expect(won.length + lost.length).toBe(N);
    const winningBody = (won[0]?.i ?? 0) % 2;
    expect(won.every((a) => a.i % 2 === winningBody)).toBe(true);
    expect(lost.every((a) => a.i % 2 !== winningBody)).toBe(true);
    expect(new Set(won.map((a) => a.res.json.task_id)).size).toBe(1);
    const { tasks } = await walkPages(api, 'listTasks', user.idToken, {});
    expect(tasks).toEqual([won[0]?.res.json]);
  });

  it('scoped per user: the same key from several users at once makes one task each', async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser(stack)));

    const answers = await Promise.all(
      users.flatMap((user) =>
        Array.from({ length: 5 }, () =>
          create(user, { title: 'same key' }, { 'Idempotency-Key': 'shared-key' }).then((res) => ({
            user,
            res,
          })),
        ),
      ),
    );

    expectConforming(answers.map((a) => a.res));
    for (const user of users) {
      const mine = answers.filter((a) => a.user === user);
      expect(mine.map((a) => a.res.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(mine.map((a) => a.res.json.task_id)).size).toBe(1);
      const { tasks } = await walkPages(api, 'listTasks', user.idToken, {});
      expect(tasks.map((t) => t.task_id)).toEqual([mine[0]?.res.json.task_id]);
    }
  });
});
