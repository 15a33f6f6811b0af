/**
 * Shared test fixtures: an msw server backed by the SDK's mock (the API's own handlers).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTaskApiClient, type TaskApiClientOptions } from '../src/index.js';
import { createTaskApiMock, type MockUser, type TaskApiMock } from '../src/msw.js';

export const BASE_URL = 'https://api.test';

export const USERS: Record<string, MockUser> = {
  'token-alice': { sub: 'alice', email: 'alice@example.com' },
  'token-bob': { sub: 'bob', email: 'bob@example.com' },
  'token-admin': { sub: 'root', admin: true },
};

/** One msw server per test file, with a new mock API (empty data) for every test. */
export function useMockApi() {
  const server = setupServer();
  const state = { mock: newMock() };
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  beforeEach(() => {
    state.mock = newMock();
    server.resetHandlers(...state.mock.handlers);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { server, state };
}

const newMock = (): TaskApiMock => createTaskApiMock({ baseUrl: BASE_URL, users: USERS });

/** Every request the client sent, as it went on the wire. */
export function recordingFetch() {
  const requests: Request[] = [];
  const fetch = (request: Request) => {
    requests.push(request.clone());
    return globalThis.fetch(request);
  };
  return { requests, fetch };
}

export function makeClient(token = 'token-alice', options: Partial<TaskApiClientOptions> = {}) {
  return createTaskApiClient({
    baseUrl: BASE_URL,
    getToken: async () => token,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 50 },
    timeoutMs: 2_000,
    ...options,
  });
}
