/**
 * The authorization matrix through the gateway with real tokens: another user's task answers
 * exactly like a missing one (404) to every operation and stays unchanged; the admin listing
 * is 403 for everyone outside the `admins` group; an admin's own-task routes are their own.
 */

import { CreateGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemType } from '../../src/contract/problems.js';
import { localDynamoClient } from '../../src/local/dynamodb.js';
import { type Api, type ApiResponse, apiClient, walkPages } from '../support/api.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

let stack: TestStack;
let api: Api;
let db: DynamoDBDocumentClient;
let alice: TestUser;
let bob: TestUser;
let admin: TestUser;
const aliceTasks: { task_id: string; version: number }[] = [];
const ALICE_KEY = 'alice-create-1';
/** A well-formed id no task has. */
const MISSING = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.apiUrl);
  db = DynamoDBDocumentClient.from(localDynamoClient(stack.dynamoEndpoint));
  // Cognito group names may hold commas and brackets (never spaces): API_CreateGroup's pattern.
  for (const GroupName of [
    'Admins',
    'admins-readonly',
    'administrators',
    'staff',
    'support,admins',
    'admins,support',
    '[admins]',
  ]) {
    await stack.cognito.send(new CreateGroupCommand({ UserPoolId: stack.userPoolId, GroupName }));
  }
  [alice, bob, admin] = await Promise.all([
    createUser(stack),
    createUser(stack),
    createUser(stack, { admin: true }),
  ]);
  for (const [i, status] of ['pending', 'in_progress', 'completed'].entries()) {
    const res = await api.call('createTask', {
      method: 'POST',
      path: '/tasks',
      token: alice.idToken,
      body: JSON.stringify({ title: `alice ${i}`, description: 'private', status }),
      headers: i === 0 ? { 'Idempotency-Key': ALICE_KEY } : {},
    });
    aliceTasks.push(res.json);
  }
});
afterAll(async () => {
  db?.destroy();
  await stack?.stop();
});

async function partition(user: TestUser) {
  const { Items = [] } = await db.send(
    new QueryCommand({
      TableName: stack.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `USER#${user.sub}` },
      ConsistentRead: true,
    }),
  );
  return Items;
}

/** A 404 body with the id and request id taken out, to compare a foreign task with a missing one. */
const shape = (res: ApiResponse, id: string) => ({
  status: res.status,
  contentType: res.headers['content-type'],
  body: { ...res.json, instance: undefined, detail: String(res.json?.detail).replace(id, '<id>') },
});

/** Every call that names a task, as [operationId, method, body, headers]. */
const CALLS = [
  ['getTask', 'GET', undefined, {}],
  ['updateTask', 'PATCH', '{"title":"pwned"}', {}],
  ['updateTask', 'PATCH', '{"status":"completed","description":"x"}', { 'If-Match': '"1"' }],
  ['updateTask', 'PATCH', '{"title":"pwned"}', { 'If-Match': '*' }],
  ['updateTask', 'PATCH', '{"title":"pwned"}', { 'If-Match': '"7"' }],
  ['deleteTask', 'DELETE', undefined, {}],
  ['deleteTask', 'DELETE', undefined, { 'If-Match': '"1"' }],
  ['deleteTask', 'DELETE', undefined, { 'If-Match': '*' }],
  ['deleteTask', 'DELETE', undefined, { 'If-Match': '"7"' }],
] as const;

describe("another user's task", () => {
  it.each([
    { name: 'another user', attacker: () => bob },
    { name: 'an admin on the user routes', attacker: () => admin },
  ])(
    'is a 404 like a missing task for $name on every operation, and nothing changes',
    async ({ attacker }) => {
      const before = await partition(alice);
      const who = attacker();

      for (const [operationId, method, body, headers] of CALLS) {
        for (const victim of aliceTasks) {
          const foreign = await api.call(operationId, {
            method,
            path: `/tasks/${victim.task_id}`,
            token: who.idToken,
            body,
            headers,
          });
          const missing = await api.call(operationId, {
            method,
            path: `/tasks/${MISSING}`,
            token: who.idToken,
            body,
            headers,
          });
          const what = `${operationId} ${JSON.stringify(headers)}`;
          expect(foreign.violations, what).toEqual([]);
          expect(foreign.status, what).toBe(404);
          expect(shape(foreign, victim.task_id), what).toEqual(shape(missing, MISSING));
        }
      }

      expect(await partition(alice)).toEqual(before);
    },
  );

  it("never appears in the other user's listing, with any filter or a cursor beside it", async () => {
    const queries: Record<string, string>[] = [
      {},
      { status: 'pending' },
      { status: 'completed', limit: '1' },
    ];
    const bobsOwn = await api.call('createTask', {
      method: 'POST',
      path: '/tasks',
      token: bob.idToken,
      body: '{"title":"bob"}',
    });

    for (const query of queries) {
      const { tasks } = await walkPages(api, 'listTasks', bob.idToken, query);
      const ids = tasks.map((t) => t.task_id);
      for (const victim of aliceTasks) expect(ids).not.toContain(victim.task_id);
      if (!('status' in query) || query.status === 'pending') {
        expect(ids).toContain(bobsOwn.json.task_id);
      }
    }
  });

  it("refuses a hand-made cursor, even one positioned inside the caller's own partition, with a 400", async () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, t: 'ZZZZZZZZZZZZZZZZZZZZZZZZZZ' })).toString(
      'base64url',
    );
    const res = await api.call('listTasks', {
      method: 'GET',
      path: `/tasks?cursor=${forged}`,
      token: bob.idToken,
    });
    expect(res.status).toBe(400);
  });

  it("is not replayed to another user who sends the owner's Idempotency-Key and body", async () => {
    const res = await api.call('createTask', {
      method: 'POST',
      path: '/tasks',
      token: bob.idToken,
      body: JSON.stringify({ title: 'alice 0', description: 'private', status: 'pending' }),
      headers: { 'Idempotency-Key': ALICE_KEY },
    });

    expect(res.status).toBe(201);
    expect(res.json.task_id).not.toBe(aliceTasks[0]?.task_id);
    const get = await api.call('getTask', {
      method: 'GET',
      path: `/tasks/${res.json.task_id}`,
      token: alice.idToken,
    });
    expect(get.status).toBe(404);
  });
});

describe('the admin listing', () => {
  it.each([
    { name: 'a user in no group', groups: [] },
    { name: 'a user in "Admins" (groups are case-sensitive)', groups: ['Admins'] },
    { name: 'a user in "admins-readonly"', groups: ['admins-readonly'] },
    { name: 'a user in "administrators"', groups: ['administrators'] },
    { name: 'a user in "support,admins" (one group, not two)', groups: ['support,admins'] },
    { name: 'a user in "admins,support"', groups: ['admins,support'] },
    { name: 'a user in "[admins]"', groups: ['[admins]'] },
    { name: 'a user in "support,admins" and "staff"', groups: ['support,admins', 'staff'] },
  ])('is a 403 problem for $name, whatever the query with a status', async ({ groups }) => {
    const outsider = await createUser(stack, { groups });

    for (const query of ['status=pending', 'status=completed&limit=100', 'status=nope']) {
      const res = await api.call('listTasksByStatus', {
        method: 'GET',
        path: `/admin/tasks?${query}`,
        token: outsider.idToken,
      });
      expect(res.violations, query).toEqual([]);
      expect(res.status, query).toBe(403);
      expect(res.json.type).toBe(problemType('forbidden'));
      expect(res.text).not.toContain('alice');
    }
  });

  it('is a 400 from the request validator for a non-admin without status, as on AWS', async () => {
    const outsider = await createUser(stack);

    const res = await api.call('listTasksByStatus', {
      method: 'GET',
      path: '/admin/tasks',
      token: outsider.idToken,
    });

    expect(res.violations).toEqual([]);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      type: problemType('validation-error'),
      detail: 'Missing required request parameters: [status]',
    });
  });

  it.each([
    { name: 'the admins group', groups: [] },
    { name: 'the admins group among others', groups: ['staff', 'Admins'] },
    { name: 'the admins group and "support,admins"', groups: ['support,admins'] },
  ])("is served to a member of $name, with every user's tasks and owners", async ({ groups }) => {
    const member = await createUser(stack, { admin: true, groups });

    const { tasks } = await walkPages(api, 'listTasksByStatus', member.idToken, {
      status: 'pending',
      limit: '100',
    });

    expect(tasks).toContainEqual(
      expect.objectContaining({ task_id: aliceTasks[0]?.task_id, user_id: alice.sub }),
    );
  });
});

describe("an admin's own-task routes", () => {
  it("list, read and change only the admin's own tasks", async () => {
    const own = [];
    for (const title of ['admin one', 'admin two']) {
      const res = await api.call('createTask', {
        method: 'POST',
        path: '/tasks',
        token: admin.idToken,
        body: JSON.stringify({ title }),
      });
      own.unshift(res.json);
    }

    const all = await walkPages(api, 'listTasks', admin.idToken, {});
    const pending = await walkPages(api, 'listTasks', admin.idToken, { status: 'pending' });
    const done = await walkPages(api, 'listTasks', admin.idToken, { status: 'completed' });

    expect(all.tasks).toEqual(own);
    expect(pending.tasks).toEqual(own);
    expect(done.tasks).toEqual([]);
    for (const task of own) {
      const res = await api.call('getTask', {
        method: 'GET',
        path: `/tasks/${task.task_id}`,
        token: admin.idToken,
      });
      expect(res.json).toEqual(task);
    }
  });
});
