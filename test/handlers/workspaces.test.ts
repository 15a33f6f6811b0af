/**
 * Workspaces through their handlers on the embedded DynamoDB (docs/architecture.md#workspaces):
 * the lifecycle, the roles, the last-owner rule, tasks assigned to me, idempotent creates.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import {
  addMember,
  createWorkspace,
  createWorkspaceTask,
  emailOf,
  workspaceScene,
} from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

const ws = (workspaceId: string) => ({ workspaceId });

describe('a workspace from creation to its members', () => {
  it('creates, lists, reads and renames with If-Match; the creator is its owner', async () => {
    const owner = randomUUID();
    const created = await env.invoke('createWorkspace', { sub: owner, body: { name: 'Billing' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      name: 'Billing',
      role: 'owner',
      created_by: owner,
      version: 1,
    });
    const id = created.json.workspace_id;
    expect(created.headers.location).toBe(`/prod/workspaces/${id}`);
    expect(created.headers.etag).toBe('"1"');

    const list = await env.invoke('listWorkspaces', { sub: owner });
    expect(list.json.workspaces.map((w: { workspace_id: string }) => w.workspace_id)).toEqual([id]);

    const stale = await env.invoke('renameWorkspace', {
      sub: owner,
      pathParameters: ws(id),
      headers: { 'If-Match': '"2"' },
      body: { name: 'Invoices' },
    });
    expect(stale.status).toBe(412);
    const renamed = await env.invoke('renameWorkspace', {
      sub: owner,
      pathParameters: ws(id),
      headers: { 'If-Match': '"1"' },
      body: { name: 'Invoices' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Invoices', version: 2 });
    const read = await env.invoke('getWorkspace', { sub: owner, pathParameters: ws(id) });
    expect(read.json.name).toBe('Invoices');
    expect(read.headers.etag).toBe('"2"');
  });

  it('invites by e-mail: pending until the invitee with that verified address accepts', async () => {
    const owner = randomUUID();
    const bob = randomUUID();
    const id = await createWorkspace(env, owner, 'Team');
    const invite = await env.invoke('inviteMember', {
      sub: owner,
      pathParameters: ws(id),
      body: { email: emailOf(bob).toUpperCase(), role: 'admin' },
    });
    expect(invite.status).toBe(201);
    expect(invite.json).toMatchObject({
      user_id: null,
      email: emailOf(bob),
      role: 'admin',
      status: 'pending',
    });

    // Not a member yet: the workspace is a 404 for bob, but the invitation is his to see.
    expect((await env.invoke('getWorkspace', { sub: bob, pathParameters: ws(id) })).status).toBe(
      404,
    );
    const mine = await env.invoke('listMyInvitations', { sub: bob });
    expect(mine.json.invitations).toEqual([
      {
        workspace_id: id,
        workspace_name: 'Team',
        role: 'admin',
        invited_by: owner,
        created_at: expect.any(String),
      },
    ]);
    // Someone else's address cannot accept it.
    const other = randomUUID();
    expect(
      (await env.invoke('acceptInvitation', { sub: other, pathParameters: ws(id) })).status,
    ).toBe(404);

    const accepted = await env.invoke('acceptInvitation', { sub: bob, pathParameters: ws(id) });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ workspace_id: id, role: 'admin' });
    expect(
      (await env.invoke('acceptInvitation', { sub: bob, pathParameters: ws(id) })).status,
    ).toBe(404);
    expect((await env.invoke('listMyInvitations', { sub: bob })).json.invitations).toEqual([]);

    const members = await env.invoke('listMembers', { sub: bob, pathParameters: ws(id) });
    expect(
      members.json.members.map((m: { user_id: string; role: string; status: string }) => [
        m.user_id,
        m.role,
        m.status,
      ]),
    ).toEqual(
      [
        [owner, 'owner', 'active'],
        [bob, 'admin', 'active'],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('refuses an address invited twice (409) and a caller without a verified address', async () => {
    const owner = randomUUID();
    const id = await createWorkspace(env, owner);
    const body = { email: 'carol@example.com' };
    expect(
      (await env.invoke('inviteMember', { sub: owner, pathParameters: ws(id), body })).status,
    ).toBe(201);
    const again = await env.invoke('inviteMember', { sub: owner, pathParameters: ws(id), body });
    expect(again.status).toBe(409);
    expect(again.json.type).toMatch(/#section\/problem-types\/conflict$/);
    const self = await env.invoke('inviteMember', {
      sub: owner,
      pathParameters: ws(id),
      body: { email: emailOf(owner) },
    });
    expect(self.status).toBe(409);
  });

  it('lets admins invite and remove admins and members, not owners; only owners change roles', async () => {
    const s = await workspaceScene(env);
    const path = ws(s.workspaceId);
    const inviteOwner = await env.invoke('inviteMember', {
      sub: s.admin,
      pathParameters: path,
      body: { email: 'o@example.com', role: 'owner' },
    });
    expect(inviteOwner.status).toBe(403);
    const removeOwner = await env.invoke('removeMember', {
      sub: s.admin,
      pathParameters: { ...path, userId: s.owner },
    });
    expect(removeOwner.status).toBe(403);
    const promote = await env.invoke('updateMember', {
      sub: s.admin,
      pathParameters: { ...path, userId: s.member },
      body: { role: 'admin' },
    });
    expect(promote.status).toBe(403);
    const rename = await env.invoke('renameWorkspace', {
      sub: s.member,
      pathParameters: path,
      body: { name: 'x' },
    });
    expect(rename.status).toBe(403);
    const remove = await env.invoke('removeMember', {
      sub: s.admin,
      pathParameters: { ...path, userId: s.member },
    });
    expect(remove.status).toBe(204);
    const byOwner = await env.invoke('updateMember', {
      sub: s.owner,
      pathParameters: { ...path, userId: s.admin },
      headers: { 'If-Match': '"1"' },
      body: { role: 'member' },
    });
    expect(byOwner.status).toBe(200);
    expect(byOwner.json).toMatchObject({ user_id: s.admin, role: 'member', version: 2 });
  });
});

describe('the last owner', () => {
  it('cannot leave, be removed or be demoted; with a second owner they can', async () => {
    const s = await workspaceScene(env);
    const path = ws(s.workspaceId);
    const leave = await env.invoke('leaveWorkspace', { sub: s.owner, pathParameters: path });
    expect(leave.status).toBe(409);
    const demote = await env.invoke('updateMember', {
      sub: s.owner,
      pathParameters: { ...path, userId: s.owner },
      body: { role: 'admin' },
    });
    expect(demote.status).toBe(409);
    const removeSelf = await env.invoke('removeMember', {
      sub: s.owner,
      pathParameters: { ...path, userId: s.owner },
    });
    expect(removeSelf.status).toBe(409);

    const promote = await env.invoke('updateMember', {
      sub: s.owner,
      pathParameters: { ...path, userId: s.admin },
      body: { role: 'owner' },
    });
    expect(promote.status).toBe(200);
    expect(
      (await env.invoke('leaveWorkspace', { sub: s.owner, pathParameters: path })).status,
    ).toBe(204);
    // Now the promoted admin is the last owner.
    expect(
      (await env.invoke('leaveWorkspace', { sub: s.admin, pathParameters: path })).status,
    ).toBe(409);
    expect((await env.invoke('getWorkspace', { sub: s.owner, pathParameters: path })).status).toBe(
      404,
    );
  });

  it('holds when two owners leave at once: exactly one of them goes', async () => {
    const owner = randomUUID();
    const other = randomUUID();
    const id = await createWorkspace(env, owner);
    await addMember(env, id, owner, other, 'owner');
    const answers = await Promise.all(
      [owner, other].map((sub) => env.invoke('leaveWorkspace', { sub, pathParameters: ws(id) })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409]);
  });
});

describe('workspace tasks', () => {
  it('have the Task shape plus workspace, assignee and creator; filter by status and assignee', async () => {
    const s = await workspaceScene(env);
    const path = ws(s.workspaceId);
    const t2 = await createWorkspaceTask(env, s.workspaceId, s.owner, {
      status: 'completed',
      assignee: s.admin,
    });
    const t3 = await createWorkspaceTask(env, s.workspaceId, s.admin, { title: 'third' });
    const all = await env.invoke('listWorkspaceTasks', { sub: s.member, pathParameters: path });
    expect(all.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([t3, t2, s.taskId]);
    expect(all.json.tasks[2]).toMatchObject({
      workspace_id: s.workspaceId,
      assignee: s.member,
      created_by: s.member,
      status: 'pending',
      version: 1,
    });
    const byStatus = await env.invoke('listWorkspaceTasks', {
      sub: s.member,
      pathParameters: path,
      query: { status: 'completed' },
    });
    expect(byStatus.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([t2]);
    const byAssignee = await env.invoke('listWorkspaceTasks', {
      sub: s.member,
      pathParameters: path,
      query: { assignee: s.member },
    });
    expect(byAssignee.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([s.taskId]);
    const paged = await env.invoke('listWorkspaceTasks', {
      sub: s.member,
      pathParameters: path,
      query: { limit: '2' },
    });
    expect(paged.json.count).toBe(2);
    const next = await env.invoke('listWorkspaceTasks', {
      sub: s.member,
      pathParameters: path,
      query: { limit: '2', cursor: paged.json.next_cursor },
    });
    expect(next.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([s.taskId]);
    expect(next.json.next_cursor).toBeUndefined();
  });

  it('assign only to active members (400), unassign with null, and honour If-Match', async () => {
    const s = await workspaceScene(env);
    const path = { ...ws(s.workspaceId), taskId: s.taskId };
    const stranger = await env.invoke('updateWorkspaceTask', {
      sub: s.member,
      pathParameters: path,
      body: { assignee: randomUUID() },
    });
    expect(stranger.status).toBe(400);
    expect(stranger.json.errors).toEqual([
      { path: '/body/assignee', message: 'is not an active member of this workspace' },
    ]);
    const create = await env.invoke('createWorkspaceTask', {
      sub: s.member,
      pathParameters: ws(s.workspaceId),
      body: { title: 't', assignee: s.invitee },
    });
    expect(create.status).toBe(400);
    const stale = await env.invoke('updateWorkspaceTask', {
      sub: s.member,
      pathParameters: path,
      headers: { 'If-Match': '"7"' },
      body: { assignee: null },
    });
    expect(stale.status).toBe(412);
    const unassigned = await env.invoke('updateWorkspaceTask', {
      sub: s.member,
      pathParameters: path,
      headers: { 'If-Match': '"1"' },
      body: { assignee: null, status: 'in_progress' },
    });
    expect(unassigned.status).toBe(200);
    expect(unassigned.json).toMatchObject({ assignee: null, status: 'in_progress', version: 2 });
    expect((await env.invoke('listMyAssignedTasks', { sub: s.member })).json.tasks).toEqual([]);
    const deleted = await env.invoke('deleteWorkspaceTask', {
      sub: s.admin,
      pathParameters: path,
      headers: { 'If-Match': '"2"' },
    });
    expect(deleted.status).toBe(204);
    expect(
      (await env.invoke('getWorkspaceTask', { sub: s.admin, pathParameters: path })).status,
    ).toBe(404);
  });

  it('lists the tasks assigned to me across workspaces, newest first', async () => {
    const me = randomUUID();
    const a = await createWorkspace(env, me, 'A');
    const b = await createWorkspace(env, randomUUID(), 'B');
    const bOwner = (await env.items()).find((i) => i.PK === `WS#${b}` && i.SK !== 'META')
      ?.user_id as string;
    await addMember(env, b, bOwner, me);
    const first = await createWorkspaceTask(env, a, me, { assignee: me });
    await createWorkspaceTask(env, a, me, { title: 'not mine' });
    const second = await createWorkspaceTask(env, b, bOwner, { assignee: me });
    const page = await env.invoke('listMyAssignedTasks', { sub: me, query: { limit: '1' } });
    expect(page.json.tasks.map((t: { task_id: string }) => t.task_id)).toEqual([second]);
    const rest = await env.invoke('listMyAssignedTasks', {
      sub: me,
      query: { limit: '1', cursor: page.json.next_cursor },
    });
    expect(
      rest.json.tasks.map((t: { task_id: string; workspace_id: string }) => [
        t.workspace_id,
        t.task_id,
      ]),
    ).toEqual([[a, first]]);
  });
});

describe('idempotent creates', () => {
  it('replays a workspace and a workspace task for the same key and body; 422 for another body', async () => {
    const owner = randomUUID();
    const key = { 'Idempotency-Key': randomUUID() };
    const one = await env.invoke('createWorkspace', {
      sub: owner,
      headers: key,
      body: { name: 'Same' },
    });
    const two = await env.invoke('createWorkspace', {
      sub: owner,
      headers: key,
      body: { name: 'Same' },
    });
    expect(two.status).toBe(201);
    expect(two.json.workspace_id).toBe(one.json.workspace_id);
    expect((await env.invoke('listWorkspaces', { sub: owner })).json.count).toBe(1);
    const other = await env.invoke('createWorkspace', {
      sub: owner,
      headers: key,
      body: { name: 'Else' },
    });
    expect(other.status).toBe(422);

    // The same key on POST /tasks is another key.
    const personal = await env.invoke('createTask', {
      sub: owner,
      headers: key,
      body: { title: 'p' },
    });
    expect(personal.status).toBe(201);

    const path = ws(one.json.workspace_id);
    const t1 = await env.invoke('createWorkspaceTask', {
      sub: owner,
      pathParameters: path,
      headers: key,
      body: { title: 't' },
    });
    const t2 = await env.invoke('createWorkspaceTask', {
      sub: owner,
      pathParameters: path,
      headers: key,
      body: { title: 't', status: 'pending', description: '', assignee: null },
    });
    expect(t2.json.task_id).toBe(t1.json.task_id);
    expect(
      (await env.invoke('listWorkspaceTasks', { sub: owner, pathParameters: path })).json.count,
    ).toBe(1);
  });
});
