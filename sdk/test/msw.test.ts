/**
 * @task-api/sdk/msw answers only what openapi.yaml allows: every response below is checked
 * against the spec, and its request rules agree with the API's own validators.
 */

import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrors } from '../../src/contract/field-errors.js';
import { isProblem } from '../../src/contract/problem.js';
import * as bodyRules from '../../src/contract/validate-body.generated.js';
import * as paramRules from '../../src/contract/validate-params.generated.js';
import { parseParams } from '../../src/http/request.js';
import { contractViolations } from '../../test/support/contract.js';
import { validateBody, validateParams } from '../src/msw/validate.js';
import { BASE_URL, makeClient, useMockApi } from './fixtures.js';

useMockApi();

const OPERATIONS: Array<[string, RegExp, string]> = [
  ['POST', /^\/tasks$/, 'createTask'],
  ['GET', /^\/tasks$/, 'listTasks'],
  ['GET', /^\/tasks\/[^/]+$/, 'getTask'],
  ['PATCH', /^\/tasks\/[^/]+$/, 'updateTask'],
  ['DELETE', /^\/tasks\/[^/]+$/, 'deleteTask'],
  ['GET', /^\/admin\/tasks$/, 'listTasksByStatus'],
];

const seen = new Set<string>();
const violations: string[] = [];

/** fetch that checks every response against the contract on the way back. */
async function checkedFetch(request: Request): Promise<Response> {
  const { method } = request;
  const response = await globalThis.fetch(request);
  const path = new URL(request.url).pathname;
  const operationId = OPERATIONS.find(([m, p]) => m === method && p.test(path))?.[2];
  if (!operationId) {
    violations.push(`${method} ${path} is no operation`);
    return response;
  }
  const body = await response.clone().text();
  const headers = Object.fromEntries(response.headers.entries());
  seen.add(`${operationId} ${response.status}`);
  for (const v of contractViolations(operationId, { status: response.status, headers, body })) {
    violations.push(`${method} ${path} -> ${response.status}: ${v}`);
  }
  return response;
}

afterEach(() => {
  expect(violations.splice(0)).toEqual([]);
});

const client = (token = 'token-alice') =>
  makeClient(token, { fetch: checkedFetch, retry: { retries: 0 } });

function call(
  method: string,
  path: string,
  init: {
    token?: string | null;
    headers?: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
  } = {},
) {
  const headers = new Headers(init.headers);
  if (init.token !== null) headers.set('Authorization', init.token ?? 'token-alice');
  return checkedFetch(
    new Request(`${BASE_URL}${path}`, { method, headers, body: init.body ?? null }),
  );
}

async function newTask(token = 'token-alice', title = 'a') {
  const { data } = await client(token).createTask({ title });
  if (!data) throw new Error('create failed');
  return data;
}

describe('msw handlers follow the contract', () => {
  it('refuses a request without Authorization with 401', async () => {
    const res = await call('GET', '/tasks', { token: null });
    expect(res.status).toBe(401);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses the unknown token %s with 401 (no user is inherited)',
    async (token) => {
      const res = await call('GET', '/tasks', { token });
      expect(res.status).toBe(401);
    },
  );

  it('refuses a body that is not UTF-8 with 400 naming /body, as the API does', async () => {
    const body = new Uint8Array([...Buffer.from('{"title":"a'), 0xff, ...Buffer.from('"}')]);
    const res = await call('POST', '/tasks', {
      headers: { 'Content-Type': 'application/json' },
      body,
    });

    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path: '/body', message: 'is not valid UTF-8' }]);
  });

  it('accepts the token as `Bearer <token>` too', async () => {
    const res = await call('GET', '/tasks', { token: 'Bearer token-alice' });
    expect(res.status).toBe(200);
  });

  it.each<{ name: string; headers: Record<string, string>; body: string; want: number }>([
    {
      name: 'a non-JSON content type with 415',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"title":"a"}',
      want: 415,
    },
    {
      name: 'a body over 32 KiB with 413',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'a', description: 'x'.repeat(33_000) }),
      want: 413,
    },
    {
      name: 'malformed JSON with 400',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":',
      want: 400,
    },
    {
      name: 'a client-set task_id with 400 (mass assignment)',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"a","task_id":"x"}',
      want: 400,
    },
    {
      name: 'a blank title with 400',
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":" "}',
      want: 400,
    },
    {
      name: 'a malformed Idempotency-Key with 400',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'a b' },
      body: '{"title":"a"}',
      want: 400,
    },
  ])('refuses $name', async ({ headers, body, want }) => {
    const res = await call('POST', '/tasks', { headers, body });
    expect(res.status).toBe(want);
  });

  it('treats a quoted and an unquoted Idempotency-Key as the same key', async () => {
    const headers = { 'Content-Type': 'application/json' };
    const first = await call('POST', '/tasks', {
      headers: { ...headers, 'Idempotency-Key': 'k1' },
      body: '{"title":"a"}',
    });
    const again = await call('POST', '/tasks', {
      headers: { ...headers, 'Idempotency-Key': '"k1"' },
      body: '{ "title": "a" }',
    });
    expect(await again.json()).toEqual(await first.json());
  });

  it('keeps idempotency keys per user', async () => {
    const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': 'shared' };
    await call('POST', '/tasks', { token: 'token-alice', headers, body: '{"title":"a"}' });
    const bob = await call('POST', '/tasks', {
      token: 'token-bob',
      headers,
      body: '{"title":"b"}',
    });
    expect(bob.status).toBe(201);
  });

  it.each([
    { name: 'a forged cursor', cursor: 'bm90LWEtY3Vyc29y' },
    { name: 'a cursor outside the pattern', cursor: 'a+b' },
    { name: 'an unknown query parameter', cursor: undefined, extra: 'sort=asc' },
    { name: 'a repeated query parameter', cursor: undefined, extra: 'limit=1&limit=2' },
  ])('refuses $name with 400', async ({ cursor, extra }) => {
    const q = [cursor && `cursor=${encodeURIComponent(cursor)}`, extra].filter(Boolean).join('&');
    const res = await call('GET', `/tasks?${q}`);
    expect(res.status).toBe(400);
  });

  it('refuses another user’s cursor with 400, never their data', async () => {
    await newTask('token-alice', 'a1');
    await newTask('token-alice', 'a2');
    const { data } = await client('token-alice').listTasks({ limit: 1 });

    const { error } = await client('token-bob').listTasks({
      limit: 1,
      cursor: data?.next_cursor ?? '',
    });

    expect(error).toMatchObject({ status: 400, errors: [{ path: '/query/cursor' }] });
  });

  it('refuses a cursor of the same user’s other listing', async () => {
    await newTask('token-alice', 'a1');
    await newTask('token-alice', 'a2');
    const { data } = await client('token-alice').listTasks({ limit: 1 });

    const { error } = await client('token-alice').listTasks({
      status: 'completed',
      cursor: data?.next_cursor ?? '',
    });

    expect(error?.status).toBe(400);
  });

  it('refuses the admin listing without status with 400, and non-admins with 403', async () => {
    expect((await call('GET', '/admin/tasks', { token: 'token-admin' })).status).toBe(400);
    expect((await call('GET', '/admin/tasks?status=pending', { token: 'token-bob' })).status).toBe(
      403,
    );
  });

  it.each([
    { name: '`*`', ifMatch: '*', want: 200 },
    { name: 'a list holding the current tag', ifMatch: '"7", "1"', want: 200 },
    {
      name: 'the weak form of the current tag (weak tags never match)',
      ifMatch: 'W/"1"',
      want: 412,
    },
    { name: 'an unquoted tag (not an entity tag)', ifMatch: '1', want: 400 },
  ])('answers If-Match $name with $want', async ({ ifMatch, want }) => {
    const task = await newTask();
    const res = await call('PATCH', `/tasks/${task.task_id}`, {
      headers: { 'Content-Type': 'application/json', 'If-Match': ifMatch },
      body: '{"status":"completed"}',
    });
    expect(res.status).toBe(want);
  });

  it('answers a malformed task id with 400 and an unknown one with 404', async () => {
    expect((await call('GET', '/tasks/not-a-ulid')).status).toBe(400);
    expect((await call('DELETE', '/tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y')).status).toBe(404);
  });

  it('covers every operation through the SDK', async () => {
    const alice = client('token-alice');
    const task = await newTask();
    await alice.listTasks({ status: 'pending', limit: 1 });
    await alice.getTask(task.task_id);
    await alice.updateTask(task.task_id, { description: 'd' }, { ifMatch: '"1"' });
    await alice.updateTaskIfUnchanged(task.task_id, '"1"', { title: 'stale' });
    await client('token-admin').listTasksByStatus({ status: 'pending' });
    await alice.deleteTask(task.task_id);
    await alice.createTask({ title: 'x'.repeat(201) });
    await alice.createTask({ title: 'a' }, { idempotencyKey: 'k' });
    await alice.createTask({ title: 'b' }, { idempotencyKey: 'k' });
    await call('POST', '/tasks', {
      token: null,
      headers: { 'Content-Type': 'application/json' },
      body: '{"title":"a"}',
    });
  });

  it('answered every operation’s success and its main errors (the checks above are not vacuous)', () => {
    const want = [
      'createTask 201',
      'createTask 400',
      'createTask 401',
      'createTask 413',
      'createTask 415',
      'createTask 422',
      'listTasks 200',
      'listTasks 400',
      'listTasks 401',
      'getTask 200',
      'getTask 400',
      'updateTask 200',
      'updateTask 400',
      'updateTask 412',
      'deleteTask 204',
      'deleteTask 404',
      'listTasksByStatus 200',
      'listTasksByStatus 400',
      'listTasksByStatus 403',
    ];
    expect([...seen].sort()).toEqual(expect.arrayContaining(want));
  });

  it('the contract check itself refuses what the spec does not allow', () => {
    const headers = { 'content-type': 'application/json' };
    expect(
      contractViolations('getTask', { status: 200, headers, body: '{"task_id":"x"}' }),
    ).not.toEqual([]);
    expect(contractViolations('getTask', { status: 409, headers, body: '{}' })).not.toEqual([]);
  });
});

describe('the mock validates requests as the API does', () => {
  // The same generated validators on both sides: these check the wiring around them, the
  // `{ path, query, headers }` each builds from a request and the errors[] each answers.
  interface Input {
    path?: Record<string, string>;
    query?: Record<string, string | string[]>;
    headers?: Record<string, string>;
  }
  const entries = (query: Input['query'] = {}) =>
    Object.entries(query).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
    );

  // One set of validators (src/contract/); what differs is how each side builds its input.
  const API = { params: { ...paramRules }, body: { ...bodyRules } };
  const MOCK = API;
  type Operation = keyof typeof API.params;

  /** The API: an API Gateway event (header values trimmed, as HTTP does) through request.ts. */
  function api(operationId: Operation, input: Input) {
    const query = entries(input.query);
    const multi: Record<string, string[]> = Object.create(null);
    for (const [k, v] of query) multi[k] = [...(multi[k] ?? []), v];
    const event = {
      pathParameters: input.path ?? null,
      headers: Object.fromEntries(
        Object.entries(input.headers ?? {}).map(([k, v]) => [k, v.trim()]),
      ),
      queryStringParameters: query.length ? Object.fromEntries(query) : null,
      multiValueQueryStringParameters: query.length ? multi : null,
    } as unknown as APIGatewayProxyEvent;
    try {
      return { params: parseParams(event, API.params[operationId]), errors: [] };
    } catch (error) {
      if (!isProblem(error, 'validation-error')) throw error;
      return { params: undefined, errors: error.errors };
    }
  }

  /** The mock: a fetch Request through sdk/src/msw/validate.ts. */
  function mock(operationId: Operation, input: Input) {
    const url = `${BASE_URL}/any?${new URLSearchParams(entries(input.query))}`;
    // Pairs, not a record: undici copies a record into a plain object, losing `__proto__`.
    const request = new Request(url, { headers: Object.entries(input.headers ?? {}) });
    const { params, errors } = validateParams(MOCK.params[operationId], request, input.path);
    return { params: errors.length ? undefined : params, errors };
  }

  const expectSameParams = (operationId: Operation, input: Input) =>
    expect(mock(operationId, input)).toEqual(api(operationId, input));

  function expectSameBody(operationId: keyof typeof API.body, body: unknown) {
    const validate = API.body[operationId];
    const want = validate(structuredClone(body)) ? [] : fieldErrors(validate, '/body');
    expect(validateBody(MOCK.body[operationId], body)).toEqual(want);
  }

  it.each([
    { title: 'a' },
    { title: 'a', description: '', status: 'completed' },
    { title: '😀'.repeat(200) },
    { title: '😀'.repeat(201) },
    {},
    { title: '' },
    { title: ' ' }, // blank: the spec's pattern '\S'
    { title: ' \t\n ' },
    { title: ' a ' },
    { title: '\u200B\u2060' }, // nothing visible: zero-width characters only
    { title: '\u202E\u200Ex' },
    { title: 5 },
    { title: 'a', description: 'x'.repeat(4001) },
    { title: 'a', status: 'done' },
    { title: 'a', user_id: 'u' },
    { title: 'a', version: 2 },
    [],
    null,
    'title',
  ])('createTask body %j', (body) => {
    expectSameBody('createTask', body);
  });

  it('refuses a blank title (the check the hand-written rules missed)', () => {
    expect(validateBody(MOCK.body.createTask, { title: '  ' })).toEqual([
      {
        path: '/body/title',
        message:
          'must match pattern "[^\\s\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]"',
      },
    ]);
  });

  it.each([
    { status: 'in_progress' },
    { title: 'b', description: 'c' },
    {},
    { title: '' },
    { title: '   ' },
    { version: 3 },
    { created_at: 'x' },
  ])('updateTask body %j', (body) => {
    expectSameBody('updateTask', body);
  });

  it.each<Record<string, string | string[]>>([
    {},
    { limit: '1' },
    { limit: '100' },
    { limit: '0' },
    { limit: '101' },
    { limit: '1.5' },
    { limit: 'ten' },
    { status: 'pending' },
    { status: 'done' },
    { cursor: 'abc_-' },
    { cursor: 'a+b' },
    { cursor: 'x'.repeat(2049) }, // one over maxLength
    { sort: 'asc' },
    { limit: ['1', '2'] }, // repeated
    { status: ['pending', 'pending'], limit: '5' },
  ])('listTasks and listTasksByStatus query %#', (query) => {
    expectSameParams('listTasks', { query });
    expectSameParams('listTasksByStatus', { query: { status: 'pending', ...query } });
  });

  it('listTasksByStatus without status', () => {
    expect(mock('listTasksByStatus', {}).errors).toEqual([
      { path: '/query/status', message: 'is required' },
    ]);
    expectSameParams('listTasksByStatus', {});
  });

  it.each([
    '01JD7Z8Q3X5M2N4P6R8T0V2W4Y',
    '01jd7z8q3x5m2n4p6r8t0v2w4y',
    '01JD7Z8Q3X5M2N4P6R8T0V2W4',
    'ILOU0000000000000000000000',
  ])('taskId %s', (taskId) => {
    for (const operationId of ['getTask', 'updateTask', 'deleteTask'] as const) {
      expectSameParams(operationId, { path: { taskId } });
    }
  });

  it.each([
    { name: 'a strong tag', ifMatch: '"1"' },
    { name: 'a weak tag', ifMatch: 'W/"1"' },
    { name: '*', ifMatch: '*' },
    { name: 'a spaced list', ifMatch: ' "1" , "2" ' },
    { name: 'an unquoted tag', ifMatch: '1' },
    { name: 'an empty tag', ifMatch: '""' },
    { name: 'a tag with a space', ifMatch: '"a b"' },
    { name: 'over 1024 characters', ifMatch: `"${'1'.repeat(1030)}"` },
  ])('If-Match: $name', ({ ifMatch }) => {
    const path = { taskId: '01JD7Z8Q3X5M2N4P6R8T0V2W4Y' };
    for (const operationId of ['updateTask', 'deleteTask'] as const) {
      expectSameParams(operationId, { path, headers: { 'If-Match': ifMatch } });
    }
  });

  it.each([
    { name: 'a bare key', key: 'k' },
    { name: 'a quoted key', key: '"k"' },
    { name: 'a key with a space', key: 'a b' },
    { name: 'a lone quote', key: '"' },
    { name: 'an empty quoted key', key: '""' },
    { name: '255 characters', key: 'x'.repeat(255) },
    { name: '256 characters', key: 'x'.repeat(256) },
    { name: 'a UUID', key: crypto.randomUUID() },
  ])('Idempotency-Key: $name', ({ key }) => {
    expectSameParams('createTask', { headers: { 'Idempotency-Key': key } });
  });

  it.each(['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'])(
    'refuses the query parameter %s as any unknown one, and keeps such a header',
    (name) => {
      expectSameParams('listTasks', { query: { [name]: 'x' } });
      expect(mock('listTasks', { query: { [name]: 'x' } }).errors).toEqual([
        { path: `/query/${name}`, message: 'is not allowed' },
      ]);
      expectSameParams('listTasks', { headers: { [name]: 'x' } });
      expect(
        mock('listTasks', { headers: { [name]: 'x' } }).params?.headers[name.toLowerCase()],
      ).toBe('x');
    },
  );

  it('refuses a query parameter on an operation that declares none', () => {
    expectSameParams('createTask', { query: { limit: '1' } });
    expect(mock('createTask', { query: { limit: '1' } }).errors).toEqual([
      { path: '/query/limit', message: 'is not allowed' },
    ]);
  });
});
