/** Retries, backoff, Retry-After, timeouts and idempotency keys (src/retry.ts). */
import { delay, HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { PROBLEMS, problemType } from '../../src/contract/problems.js';
import { TaskApiNetworkError } from '../src/index.js';
import { DEFAULT_RETRY, isRetryable, retryAfterMs, retryDelayMs } from '../src/retry.js';
import { BASE_URL, makeClient, recordingFetch, useMockApi } from './fixtures.js';

const { server, state } = useMockApi();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EMPTY_LIST = { tasks: [], count: 0 };

function throttled(status: 429 | 503, retryAfter = '0') {
  const slug = status === 429 ? 'throttled' : 'unavailable';
  return HttpResponse.json(
    { type: problemType(slug), title: PROBLEMS[slug].title, status },
    { status, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter } },
  );
}

/** API Gateway's own 502 (INTEGRATION_FAILURE) or 504 (INTEGRATION_TIMEOUT) problem. */
function gatewayFailure(status: 502 | 504) {
  const slug = status === 502 ? 'bad-gateway' : 'gateway-timeout';
  return HttpResponse.json(
    { type: problemType(slug), title: PROBLEMS[slug].title, status },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** GET /tasks answers `failures` in turn, then an empty list; counts the attempts. */
function listFailing(failures: Array<() => Response | Promise<Response>>) {
  const calls = { count: 0 };
  server.use(
    http.get(`${BASE_URL}/tasks`, async () => {
      const failure = failures[calls.count++];
      return failure ? failure() : HttpResponse.json(EMPTY_LIST);
    }),
  );
  return calls;
}

describe('retries', () => {
  it.each([
    { name: '429', failure: () => throttled(429) },
    { name: '503', failure: () => throttled(503) },
    { name: '502 (the function failed)', failure: () => gatewayFailure(502) },
    { name: '504 (the function timed out)', failure: () => gatewayFailure(504) },
    { name: 'a network error', failure: () => HttpResponse.error() },
  ])('retries a GET after $name, then succeeds', async ({ failure }) => {
    const calls = listFailing([failure, failure]);

    const { data } = await makeClient().listTasks();

    expect(data).toEqual(EMPTY_LIST);
    expect(calls.count).toBe(3);
  });

  it('gives up after `retries` extra attempts and returns the last problem', async () => {
    const calls = listFailing(Array(10).fill(() => throttled(503)));

    const { error, response } = await makeClient('token-alice', {
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 10 },
    }).listTasks();

    expect(calls.count).toBe(4);
    expect(response.status).toBe(503);
    expect(error).toMatchObject({ status: 503, title: 'Service Unavailable' });
  });

  it('throws TaskApiNetworkError when the network keeps failing', async () => {
    const calls = listFailing(Array(10).fill(() => HttpResponse.error()));

    const thrown = await makeClient()
      .listTasks()
      .catch((e: unknown) => e);

    expect(calls.count).toBe(3);
    expect(thrown).toBeInstanceOf(TaskApiNetworkError);
    expect(thrown).toMatchObject({ attempts: 3, timedOut: false, method: 'GET' });
    expect((thrown as Error).message).toBe(`GET ${BASE_URL}/tasks failed after 3 attempt(s)`);
  });

  it('does not retry a PATCH (not idempotent) after a 503', async () => {
    const calls = { count: 0 };
    server.use(
      http.patch(`${BASE_URL}/tasks/:taskId`, () => {
        calls.count++;
        return throttled(503);
      }),
    );

    const { error } = await makeClient().updateTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y', { title: 'x' });

    expect(error?.status).toBe(503);
    expect(calls.count).toBe(1);
  });

  it.each([502, 504] as const)(
    'retries a DELETE after %i (deleting twice is safe)',
    async (status) => {
      const calls = { count: 0 };
      server.use(
        http.delete(`${BASE_URL}/tasks/:taskId`, () =>
          calls.count++ === 0 ? gatewayFailure(status) : new HttpResponse(null, { status: 204 }),
        ),
      );

      const { error } = await makeClient().deleteTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y');

      expect(error).toBeUndefined();
      expect(calls.count).toBe(2);
    },
  );

  it.each([502, 504] as const)(
    'does not retry a PATCH after %i (the change may have been made)',
    async (status) => {
      const calls = { count: 0 };
      server.use(
        http.patch(`${BASE_URL}/tasks/:taskId`, () => {
          calls.count++;
          return gatewayFailure(status);
        }),
      );

      const { error } = await makeClient().updateTask('01JD7Z8Q3X5M2N4P6R8T0V2W4Y', { title: 'x' });

      expect(error?.status).toBe(status);
      expect(calls.count).toBe(1);
    },
  );

  it('does not retry a 500 (a bug, not a transient state)', async () => {
    const calls = listFailing([
      () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Internal Server Error', status: 500 },
          { status: 500 },
        ),
    ]);

    const { error } = await makeClient().listTasks();

    expect(error?.status).toBe(500);
    expect(calls.count).toBe(1);
  });

  it.each<{ name: string; method: string; headers: Record<string, string>; want: boolean }>([
    { name: 'GET', method: 'GET', headers: {}, want: true },
    { name: 'DELETE', method: 'DELETE', headers: {}, want: true },
    { name: 'PUT', method: 'PUT', headers: {}, want: true },
    { name: 'PATCH', method: 'PATCH', headers: {}, want: false },
    { name: 'POST without an Idempotency-Key', method: 'POST', headers: {}, want: false },
    {
      name: 'POST with an Idempotency-Key',
      method: 'POST',
      headers: { 'Idempotency-Key': 'k' },
      want: true,
    },
  ])('isRetryable($name) is $want', ({ method, headers, want }) => {
    expect(isRetryable(new Request(BASE_URL, { method, headers }))).toBe(want);
  });
});

describe('Retry-After', () => {
  it('waits the seconds the server asks for before retrying', async () => {
    listFailing([() => throttled(429, '1')]);
    const client = makeClient('token-alice', {
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5_000 },
    });
    const started = performance.now();

    const { data } = await client.listTasks();

    expect(data).toEqual(EMPTY_LIST);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
  });

  it('never retries before Retry-After, and adds a random share of the backoff to it', () => {
    const retry = { ...DEFAULT_RETRY, baseDelayMs: 100 };

    expect(retryDelayMs(1000, 0, retry, () => 0)).toBe(1000);
    expect(retryDelayMs(1000, 0, retry, () => 0.5)).toBe(1050);
    expect(retryDelayMs(1000, 2, retry, () => 0.5)).toBe(1200);
    expect(retryDelayMs(undefined, 2, retry, () => 0.5)).toBe(200);
  });

  it('spreads clients told the same Retry-After instead of sending them back in lockstep', () => {
    const waits = Array.from({ length: 50 }, () => retryDelayMs(1000, 0, DEFAULT_RETRY));

    expect(new Set(waits).size).toBeGreaterThan(1);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(1000);
      expect(wait).toBeLessThan(1000 + DEFAULT_RETRY.baseDelayMs);
    }
  });

  it('gives up at once when Retry-After is longer than maxDelayMs', async () => {
    const calls = listFailing([() => throttled(503, '120')]);

    const { error } = await makeClient().listTasks();

    expect(error?.status).toBe(503);
    expect(calls.count).toBe(1);
  });

  it.each([
    { name: 'delta-seconds', given: '3', want: 3000 },
    { name: 'an HTTP date', given: 'Thu, 01 Jan 2026 00:00:02 GMT', want: 2000 },
    { name: 'a past date', given: 'Wed, 31 Dec 2025 00:00:00 GMT', want: 0 },
    { name: 'garbage', given: 'soon', want: undefined },
    { name: 'absence', given: null, want: undefined },
  ])('parses $name', ({ given, want }) => {
    expect(retryAfterMs(given, Date.UTC(2026, 0, 1))).toBe(want);
  });
});

describe('timeouts', () => {
  it('aborts a slow attempt after timeoutMs and retries', async () => {
    const calls = listFailing([
      async () => {
        await delay(1_000);
        return HttpResponse.json(EMPTY_LIST);
      },
    ]);

    const { data } = await makeClient('token-alice', { timeoutMs: 50 }).listTasks();

    expect(data).toEqual(EMPTY_LIST);
    expect(calls.count).toBe(2);
  });

  it('throws TaskApiNetworkError with timedOut when every attempt is too slow', async () => {
    server.use(
      http.get(`${BASE_URL}/tasks`, async () => {
        await delay(1_000);
        return HttpResponse.json(EMPTY_LIST);
      }),
    );

    const thrown = await makeClient('token-alice', { timeoutMs: 30 })
      .listTasks()
      .catch((e: unknown) => e);

    expect(thrown).toBeInstanceOf(TaskApiNetworkError);
    expect(thrown).toMatchObject({ attempts: 3, timedOut: true });
  });

  it('stops at once, without retrying, when the caller aborts', async () => {
    const calls = listFailing(Array(10).fill(() => throttled(503, '1')));
    const controller = new AbortController();
    const client = makeClient('token-alice', {
      retry: { retries: 5, baseDelayMs: 1, maxDelayMs: 5_000 },
    });

    const pending = client.listTasks({}, { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('user left the page')), 50);

    expect(await pending).toEqual(new Error('user left the page'));
    expect(calls.count).toBe(1);
  });
});

describe('idempotency keys', () => {
  it('sends a fresh UUID Idempotency-Key on every createTask', async () => {
    const { requests, fetch } = recordingFetch();
    const client = makeClient('token-alice', { fetch });

    await client.createTask({ title: 'a' });
    await client.createTask({ title: 'a' });

    const keys = requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID);
    expect(keys[1]).toMatch(UUID);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('retries a create with the same key after a 503', async () => {
    let failed = false;
    server.use(
      http.post(`${BASE_URL}/tasks`, () => {
        if (failed) return undefined; // fall through to the mock API
        failed = true;
        return throttled(503);
      }),
    );
    const { requests, fetch } = recordingFetch();

    const { data } = await makeClient('token-alice', { fetch }).createTask({ title: 'a' });

    expect(data?.title).toBe('a');
    const keys = requests.map((r) => r.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('makes one task when the response to the first attempt is lost', async () => {
    let lost = false;
    const client = makeClient('token-alice', {
      fetch: async (request) => {
        const response = await globalThis.fetch(request);
        if (lost) return response;
        lost = true;
        throw new TypeError('connection reset after the server answered');
      },
    });

    const { data } = await client.createTask({ title: 'once' });

    const stored = await makeClient('token-alice', { fetch: state.mock.fetch }).listTasks();
    expect(stored.data?.tasks.map((t) => t.task_id)).toEqual([data?.task_id]);
  });

  it('uses the idempotencyKey option to make keys', async () => {
    const { requests, fetch } = recordingFetch();
    const client = makeClient('token-alice', { fetch, idempotencyKey: () => 'my-key' });

    await client.createTask({ title: 'a' });
    const second = await client.createTask({ title: 'b' }, { idempotencyKey: 'other-key' });

    expect(requests.map((r) => r.headers.get('Idempotency-Key'))).toEqual(['my-key', 'other-key']);
    expect(second.data?.title).toBe('b');
  });

  it('a reused key with a different body is a 422 problem', async () => {
    const client = makeClient('token-alice', { idempotencyKey: () => 'same-key' });
    await client.createTask({ title: 'a' });

    const { error } = await client.createTask({ title: 'b' });

    expect(error).toMatchObject({
      status: 422,
      type: problemType('idempotency-key-reused'),
    });
  });
});
