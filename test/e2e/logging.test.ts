/**
 * Request logs with the default log level: each request a handler serves writes exactly one
 * JSON line (request id, operation, status, latency, cold start, the caller's sub) that is also
 * its EMF metrics record, and nothing written by the handlers, the gateway or Cognito ever holds
 * a token, a password, an Idempotency-Key or a task's content.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Api, type ApiResponse, apiClient } from '../support/api.js';
import { createUser, startTestStack, type TestStack, type TestUser } from '../support/stack.js';

let stack: TestStack;
let api: Api;
let alice: TestUser;
let admin: TestUser;
/** Everything the process printed while the test ran. */
const printed: string[] = [];
const SECRET = randomUUID();
const secret = (what: string) => `${what}-${SECRET}`;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => {
    printed.push(args.map(String).join(' '));
  });
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  // No LOG_LEVEL: the functions' default level.
  stack = await startTestStack({ env: {} });
  api = apiClient(stack.apiUrl);
  [alice, admin] = await Promise.all([createUser(stack), createUser(stack, { admin: true })]);
  sent = await traffic();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await stack?.stop();
});

interface Sent {
  operationId: string;
  res: ApiResponse;
  user?: TestUser;
}
let sent: Sent[];

/** A request of every operation and outcome, carrying secrets in its body and headers. */
async function traffic(): Promise<Sent[]> {
  const sent: Sent[] = [];
  const call = async (
    operationId: string,
    user: TestUser | undefined,
    method: string,
    path: string,
    extra: { body?: string; contentType?: string; headers?: Record<string, string> } = {},
    token = user?.idToken,
  ) => {
    const res = await api.call(operationId, { method, path, token, ...extra });
    sent.push({ operationId, res, user });
    return res;
  };
  const body = JSON.stringify({ title: secret('title'), description: secret('description') });
  const key = { 'Idempotency-Key': secret('key') };
  const created = await call('createTask', alice, 'POST', '/tasks', { body, headers: key });
  const id = created.json.task_id;
  await call('createTask', alice, 'POST', '/tasks', { body, headers: key });
  await call('createTask', alice, 'POST', '/tasks', {
    body: JSON.stringify({ title: 'x', description: secret('other') }),
    headers: key,
  });
  await call('createTask', alice, 'POST', '/tasks', {
    body: JSON.stringify({ title: secret('too-long').repeat(20) }),
  });
  await call('createTask', alice, 'POST', '/tasks', {
    body: secret('plain'),
    contentType: 'text/plain',
  });
  await call('createTask', alice, 'POST', '/tasks', { body: `{"title":"${secret('broken')}` });
  await call('listTasks', alice, 'GET', '/tasks');
  await call('listTasks', alice, 'GET', `/tasks?cursor=${secret('cursor')}`);
  await call('getTask', alice, 'GET', `/tasks/${id}`);
  await call('getTask', alice, 'GET', '/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV');
  await call('updateTask', alice, 'PATCH', `/tasks/${id}`, {
    body: JSON.stringify({ description: secret('changed') }),
    headers: { 'If-Match': '"1"' },
  });
  await call('updateTask', alice, 'PATCH', `/tasks/${id}`, {
    body: JSON.stringify({ title: secret('stale') }),
    headers: { 'If-Match': '"1"' },
  });
  await call('listTasksByStatus', alice, 'GET', '/admin/tasks?status=pending');
  await call('listTasksByStatus', admin, 'GET', '/admin/tasks?status=pending');
  await call('deleteTask', alice, 'DELETE', `/tasks/${id}`);
  // Refused by the gateway: no handler runs, so only the gateway logs it.
  await call('listTasks', undefined, 'GET', '/tasks', {}, `Bearer ${alice.accessToken}`);
  return sent;
}

// biome-ignore lint/suspicious/noExplicitAny: printed JSON is checked field by field
type Json = Record<string, any>;

/** Every JSON line the process printed: the handlers' request lines and anything else. */
function jsonLines(): Json[] {
  return printed
    .flatMap((p) => p.split('\n'))
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l));
}
const isEmf = (l: Json) => l._aws !== undefined;
/** A line without its EMF part: `_aws` and the metric values its directives name. */
function logFields(line: Json): Json {
  const metrics = new Set<string>(
    (line._aws?.CloudWatchMetrics ?? []).flatMap((d: Json) => d.Metrics.map((m: Json) => m.Name)),
  );
  return Object.fromEntries(Object.entries(line).filter(([k]) => k !== '_aws' && !metrics.has(k)));
}

describe('request logs', () => {
  it('are one JSON line per request served, with request id, operation, status, latency, cold start and sub', () => {
    const lines = jsonLines()
      .filter((l) => l.message === 'request')
      .map(logFields);
    expect(sent.map((s) => s.res.status)).toEqual([
      201, 201, 422, 400, 415, 400, 200, 400, 200, 404, 200, 412, 403, 200, 204, 401,
    ]);
    for (const { operationId, res, user } of sent) {
      const requestId = res.headers['x-amzn-requestid'];
      const mine = lines.filter((l) => l.request_id === requestId);
      if (res.status === 401) {
        expect(mine, 'a refused token reaches no handler').toEqual([]);
        continue;
      }
      expect(mine, `${operationId} ${res.status}`).toHaveLength(1);
      const line = mine[0] as Json;
      // Lambda's keys (as Powertools Logger names them) plus ours; nothing else (no header, no body).
      expect(Object.keys(line).sort()).toEqual(
        [
          'cold_start',
          'function_arn',
          'function_memory_size',
          'function_name',
          'function_request_id',
          'latency_ms',
          'level',
          'message',
          'operation',
          'request_id',
          'service',
          'status',
          'sub',
          'timestamp',
        ].sort(),
      );
      expect(line).toMatchObject({
        level: 'INFO',
        message: 'request',
        service: 'task-api',
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        request_id: requestId,
        operation: operationId,
        status: res.status,
        latency_ms: expect.any(Number),
        cold_start: expect.any(Boolean),
        sub: user?.sub,
      });
      expect(line.latency_ms).toBeGreaterThanOrEqual(0);
      if (res.status >= 400) expect(res.json.instance).toBe(requestId);
    }
    expect(lines).toHaveLength(sent.length - 1);
    // The first request of a fresh process is its cold start, and only that one.
    expect(lines.map((l) => l.cold_start)).toEqual(lines.map((_, i) => i === 0));

    // The gateway's own access log: one line per request, the 401 included.
    const access = stack.logs.filter((l) => l.msg === 'request');
    for (const { res } of sent) {
      expect(access.filter((l) => l.request_id === res.headers['x-amzn-requestid'])).toHaveLength(
        1,
      );
    }
  });

  it('are each an EMF metrics record too: requests, errors, latency per operation, replays and 412s', () => {
    const records = jsonLines().filter((l) => isEmf(l) && l.operation !== undefined);
    expect(records.every((r) => r.message === 'request')).toBe(true);
    const served = sent.filter((s) => s.res.status !== 401);
    expect(records).toHaveLength(served.length);
    for (const [i, { operationId, res }] of served.entries()) {
      const record = records[i] as Json;
      const [directive] = record._aws.CloudWatchMetrics;
      expect(directive.Namespace).toBe('TaskApi');
      expect(directive.Dimensions).toEqual([['service', 'operation']]);
      expect(record).toMatchObject({ service: 'task-api', operation: operationId, Requests: 1 });
      expect(record.Errors).toBe(res.status >= 500 ? 1 : 0);
      expect(record.Latency).toBeGreaterThanOrEqual(0);
      expect(record.PreconditionFailed, `${operationId} ${res.status}`).toBe(
        res.status === 412 ? 1 : undefined,
      );
    }
    // The second keyed create with the same body is a replay.
    expect(records.map((r) => r.IdempotentReplays ?? 0)).toEqual(
      served.map((_, i) => (i === 1 ? 1 : 0)),
    );
    const units = Object.fromEntries(
      records[0]?._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string; Unit: string }) => [
        m.Name,
        m.Unit,
      ]),
    );
    expect(units).toMatchObject({ Requests: 'Count', Errors: 'Count', Latency: 'Milliseconds' });
    // One cold start per fresh process, with the function's name.
    const cold = jsonLines().filter((l) => isEmf(l) && l.ColdStart !== undefined);
    expect(cold).toEqual([expect.objectContaining({ ColdStart: 1, service: 'task-api' })]);
    expect(cold[0]?.function_name).toMatch(/^task-api-local-/);
  });

  it('never hold a token, a password, an Idempotency-Key or task content', () => {
    const everything = [...printed, ...stack.logs.map((l) => JSON.stringify(l))].join('\n');
    const forbidden = [
      SECRET,
      alice.password,
      admin.password,
      ...[alice, admin].flatMap((u) => [u.idToken, u.accessToken]),
      // Any part of a token, e.g. only its signature.
      ...[alice, admin].flatMap((u) => u.idToken.split('.')),
      'Bearer',
    ];

    expect(everything.length).toBeGreaterThan(0);
    for (const value of forbidden) expect(everything).not.toContain(value);
  });
});
