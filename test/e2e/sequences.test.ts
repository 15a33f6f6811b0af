/**
 * The SDK's msw mock answers like the API: each sequence of test/support/sequences.ts runs
 * against the mock and against the stack (fresh users and a fresh mock store per sequence),
 * and the answers must be equal up to ids, times and cursors. The mock's users are the API's:
 * the same `sub` and e-mail address, so listings ordered by them agree.
 */
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTaskApiHandlers, type MockUser, TaskStore } from '../../sdk/src/msw.js';
import {
  PEOPLE,
  type People,
  type Person,
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
/** In-process stacks whose functions delete at most this many batches per request. */
const bounded = new Map<number, Promise<Target>>();
beforeAll(async () => {
  stack = await startTarget();
});
afterAll(async () => {
  await stack.stop();
  for (const target of bounded.values()) await (await target).stop();
});

function targetFor(workspaceDeleteBatches: number | undefined): Promise<Target> {
  if (workspaceDeleteBatches === undefined) return Promise.resolve(stack);
  let target = bounded.get(workspaceDeleteBatches);
  if (!target) {
    target = startTarget({ WORKSPACE_DELETE_BATCHES: String(workspaceDeleteBatches) });
    bounded.set(workspaceDeleteBatches, target);
  }
  return target;
}

const toRequest = (base: string, token: string | undefined, r: WireRequest) =>
  new Request(`${base}${r.path}`, {
    method: r.method,
    headers: { ...r.headers, ...(token ? { Authorization: token } : {}) },
    ...(r.body !== undefined ? { body: r.body } : {}),
  });

const isPerson = (role: Role): role is Person => (PEOPLE as readonly Role[]).includes(role);

/** The people have a verified address: the workspace sequences invite and accept by e-mail. */
async function apiSender(stack: Target, roles: Role[]): Promise<{ send: Send; people: People }> {
  const tokens: Partial<Record<Role, string>> = { stranger: STRANGER };
  const people: People = {};
  for (const role of roles) {
    if (role !== 'admin' && !isPerson(role)) continue;
    const user = await stack.createUser({ admin: role === 'admin', verified: isPerson(role) });
    stack.own(user.idToken);
    tokens[role] = user.idToken;
    if (isPerson(role)) people[role] = { sub: user.sub, email: user.email };
  }
  const send: Send = async (role, r) => {
    const res = await fetch(toRequest(stack.apiUrl, tokens[role], r));
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  return { send, people };
}

function mockSender(people: People, workspaceDeleteBatches?: number): Send {
  const users: Record<string, MockUser> = { admin: { sub: 'admin', admin: true } };
  for (const [role, who] of Object.entries(people)) users[role] = who;
  const handlers = createTaskApiHandlers({
    baseUrl: MOCK_URL,
    users,
    store: new TaskStore(),
    ...(workspaceDeleteBatches ? { workspaceDeleteBatches } : {}),
  });
  return async (role, r) => {
    const token = role === 'anonymous' ? undefined : role === 'stranger' ? STRANGER : role;
    const res = await getResponse(handlers, toRequest(MOCK_URL, token, r));
    if (!res) throw new Error(`the mock has no handler for ${r.method} ${r.path}`);
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
}

/**
 * A sequence with its own WORKSPACE_DELETE_BATCHES needs a stack in this process whose functions
 * have it; a stack from an outputs file keeps its own.
 */
const runnable = SEQUENCES.filter(
  (s) => s.workspaceDeleteBatches === undefined || process.env.TASK_API_OUTPUTS === undefined,
);

describe('the msw mock and the API answer the same', () => {
  it.each(runnable.map((sequence) => ({ name: sequence.name, sequence })))(
    '$name',
    async ({ sequence }) => {
      const batches = sequence.workspaceDeleteBatches;
      const { send, people } = await apiSender(await targetFor(batches), rolesOf(sequence));
      const api = await runSequence(sequence, send, people);
      const mock = await runSequence(sequence, mockSender(people, batches), people);
      expect(mock).toEqual(api);
    },
  );
});
