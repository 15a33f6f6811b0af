import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiClient } from '../support/api.js';
import { forgeToken, type TestUser } from '../support/stack.js';
import { startTarget, type Target } from './target.js';

let target: Target;
let api: Api;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;

beforeAll(async () => {
  target = await startTarget();
  api = apiClient(target.apiUrl);
  [alice, bob, carol] = await Promise.all([verifiedUser(), verifiedUser(), verifiedUser()]);
});

/** A user whose address is verified, as invitations need. */
const verifiedUser = async (): Promise<TestUser> => target.createUser({ verified: true });
afterAll(() => target.stop());

const json = (body: unknown) => JSON.stringify(body);

async function call(
  operationId: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
) {
  const res = await api.call(operationId, {
    method,
    path,
    token: `Bearer ${token}`,
    ...(body === undefined ? {} : { body: json(body) }),
  });
  expect(res.violations, `${operationId} ${res.status} ${res.text}`).toEqual([]);
  return res;
}

describe('a team workspace through the gateway', () => {
  it('invites by the verified e-mail claim, shares tasks, and shuts out a removed member', async () => {
    const created = await call('createWorkspace', 'POST', '/workspaces', alice.idToken, {
      name: 'Team',
    });
    expect(created.status).toBe(201);
    const id = created.json.workspace_id as string;
    const ws = `/workspaces/${id}`;

    expect((await call('getWorkspace', 'GET', ws, bob.idToken)).status).toBe(404);
    const invite = await call('inviteMember', 'POST', `${ws}/members`, alice.idToken, {
      email: bob.email,
    });
    expect(invite.status).toBe(201);

    // A token whose e-mail is not verified cannot take the invitation.
    const unverified = forgeToken(bob.idToken, { email_verified: false });
    expect(
      (await call('listMyInvitations', 'GET', '/me/invitations', unverified)).json.invitations,
    ).toEqual([]);
    expect(
      (await call('acceptInvitation', 'POST', `/me/invitations/${id}`, unverified)).status,
    ).toBe(404);

    const mine = await call('listMyInvitations', 'GET', '/me/invitations', bob.idToken);
    expect(mine.json.invitations.map((i: { workspace_id: string }) => i.workspace_id)).toEqual([
      id,
    ]);
    const accepted = await call('acceptInvitation', 'POST', `/me/invitations/${id}`, bob.idToken);
    expect(accepted.json).toMatchObject({ workspace_id: id, role: 'member' });

    const task = await call('createWorkspaceTask', 'POST', `${ws}/tasks`, bob.idToken, {
      title: 'Ship it',
      assignee: bob.sub,
    });
    expect(task.status).toBe(201);
    expect(task.headers.location).toMatch(
      new RegExp(`/workspaces/${id}/tasks/${task.json.task_id}$`),
    );
    const assigned = await call('listMyAssignedTasks', 'GET', '/me/assigned-tasks', bob.idToken);
    expect(assigned.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([
      task.json.task_id,
    ]);
    // The personal list is unchanged by workspace tasks.
    expect((await call('listTasks', 'GET', '/tasks', bob.idToken)).json.tasks).toEqual([]);

    // A member may not rename; carol, not a member, gets 404.
    expect((await call('renameWorkspace', 'PATCH', ws, bob.idToken, { name: 'x' })).status).toBe(
      403,
    );
    expect((await call('listWorkspaceTasks', 'GET', `${ws}/tasks`, carol.idToken)).status).toBe(
      404,
    );

    expect(
      (await call('removeMember', 'DELETE', `${ws}/members/${bob.sub}`, alice.idToken)).status,
    ).toBe(204);
    const after = await call(
      'getWorkspaceTask',
      'GET',
      `${ws}/tasks/${task.json.task_id}`,
      bob.idToken,
    );
    expect(after.status).toBe(404);
    const kept = await call(
      'getWorkspaceTask',
      'GET',
      `${ws}/tasks/${task.json.task_id}`,
      alice.idToken,
    );
    expect(kept.json).toMatchObject({ created_by: bob.sub, assignee: bob.sub });

    expect((await call('leaveWorkspace', 'POST', `${ws}/leave`, alice.idToken)).status).toBe(409);
    expect((await call('deleteWorkspace', 'DELETE', ws, alice.idToken)).status).toBe(204);
    expect((await call('getWorkspace', 'GET', ws, alice.idToken)).status).toBe(404);
    expect(
      (await call('listWorkspaces', 'GET', '/workspaces', alice.idToken)).json.workspaces,
    ).toEqual([]);
  });
});

describe('the SDK on workspaces', () => {
  it('creates, lists page by page and deletes through the typed client', async () => {
    const { createTaskApiClient } = await import('../../sdk/src/index.js');
    const client = createTaskApiClient({ baseUrl: target.apiUrl, getToken: () => carol.idToken });
    const created = await client.createWorkspace({ name: 'SDK team' });
    if (created.error) throw new Error(created.error.detail);
    const id = created.data.workspace_id;
    expect(created.etag).toBe('"1"');
    for (const title of ['a', 'b', 'c']) {
      const made = await client.createWorkspaceTask(id, { title, assignee: carol.sub });
      expect(made.error).toBeUndefined();
    }
    const titles: string[] = [];
    for await (const task of client.paginate('listWorkspaceTasks', id, { limit: 1 }))
      titles.push(task.title);
    expect(titles).toEqual(['c', 'b', 'a']);
    const assigned: string[] = [];
    for await (const task of client.paginate('listMyAssignedTasks', { limit: 2 }))
      assigned.push(task.title);
    expect(assigned).toEqual(['c', 'b', 'a']);
    const deleted = await client.deleteWorkspace(id);
    expect(deleted.data).toEqual({ done: true });
    expect((await client.getWorkspace(id)).error?.status).toBe(404);
  });
});
