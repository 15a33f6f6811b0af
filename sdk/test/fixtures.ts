/** Shared test fixtures: an msw server backed by the SDK's own mock of the API. */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTaskApiClient, type TaskApiClientOptions } from '../src/index.js';
import { createTaskApiHandlers, type MockUser, TaskStore } from '../src/msw.js';

export const BASE_URL = 'https://api.test';

export const USERS: Record<string, MockUser> = {
  'token-alice': { sub: 'alice' },
  'token-bob': { sub: 'bob' },
  'token-admin': { sub: 'root', admin: true },
};

/** One msw server per test file, with a fresh store for every test. */
export function useMockApi() {
  const server = setupServer();
  const state = { store: new TaskStore() };
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  beforeEach(() => {
    state.store = new TaskStore();
    server.resetHandlers(
      ...createTaskApiHandlers({ baseUrl: BASE_URL, users: USERS, store: state.store }),
    );
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { server, state };
}

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
