/**
 * The SDK's msw mock answers like the API: each sequence of test/support/sequences.ts runs
 * against the mock and against the stack (fresh users and a fresh mock store per sequence),
 * and the answers must be equal up to ids, times and cursors.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiHandlers, type MockUser, TaskStore } from '../../sdk/src/msw.js';
import {
  type Role,
  rolesOf,
  runSequence,
  SEQUENCES,
  type Send,
  type WireRequest,
} from '../support/sequences.js';
import { startTarget, type Target } from './target.js';

const MOCK_URL = 'https://mock.test';
const STRANGER = 'a-token-nobody-issued';

let stack: Target;
beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  stack = await startTarget();
});
afterAll(() => stack.stop());

const toRequest = (base: string, token: string | undefined, r: WireRequest) =>
  new Request(`${base}${r.path}`, {
    method: r.method,
    headers: { ...r.headers, ...(token ? { Authorization: token } : {}) },
    ...(r.body !== undefined ? { body: r.body } : {}),
  });

async function apiSender(roles: Role[]): Promise<Send> {
  const tokens: Partial<Record<Role, string>> = { stranger: STRANGER };
  for (const role of roles) {
    if (role === 'alice' || role === 'bob' || role === 'admin') {
      const user = await stack.createUser({ admin: role === 'admin' });
      stack.own(user.idToken);
      tokens[role] = user.idToken;
    }
  }
  return async (role, r) => {
    const res = await fetch(toRequest(stack.apiUrl, tokens[role], r));
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

function mockSender(): Send {
  const users: Record<string, MockUser> = {
    alice: { sub: 'alice' },
    bob: { sub: 'bob' },
    admin: { sub: 'admin', admin: true },
  };
  const handlers = createTaskApiHandlers({ baseUrl: MOCK_URL, users, store: new TaskStore() });
  return async (role, r) => {
    const token = role === 'anonymous' ? undefined : role === 'stranger' ? STRANGER : role;
    const res = await getResponse(handlers, toRequest(MOCK_URL, token, r));
    if (!res) throw new Error(`the mock has no handler for ${r.method} ${r.path}`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

describe('the msw mock and the API answer the same', () => {
  it.each(SEQUENCES.map((sequence) => ({ name: sequence.name, sequence })))(
    '$name',
    async ({ sequence }) => {
      const api = await runSequence(sequence, await apiSender(rolesOf(sequence)));
      const mock = await runSequence(sequence, mockSender());
      expect(mock).toEqual(api);
    },
  );
});
