/**
 * DynamoDB faults, end to end: the whole local stack talks to dynalite through a proxy this
 * test controls (the stack's DYNAMODB_ENDPOINT, so the proxy is in place from the start). Stopped, hanging or throttling, the store's faults reach clients
 * as 503/429 problems with Retry-After, never as 500s, within the handlers' DynamoDB timeouts;
 * once it recovers, the SDK's retries with idempotency keys leave exactly one task per create.
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTaskApiClient } from '../../sdk/src/index.js';
import { problemSlugOf } from '../../src/contract/problems.js';
import { type LocalStack, startLocalStack } from '../../src/local/stack.js';
import { type Api, type ApiResponse, apiClient, walkPages } from '../support/api.js';
import { startTestDynamo, type TestDynamo } from '../support/dynamo.js';
import { type DynamoProxy, startDynamoProxy } from '../support/dynamoProxy.js';
import { cognitoClient, createUser, type TestUser } from '../support/stack.js';

/** The handlers' DynamoDB client: two attempts, short timeouts, so each fault answers fast. */
const CLIENT_ENV = {
  DYNAMODB_MAX_ATTEMPTS: '2',
  DYNAMODB_REQUEST_TIMEOUT_MS: '300',
  DYNAMODB_CONNECT_TIMEOUT_MS: '200',
};
/** Two attempts of 300 ms plus the AWS SDK's backoff and our own work, with room for a slow CI. */
const FAULT_LATENCY_MS = 2_500;

let dynamo: TestDynamo;
let proxy: DynamoProxy;
let stack: LocalStack;
let cognito: ReturnType<typeof cognitoClient>;
let api: Api;
let user: TestUser;
let admin: TestUser;
const logLines: string[] = [];

beforeAll(async () => {
  // The request lines go to the process's stdout, not through console.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(
        ...String(chunk)
          .split('\n')
          .filter((l) => l.startsWith('{')),
      );
      return true;
    });
  }
  dynamo = await startTestDynamo();
  proxy = await startDynamoProxy(dynamo.endpoint);
  stack = await startLocalStack({
    // The functions' DynamoDB client settings, and no LOG_LEVEL: the default level.
    env: { DYNAMODB_ENDPOINT: proxy.url, ...CLIENT_ENV },
    buildDocs: false,
    log: () => {},
    onCode: () => {},
  });
  cognito = cognitoClient(stack);
  const target = { cognito, userPoolId: stack.userPoolId, clientId: stack.clientId };
  [user, admin] = await Promise.all([createUser(target), createUser(target, { admin: true })]);
  api = apiClient(stack.apiUrl);
});
afterAll(async () => {
  vi.restoreAllMocks();
  cognito?.destroy();
  await stack?.stop();
  await proxy?.close();
  await dynamo?.close();
});
beforeEach(async () => {
  proxy.rule = () => 'pass';
  proxy.calls.length = 0;
  logLines.length = 0;
});

const sdk = (who: TestUser) =>
  createTaskApiClient({
    baseUrl: stack.apiUrl,
    getToken: () => who.idToken,
    retry: { retries: 8, baseDelayMs: 100, maxDelayMs: 2_000 },
  });

async function newTask(title: string) {
  const res = await api.call('createTask', {
    method: 'POST',
    path: '/tasks',
    token: user.idToken,
    body: JSON.stringify({ title }),
  });
  expect(res.status).toBe(201);
  return res.json as { task_id: string };
}

/** One call of every operation, timed. */
async function everyOperation(taskId: string) {
  const calls = [
    ['createTask', 'POST', '/tasks', user, '{"title":"during the fault"}'],
    ['listTasks', 'GET', '/tasks', user, undefined],
    ['getTask', 'GET', `/tasks/${taskId}`, user, undefined],
    ['updateTask', 'PATCH', `/tasks/${taskId}`, user, '{"status":"completed"}'],
    ['deleteTask', 'DELETE', `/tasks/${taskId}`, user, undefined],
    ['listTasksByStatus', 'GET', '/admin/tasks?status=pending', admin, undefined],
  ] as const;
  const out: { operationId: string; res: ApiResponse; ms: number }[] = [];
  for (const [operationId, method, path, who, body] of calls) {
    const started = performance.now();
    const res = await api.call(operationId, { method, path, token: who.idToken, body });
    out.push({ operationId, res, ms: performance.now() - started });
  }
  return out;
}

function expectRetryableProblem(res: ApiResponse, status: 429 | 503, what: string) {
  expect(res.violations, what).toEqual([]);
  expect(res.status, `${what}: ${res.text}`).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json');
  expect(res.headers['retry-after']).toBe('1');
  expect(problemSlugOf(res.json.type)).toBe(status === 429 ? 'throttled' : 'unavailable');
  // Nothing of the store's own error reaches the client.
  expect(res.text).not.toMatch(/ECONN|127\.0\.0\.1|Exception|InternalServerError|amazonaws|stack/i);
}

async function titles(who: TestUser) {
  const { tasks } = await walkPages(api, 'listTasks', who.idToken, { limit: '100' });
  return tasks.map((t) => t.title as string);
}

// First: the AWS SDK's retry quota (a token bucket per client) is still full here, so each
// call makes exactly DYNAMODB_MAX_ATTEMPTS attempts; the outages below drain it.
describe('DynamoDB throttling', () => {
  it("answers 429 problem+json with Retry-After after the AWS SDK's own bounded retries, then recovers", async () => {
    const { task_id } = await newTask('before throttling');
    proxy.rule = () => 'throttle';

    const during = await everyOperation(task_id);

    for (const { operationId, res, ms } of during) {
      expectRetryableProblem(res, 429, operationId);
      expect(ms, operationId).toBeLessThan(FAULT_LATENCY_MS);
    }
    // getTask is one GetItem: tried exactly DYNAMODB_MAX_ATTEMPTS times, then given up. (The
    // admin listing's other shard queries and its read of the shard count may still be retrying
    // in the background.)
    proxy.calls.length = 0;
    await api.call('getTask', { method: 'GET', path: `/tasks/${task_id}`, token: user.idToken });
    const gets = proxy.calls.filter(
      (c) => c.target === 'GetItem' && c.input?.Key?.SK?.S === `TASK#${task_id}`,
    );
    expect(gets.map((c) => `${c.target} ${c.fault}`)).toEqual([
      'GetItem throttle',
      'GetItem throttle',
    ]);

    proxy.rule = () => 'pass';
    const after = await everyOperation(task_id);
    expect(after.map(({ res }) => res.status)).toEqual([201, 200, 200, 200, 204, 200]);
  });

  it('lets SDK calls retry through a throttling spell and succeed when it ends; a keyed create makes one task', async () => {
    const who = await createUser({
      cognito,
      userPoolId: stack.userPoolId,
      clientId: stack.clientId,
    });
    const client = sdk(who);
    const { data: existing } = await client.createTask({ title: 'existing' });
    proxy.rule = () => 'throttle';

    const calls = Promise.all([
      client.createTask({ title: 'throttled create' }),
      client.getTask(existing?.task_id as string),
      client.listTasks(),
    ]);
    await new Promise((done) => setTimeout(done, 1_200));
    const throttled = proxy.calls.filter((c) => c.fault === 'throttle').length;
    proxy.rule = () => 'pass';
    const [created, got, listed] = await calls;

    expect(throttled).toBeGreaterThan(0);
    expect(created.error).toBeUndefined();
    expect(got.data).toEqual(existing);
    expect(listed.error).toBeUndefined();
    expect((await titles(who)).sort()).toEqual(['existing', 'throttled create']);
  });
});

// Before the outages below: they drain the AWS SDK's retry quota, and a lost answer needs its retry.
describe('DynamoDB answers lost', () => {
  it.each([
    { name: 'without an Idempotency-Key', headers: {} as Record<string, string> },
    { name: 'with an Idempotency-Key', headers: { 'Idempotency-Key': 'lost-answer' } },
  ])(
    'creates exactly once when DynamoDB applied the write but its answer was lost, $name',
    async ({ headers }) => {
      const who = await createUser({
        cognito,
        userPoolId: stack.userPoolId,
        clientId: stack.clientId,
      });
      let lost = 0;
      proxy.rule = ({ target }) => {
        if (lost > 0 || target !== 'TransactWriteItems') return 'pass';
        lost += 1;
        return 'lose-answer';
      };

      const res = await api.call('createTask', {
        method: 'POST',
        path: '/tasks',
        token: who.idToken,
        body: '{"title":"answer lost"}',
        headers,
      });

      expect(lost).toBe(1);
      expect(res.violations).toEqual([]);
      expect(res.status, res.text).toBe(201);
      const { tasks } = await walkPages(api, 'listTasks', who.idToken, {});
      expect(tasks).toEqual([res.json]);
    },
  );
});

describe('DynamoDB stopped mid-run', () => {
  it('answers 503 problem+json with Retry-After on every operation within the timeout, then recovers', async () => {
    const { task_id } = await newTask('before the outage');
    await proxy.stop();

    const during = await everyOperation(task_id);

    for (const { operationId, res, ms } of during) {
      expectRetryableProblem(res, 503, operationId);
      expect(ms, operationId).toBeLessThan(FAULT_LATENCY_MS);
    }
    // One error line per failed request, naming the fault, no request body.
    const errors = logLines
      .map((l) => JSON.parse(l))
      .filter((l) => l.message === 'request' && l.status === 503);
    expect(errors.map((l) => l.operation)).toEqual(during.map((d) => d.operationId));
    for (const line of errors) {
      expect(line).toMatchObject({ level: 'ERROR', error: { message: expect.any(String) } });
    }
    expect(logLines.join('\n')).not.toContain('during the fault');

    await proxy.start();
    const after = await everyOperation(task_id);
    expect(after.map(({ res }) => res.status)).toEqual([201, 200, 200, 200, 204, 200]);
    expect(after.flatMap(({ res }) => res.violations)).toEqual([]);
  });

  it('answers 503 within the request timeout when DynamoDB accepts connections but never answers', async () => {
    const { task_id } = await newTask('before the hang');
    proxy.rule = () => 'hang';

    const during = await everyOperation(task_id);

    for (const { operationId, res, ms } of during) {
      expectRetryableProblem(res, 503, operationId);
      expect(ms, operationId).toBeLessThan(FAULT_LATENCY_MS);
    }
    proxy.rule = () => 'pass';
    expect(
      (await api.call('getTask', { method: 'GET', path: `/tasks/${task_id}`, token: user.idToken }))
        .status,
    ).toBe(200);
  }, 15_000);

  it('loses and doubles nothing: SDK creates retried with their keys through an outage make one task each', async () => {
    const who = await createUser({
      cognito,
      userPoolId: stack.userPoolId,
      clientId: stack.clientId,
    });
    const client = sdk(who);
    await proxy.stop();

    const creates = Array.from({ length: 10 }, (_, i) =>
      client.createTask({ title: `outage ${i}` }),
    );
    await new Promise((done) => setTimeout(done, 1_500));
    await proxy.start();
    const results = await Promise.all(creates);

    expect(results.map((r) => r.error)).toEqual(new Array(10).fill(undefined));
    const retried = proxy.calls.length;
    expect(retried).toBeGreaterThan(0);
    const listed = await titles(who);
    expect(listed.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `outage ${i}`).sort());
  });

  it('makes one task of a create whose transaction failed for the whole first request: the SDK retry', async () => {
    const who = await createUser({
      cognito,
      userPoolId: stack.userPoolId,
      clientId: stack.clientId,
    });
    let failed = 0;
    // Record, task and count are one transaction: it fails for the whole first request.
    proxy.rule = ({ target }) => {
      if (target !== 'TransactWriteItems') return 'pass';
      if (failed >= Number(CLIENT_ENV.DYNAMODB_MAX_ATTEMPTS)) return 'pass';
      failed += 1;
      return 'unavailable';
    };

    const { data, error } = await sdk(who).createTask({ title: 'half written' });

    expect(error).toBeUndefined();
    expect(failed).toBe(2);
    const { tasks } = await walkPages(api, 'listTasks', who.idToken, {});
    expect(tasks).toEqual([data]);
  });
});
