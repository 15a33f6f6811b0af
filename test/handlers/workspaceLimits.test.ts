/**
 * The limits on what users create (docs/architecture.md#limits): each is a 409 with its own
 * problem type at the cap, exact under concurrent requests, and freed again by every path that
 * lowers its count (leave, remove, decline, revoke, a workspace's deletion).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataConfig } from '../../src/data/client.js';
import { TaskStore } from '../../src/data/tasks.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { emailOf } from '../support/workspaces.js';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

/** Requests through the handlers on a store with these limits. */
function limited(limits: Partial<DataConfig>) {
  const store = new TaskStore(env.doc, { tableName: env.tableName, shards: 10, ...limits });
  type Op = Parameters<HandlerEnv['invoke']>[0];
  const call = (op: Op, parts: Parameters<HandlerEnv['invoke']>[1]) =>
    env.invoke(op, parts, { store });
  return {
    store,
    call,
    async create(sub: string) {
      const res = await call('createWorkspace', { sub, body: { name: 'Team' } });
      expect(res.status, res.body).toBe(201);
      return res.json.workspace_id as string;
    },
    invite: (sub: string, workspaceId: string, invitee: string) =>
      call('inviteMember', {
        sub,
        pathParameters: { workspaceId },
        body: { email: emailOf(invitee) },
      }),
    accept: (sub: string, workspaceId: string) =>
      call('acceptInvitation', { sub, pathParameters: { workspaceId } }),
  };
}

const problem = (slug: string) => ({
  status: 409,
  json: expect.objectContaining({ type: `/docs#section/problem-types/${slug}`, status: 409 }),
});

/** Exactly `cap` of racing requests succeeded; every other one is the limit's 409. */
function expectExactly(cap: number, answers: { status: number }[], slug: string) {
  expect(answers.filter((a) => a.status === 201)).toHaveLength(cap);
  for (const a of answers.filter((a) => a.status !== 201)) expect(a).toMatchObject(problem(slug));
}

async function count(pk: string, sk: string, attribute: string) {
  const item = (await env.items()).find((i) => i.PK === pk && i.SK === sk);
  return Number(item?.[attribute] ?? 0);
}
const workspaces = (sub: string) => count(`USER#${sub}`, 'COUNT#WORKSPACES', 'workspace_count');
const invitations = (sub: string) =>
  count(`EMAIL#${emailOf(sub)}`, 'COUNT#INVITATIONS', 'invitation_count');
const members = (workspaceId: string) => count(`WS#${workspaceId}`, 'META', 'member_count');

describe('MAX_WORKSPACES_PER_USER', () => {
  it('refuses a create and an accept past the cap with workspace-limit-reached; leaving frees a slot', async () => {
    const api = limited({ maxWorkspacesPerUser: 2 });
    const [alice, bob] = [randomUUID(), randomUUID()];
    const [first] = [await api.create(alice), await api.create(alice)];
    const bobs = await api.create(bob);
    await api.invite(bob, bobs, alice);

    expect(await api.call('createWorkspace', { sub: alice, body: { name: 'x' } })).toMatchObject(
      problem('workspace-limit-reached'),
    );
    expect(await api.accept(alice, bobs)).toMatchObject(problem('workspace-limit-reached'));
    expect(await workspaces(alice)).toBe(2);

    await api.call('deleteWorkspace', { sub: alice, pathParameters: { workspaceId: first } });
    expect(await workspaces(alice)).toBe(1);
    expect((await api.accept(alice, bobs)).status).toBe(200);
    expect(await workspaces(alice)).toBe(2);
    await api.call('leaveWorkspace', { sub: alice, pathParameters: { workspaceId: bobs } });
    expect(await workspaces(alice)).toBe(1);
  });

  it('lets exactly the cap of concurrent creates succeed', async () => {
    const api = limited({ maxWorkspacesPerUser: 3 });
    const alice = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.call('createWorkspace', { sub: alice, body: { name: 'race' } }),
      ),
    );
    expectExactly(3, answers, 'workspace-limit-reached');
    expect(await workspaces(alice)).toBe(3);
  });
});

describe('MAX_MEMBERS_PER_WORKSPACE', () => {
  it('counts members and pending invitations; revoke, decline and remove free a slot', async () => {
    const api = limited({ maxMembersPerWorkspace: 3 });
    const [owner, a, b, c] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const workspaceId = await api.create(owner);
    expect((await api.invite(owner, workspaceId, a)).status).toBe(201);
    expect((await api.invite(owner, workspaceId, b)).status).toBe(201);
    expect(await api.invite(owner, workspaceId, c)).toMatchObject(problem('member-limit-reached'));
    expect(await members(workspaceId)).toBe(3);

    expect((await api.accept(a, workspaceId)).status).toBe(200);
    expect(await members(workspaceId)).toBe(3);
    await api.call('declineInvitation', { sub: b, pathParameters: { workspaceId } });
    expect(await members(workspaceId)).toBe(2);
    expect((await api.invite(owner, workspaceId, c)).status).toBe(201);
    await api.call('revokeInvitation', {
      sub: owner,
      pathParameters: { workspaceId, email: emailOf(c) },
    });
    await api.call('removeMember', { sub: owner, pathParameters: { workspaceId, userId: a } });
    expect(await members(workspaceId)).toBe(1);
  });

  it('lets exactly the cap of concurrent invitations succeed', async () => {
    const api = limited({ maxMembersPerWorkspace: 4 });
    const owner = randomUUID();
    const workspaceId = await api.create(owner);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => api.invite(owner, workspaceId, randomUUID())),
    );
    expectExactly(3, answers, 'member-limit-reached');
    expect(await members(workspaceId)).toBe(4);
  });
});

describe('MAX_PENDING_INVITATIONS_PER_EMAIL', () => {
  it('refuses a third invitation to one address; accept, decline, revoke and deletion free slots', async () => {
    const api = limited({ maxPendingInvitationsPerEmail: 2 });
    const invitee = randomUUID();
    const owners: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const ids: string[] = await Promise.all(owners.map((o) => api.create(o)));
    expect((await api.invite(owners[0] as string, ids[0] as string, invitee)).status).toBe(201);
    expect((await api.invite(owners[1] as string, ids[1] as string, invitee)).status).toBe(201);
    expect(await api.invite(owners[2] as string, ids[2] as string, invitee)).toMatchObject(
      problem('invitation-limit-reached'),
    );
    expect(await invitations(invitee)).toBe(2);

    await api.call('declineInvitation', {
      sub: invitee,
      pathParameters: { workspaceId: ids[0] as string },
    });
    expect(await invitations(invitee)).toBe(1);
    await api.call('deleteWorkspace', {
      sub: owners[1],
      pathParameters: { workspaceId: ids[1] as string },
    });
    expect(await invitations(invitee)).toBe(0);
    expect((await api.invite(owners[2] as string, ids[2] as string, invitee)).status).toBe(201);
    await api.call('revokeInvitation', {
      sub: owners[2],
      pathParameters: { workspaceId: ids[2] as string, email: emailOf(invitee) },
    });
    expect(await invitations(invitee)).toBe(0);
  });

  it('lets exactly the cap of concurrent invitations to one address succeed', async () => {
    const api = limited({ maxPendingInvitationsPerEmail: 3 });
    const invitee = randomUUID();
    const owners = Array.from({ length: 8 }, () => randomUUID());
    const ids = await Promise.all(owners.map((o) => api.create(o)));
    const answers = await Promise.all(
      owners.map((o, i) => api.invite(o, ids[i] as string, invitee)),
    );
    expectExactly(3, answers, 'invitation-limit-reached');
    expect(await invitations(invitee)).toBe(3);
  });
});

describe('the counts through every path that lowers them', () => {
  it("returns members' workspace counts and invitees' counts when a workspace is deleted, also in several batches", async () => {
    const api = limited({});
    const owner = randomUUID();
    const people = Array.from({ length: 14 }, () => randomUUID());
    const workspaceId = await api.create(owner);
    for (const p of people) await api.invite(owner, workspaceId, p);
    for (const p of people.slice(0, 7)) expect((await api.accept(p, workspaceId)).status).toBe(200);

    // One batch per request: the deletion resumes over several.
    const remove = () =>
      env.invoke(
        'deleteWorkspace',
        { sub: owner, pathParameters: { workspaceId } },
        { store: api.store, env: { WORKSPACE_DELETE_BATCHES: '1' } },
      );
    let res = await remove();
    for (let i = 0; res.status === 202 && i < 20; i++) res = await remove();
    expect(res.status).toBe(204);
    for (const p of [owner, ...people]) {
      expect([await workspaces(p), await invitations(p)]).toEqual([0, 0]);
    }
  });

  it("revokes a member's pending invitations when they leave, are removed or are demoted to member", async () => {
    const api = limited({});
    const owner = randomUUID();
    const [leaver, removed, demoted] = [randomUUID(), randomUUID(), randomUUID()];
    const admins = [leaver, removed, demoted];
    const workspaceId = await api.create(owner);
    for (const a of admins) {
      await api.call('inviteMember', {
        sub: owner,
        pathParameters: { workspaceId },
        body: { email: emailOf(a), role: 'admin' },
      });
      await api.accept(a, workspaceId);
    }
    const invitees: string[] = admins.map(() => randomUUID());
    for (const [i, a] of admins.entries()) {
      expect((await api.invite(a, workspaceId, invitees[i] as string)).status).toBe(201);
    }
    const ws = { workspaceId };
    await api.call('leaveWorkspace', { sub: leaver, pathParameters: ws });
    await api.call('removeMember', { sub: owner, pathParameters: { ...ws, userId: removed } });
    await api.call('updateMember', {
      sub: owner,
      pathParameters: { ...ws, userId: demoted },
      body: { role: 'member' },
    });

    for (const invitee of invitees) {
      expect(await invitations(invitee)).toBe(0);
      expect((await api.accept(invitee, workspaceId)).status).toBe(404);
    }
    // The owner and the demoted member are left.
    expect(await members(workspaceId)).toBe(2);
  });
});

describe('a verified e-mail claim longer than any address', () => {
  it.each(['acceptInvitation', 'declineInvitation', 'listMyInvitations'] as const)(
    '%s treats it as no verified address (never a 5xx)',
    async (op) => {
      const owner = randomUUID();
      const workspaceId = await limited({}).create(owner);
      const email = `${'x'.repeat(1100)}@example.com`;
      const res = await env.invoke(op, {
        sub: randomUUID(),
        email,
        pathParameters: op === 'listMyInvitations' ? undefined : { workspaceId },
      });
      expect(res.status).toBe(op === 'listMyInvitations' ? 200 : 404);
    },
  );
});
