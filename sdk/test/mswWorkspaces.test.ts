/**
 * The mock's workspace operations through the SDK's own methods and paginators: every answer is
 * checked against openapi.yaml, and every workspace operation answers its success. That the
 * answers are the API's is test/e2e/sequences.test.ts's part.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OPERATIONS as SPEC_OPERATIONS } from '../../src/contract/operations.generated.js';
import { contractViolations } from '../../test/support/contract.js';
import { createTaskApiClient } from '../src/index.js';
import { createTaskApiHandlers, type MockUser, TaskStore } from '../src/msw.js';

const BASE_URL = 'https://api.test';
const USERS: Record<string, MockUser> = {
  alice: { sub: 'alice-sub', email: 'Alice@Example.com' },
  bob: { sub: 'bob-sub', email: 'bob@example.com' },
  carol: { sub: 'carol-sub' },
};

const ID = '[0-9A-HJKMNP-TV-Z]{26}';
/** openapi.yaml's `workspaces` operations, each with its path as a pattern. */
const OPERATIONS: Array<[string, RegExp, string]> = SPEC_OPERATIONS.filter((op) =>
  (op.tags as readonly string[]).includes('workspaces'),
).map((op) => [
  op.method,
  new RegExp(`^${op.path.replace('{workspaceId}', ID).replace(/\{[^}]+\}/g, '[^/]+')}$`),
  op.operationId,
]);

const server = setupServer();
const seen = new Set<string>();
const violations: string[] = [];
let store = new TaskStore();

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  store = new TaskStore();
  server.resetHandlers(
    ...createTaskApiHandlers({
      baseUrl: BASE_URL,
      users: USERS,
      store,
      workspaceDeleteBatches: 1,
    }),
  );
});
afterEach(() => {
  server.resetHandlers();
  expect(violations.splice(0)).toEqual([]);
});
afterAll(() => server.close());

async function checkedFetch(request: Request): Promise<Response> {
  const response = await globalThis.fetch(request);
  const path = new URL(request.url).pathname;
  const operationId = OPERATIONS.find(([m, p]) => m === request.method && p.test(path))?.[2];
  if (!operationId) {
    violations.push(`${request.method} ${path} is no workspace operation`);
    return response;
  }
  seen.add(`${operationId} ${response.status}`);
  const body = await response.clone().text();
  const headers = Object.fromEntries(response.headers.entries());
  for (const v of contractViolations(operationId, { status: response.status, headers, body })) {
    violations.push(`${request.method} ${path} -> ${response.status}: ${v}`);
  }
  return response;
}

const client = (token: string) =>
  createTaskApiClient({
    baseUrl: BASE_URL,
    getToken: async () => token,
    fetch: checkedFetch,
    retry: { retries: 0 },
  });

async function teamWithBob() {
  const alice = client('alice');
  const bob = client('bob');
  const { data: ws } = await alice.createWorkspace({ name: 'Team' });
  if (!ws) throw new Error('create failed');
  await alice.inviteMember(ws.workspace_id, { email: 'BOB@example.com' });
  await bob.acceptInvitation(ws.workspace_id);
  return { alice, bob, id: ws.workspace_id };
}

describe('the mock answers the workspace operations', () => {
  it('invites by the verified address in any case; the invited user accepts', async () => {
    const alice = client('alice');
    const { data: ws } = await alice.createWorkspace({ name: 'Team' });
    const id = ws?.workspace_id as string;
    const invited = await alice.inviteMember(id, { email: 'Bob@Example.COM', role: 'admin' });
    expect(invited.data).toMatchObject({
      user_id: null,
      email: 'bob@example.com',
      status: 'pending',
    });
    // Alice's own address (her claim is lower-cased, as the API reads it) is already a member.
    expect((await alice.inviteMember(id, { email: 'alice@example.com' })).error?.status).toBe(409);
    // Carol has no verified address: no invitations, and none to accept.
    expect((await client('carol').listMyInvitations()).data).toEqual({ invitations: [], count: 0 });
    expect((await client('carol').acceptInvitation(id)).error?.status).toBe(404);

    const bob = client('bob');
    expect((await bob.listMyInvitations()).data?.invitations).toEqual([
      { workspace_id: id, workspace_name: 'Team', role: 'admin', created_at: expect.any(String) },
    ]);
    expect((await bob.acceptInvitation(id)).data).toMatchObject({
      workspace_id: id,
      role: 'admin',
    });
    const members = await alice.listMembers(id);
    expect(members.data?.members.map((m) => [m.user_id, m.role, m.status])).toEqual([
      ['alice-sub', 'owner', 'active'],
      ['bob-sub', 'admin', 'active'],
    ]);
  });

  it('asks the API’s policy: a member may not invite, the last owner may not leave', async () => {
    const { alice, bob, id } = await teamWithBob();
    expect((await bob.inviteMember(id, { email: 'x@example.com' })).error).toMatchObject({
      status: 403,
      detail: expect.stringContaining('a workspace member may not invite member'),
    });
    expect((await alice.leaveWorkspace(id)).error?.status).toBe(409);
    expect((await alice.updateMember(id, 'alice-sub', 'member')).error?.status).toBe(409);
    expect((await alice.updateMember(id, 'bob-sub', 'owner', { ifMatch: '"1"' })).data?.role).toBe(
      'owner',
    );
    expect((await alice.leaveWorkspace(id)).response.status).toBe(204);
    expect((await bob.getWorkspace(id)).data).toMatchObject({ role: 'owner', version: 1 });
    expect((await alice.getWorkspace(id)).error?.status).toBe(404);
    expect((await bob.removeMember(id, 'alice-sub')).error?.status).toBe(404);
    expect((await bob.revokeInvitation(id, 'nobody@example.com')).error?.status).toBe(404);
  });

  it('keeps workspace tasks with an assignee who is a member, and pages through them', async () => {
    const { alice, bob, id } = await teamWithBob();
    for (const title of ['one', 'two', 'three']) {
      await alice.createWorkspaceTask(id, { title, assignee: 'bob-sub' });
    }
    const refused = await alice.createWorkspaceTask(id, { title: 'x', assignee: 'carol-sub' });
    expect(refused.error).toMatchObject({ status: 400, errors: [{ path: '/body/assignee' }] });

    const titles: string[] = [];
    for await (const task of alice.pages.workspaceTasks(id, { limit: 1 })) titles.push(task.title);
    expect(titles).toEqual(['three', 'two', 'one']);
    const assigned: string[] = [];
    for await (const task of bob.pages.assignedTasks({ limit: 2 })) assigned.push(task.title);
    expect(assigned).toEqual(['three', 'two', 'one']);

    const { data: first } = await alice.listWorkspaceTasks(id, { assignee: 'bob-sub', limit: 1 });
    const task = first?.tasks[0];
    if (!task) throw new Error('no task');
    const got = await bob.getWorkspaceTask(id, task.task_id);
    expect(got.etag).toBe('"1"');
    const done = await bob.updateWorkspaceTask(
      id,
      task.task_id,
      { status: 'completed', assignee: null },
      { ifMatch: got.etag },
    );
    expect(done.data).toMatchObject({ status: 'completed', assignee: null, version: 2 });
    const stale = await bob.deleteWorkspaceTask(id, task.task_id, { ifMatch: '"1"' });
    expect(stale.error?.status).toBe(412);
    expect((await bob.deleteWorkspaceTask(id, task.task_id)).response.status).toBe(204);
    expect((await alice.listWorkspaceTasks(id, { status: 'completed' })).data?.tasks).toEqual([]);
    // A removed member's assignments stay, but leave their list.
    expect((await alice.removeMember(id, 'bob-sub')).response.status).toBe(204);
    expect((await bob.listMyAssignedTasks()).data).toEqual({ tasks: [], count: 0 });
    expect((await alice.listWorkspaceTasks(id, { assignee: 'bob-sub' })).data?.count).toBe(2);
  });

  it('pages through workspaces, members and invitations', async () => {
    const alice = client('alice');
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const { data } = await alice.createWorkspace({ name });
      ids.push(data?.workspace_id as string);
      await alice.inviteMember(data?.workspace_id as string, { email: 'bob@example.com' });
    }
    const names: string[] = [];
    for await (const ws of alice.pages.workspaces({ limit: 2 })) names.push(ws.name);
    expect(names).toEqual(['c', 'b', 'a']);
    const invited: string[] = [];
    for await (const inv of client('bob').pages.invitations({ limit: 1 })) {
      invited.push(inv.workspace_name);
    }
    expect(invited).toEqual(['c', 'b', 'a']);
    const members: string[] = [];
    for await (const m of alice.pages.members(ids[0] as string, { limit: 1 })) {
      members.push(m.status);
    }
    expect(members).toEqual(['pending', 'active']);
    expect((await client('bob').declineInvitation(ids[0] as string)).response.status).toBe(204);
    expect(
      (await alice.revokeInvitation(ids[1] as string, 'BOB@example.com')).response.status,
    ).toBe(204);
    expect((await client('bob').listMyInvitations()).data?.count).toBe(1);
    expect(
      (await alice.renameWorkspace(ids[0] as string, 'A', { ifMatch: '"1"' })).data?.name,
    ).toBe('A');
  });

  it('answers 202 while a long delete goes on, hiding the workspace at once', async () => {
    const { alice, bob, id } = await teamWithBob();
    for (let i = 0; i < 30; i++) await alice.createWorkspaceTask(id, { title: `t${i}` });
    // 32 items, 25 a batch, one batch a request (workspaceDeleteBatches: 1).
    expect((await bob.deleteWorkspace(id)).error?.status).toBe(403);
    expect((await alice.deleteWorkspace(id)).data).toEqual({ done: false });
    expect((await alice.getWorkspace(id)).error?.status).toBe(404);
    expect((await bob.deleteWorkspace(id)).error?.status).toBe(404);
    expect((await alice.deleteWorkspace(id)).data).toEqual({ done: false });
    expect((await alice.deleteWorkspace(id)).data).toEqual({ done: true });
    expect((await alice.deleteWorkspace(id)).error?.status).toBe(404);
  });

  it('answered every workspace operation’s success (the checks above are not vacuous)', () => {
    const successes = OPERATIONS.map(([, , op]) => op).filter(
      (op) => ![...seen].some((s) => s.startsWith(`${op} 2`)),
    );
    expect(successes).toEqual([]);
  });
});
