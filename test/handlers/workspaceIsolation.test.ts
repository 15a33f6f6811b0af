/**
 * Tenant isolation (docs/architecture.md#workspaces): no request reaches another workspace's
 * items. Every workspace operation is sent as a non-member, as a removed member, with forged
 * workspace and task ids and with forged or foreign cursors; each is refused and the table is
 * unchanged.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePositionCursor } from '../../src/data/cursor.js';
import { userPk } from '../../src/data/keys.js';
import { containerList } from '../../src/data/listings.js';
import { WORKSPACE_ACTIONS } from '../../src/workspaces/policy.js';
import { type HandlerEnv, startHandlerEnv } from '../support/handlers.js';
import { UNKNOWN_ID } from '../support/tasks.js';
import {
  createWorkspace,
  createWorkspaceTask,
  goodRequest,
  type Scene,
  type WorkspaceOperationId,
  workspaceScene,
} from '../support/workspaces.js';

/** The one answer for every workspace the caller may not see, whatever the operation. */
const NOT_FOUND = 'no such workspace for this caller';

let env: HandlerEnv;
beforeAll(async () => {
  env = await startHandlerEnv();
});
afterAll(() => env.stop());

/** The operations on a workspace's own resource (its members' actions): each a 404 for an outsider. */
const SCOPED = WORKSPACE_ACTIONS;

/** The scene's request for `op`, sent by `sub` instead. */
const as = (op: WorkspaceOperationId, scene: Scene, sub: string) => ({
  ...goodRequest(op, scene),
  sub,
});

async function unchanged(run: () => Promise<void>) {
  const before = await env.items();
  await run();
  expect(await env.items()).toEqual(before);
}

describe('a non-member', () => {
  it.each(SCOPED.map((op) => ({ op })))('gets 404 from $op and changes nothing', async ({ op }) => {
    const scene = await workspaceScene(env);
    await unchanged(async () => {
      const res = await env.invoke(op, as(op, scene, randomUUID()));
      expect(res.status).toBe(404);
      expect(res.json.detail).toBe(NOT_FOUND);
    });
  });

  it.each([...SCOPED, 'acceptInvitation', 'declineInvitation'].map((op) => ({ op })))(
    'answers $op for a workspace that exists exactly as for a made-up id (only instance differs)',
    async ({ op }) => {
      const scene = await workspaceScene(env);
      const outsider = randomUUID();
      const parts = as(op as WorkspaceOperationId, scene, outsider);
      const real = await env.invoke(op as WorkspaceOperationId, parts);
      const forged = await env.invoke(op as WorkspaceOperationId, {
        ...parts,
        pathParameters: { ...parts.pathParameters, workspaceId: UNKNOWN_ID },
      });
      const { instance: _real, ...realBody } = real.json;
      const { instance: _forged, ...forgedBody } = forged.json;
      expect(realBody).toEqual(forgedBody);
      expect(realBody).toEqual({
        type: '/docs#section/problem-types/not-found',
        title: 'Not Found',
        status: 404,
        detail: NOT_FOUND,
      });
      expect(real.status).toBe(forged.status);
    },
  );

  it("sees none of it in their own lists, and cannot accept or decline someone else's invitation", async () => {
    const scene = await workspaceScene(env);
    const outsider = randomUUID();
    await createWorkspace(env, outsider, 'Mine');
    const lists = await Promise.all([
      env.invoke('listWorkspaces', { sub: outsider }),
      env.invoke('listMyAssignedTasks', { sub: outsider }),
      env.invoke('listMyInvitations', { sub: outsider }),
    ]);
    expect(JSON.stringify(lists.map((l) => l.json))).not.toContain(scene.workspaceId);
    await unchanged(async () => {
      for (const op of ['acceptInvitation', 'declineInvitation'] as const) {
        expect((await env.invoke(op, as(op, scene, outsider))).status).toBe(404);
      }
    });
  });
});

describe('a removed member', () => {
  it.each(SCOPED.map((op) => ({ op })))(
    'gets 404 from $op on their next request',
    async ({ op }) => {
      const scene = await workspaceScene(env);
      const removed = await env.invoke('removeMember', {
        sub: scene.owner,
        pathParameters: { workspaceId: scene.workspaceId, userId: scene.member },
      });
      expect(removed.status).toBe(204);
      await unchanged(async () => {
        expect((await env.invoke(op, as(op, scene, scene.member))).status).toBe(404);
      });
    },
  );

  it('keeps their tasks in the workspace, and no longer sees them as assigned to them', async () => {
    const scene = await workspaceScene(env);
    await env.invoke('removeMember', {
      sub: scene.admin,
      pathParameters: { workspaceId: scene.workspaceId, userId: scene.member },
    });
    const task = await env.invoke('getWorkspaceTask', {
      sub: scene.owner,
      pathParameters: { workspaceId: scene.workspaceId, taskId: scene.taskId },
    });
    expect(task.json).toMatchObject({ created_by: scene.member, assignee: scene.member });
    expect((await env.invoke('listMyAssignedTasks', { sub: scene.member })).json.tasks).toEqual([]);
    expect((await env.invoke('listWorkspaces', { sub: scene.member })).json.workspaces).toEqual([]);
  });
});

describe('forged ids', () => {
  it('never reach a task of another workspace, even as a member of both', async () => {
    const a = await workspaceScene(env);
    const b = await createWorkspace(env, a.owner, 'B');
    const foreignTask = await createWorkspaceTask(env, b, a.owner);
    await unchanged(async () => {
      for (const op of [
        'getWorkspaceTask',
        'updateWorkspaceTask',
        'deleteWorkspaceTask',
      ] as const) {
        const parts = goodRequest(op, a);
        const res = await env.invoke(op, {
          ...parts,
          sub: a.owner,
          pathParameters: { workspaceId: a.workspaceId, taskId: foreignTask },
        });
        expect([op, res.status]).toEqual([op, 404]);
      }
    });
  });

  it('refuses ids that are not ULIDs and user ids with key separators (400)', async () => {
    const scene = await workspaceScene(env);
    for (const workspaceId of ['WS#x', '../META', `${scene.workspaceId}#TASK`]) {
      const res = await env.invoke('getWorkspace', {
        sub: scene.owner,
        pathParameters: { workspaceId },
      });
      expect(res.status).toBe(400);
    }
    const res = await env.invoke('removeMember', {
      sub: scene.owner,
      pathParameters: { workspaceId: scene.workspaceId, userId: 'x#META' },
    });
    expect(res.status).toBe(400);
  });
});

describe('forged and foreign cursors', () => {
  it('are refused with 400 on every workspace listing', async () => {
    const scene = await workspaceScene(env);
    const other = await workspaceScene(env);
    await createWorkspaceTask(env, scene.workspaceId, scene.member);
    await createWorkspaceTask(env, other.workspaceId, other.member);
    const path = { workspaceId: scene.workspaceId };
    const page = (sub: string, workspaceId: string) =>
      env.invoke('listWorkspaceTasks', {
        sub,
        pathParameters: { workspaceId },
        query: { limit: '1' },
      });
    const own = (await page(scene.member, scene.workspaceId)).json.next_cursor as string;
    const foreignWorkspace = (await page(other.member, other.workspaceId)).json
      .next_cursor as string;
    const cursors = {
      'another workspace (its own member)': foreignWorkspace,
      'another caller': (await page(scene.owner, scene.workspaceId)).json.next_cursor as string,
      'a personal listTasks cursor': encodePositionCursor(
        [scene.taskId],
        scene.member,
        containerList(userPk(scene.member), {}),
      ),
      'a forged position in another list': encodePositionCursor([scene.taskId], scene.member, 'x'),
      garbage: 'bm90LWEtY3Vyc29y',
    };
    for (const [name, cursor] of Object.entries(cursors)) {
      const res = await env.invoke('listWorkspaceTasks', {
        sub: scene.member,
        pathParameters: path,
        query: { cursor },
      });
      expect([name, res.status, res.json.errors?.[0]?.path]).toEqual([name, 400, '/query/cursor']);
    }
    // Bound to the filter too.
    const filtered = await env.invoke('listWorkspaceTasks', {
      sub: scene.member,
      pathParameters: path,
      query: { cursor: own, status: 'pending' },
    });
    expect(filtered.status).toBe(400);
    for (const op of [
      'listMembers',
      'listWorkspaces',
      'listMyAssignedTasks',
      'listMyInvitations',
    ] as const) {
      const res = await env.invoke(op, {
        sub: scene.member,
        ...(op === 'listMembers' ? { pathParameters: path } : {}),
        query: { cursor: own },
      });
      expect([op, res.status]).toEqual([op, 400]);
    }
  });
});
