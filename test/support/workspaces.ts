/** Workspace factories for handler tests: members by invitation, tasks, and each operation's request. */
import { randomUUID } from 'node:crypto';
import type { Env } from '../../src/config/index.js';
import { OPERATIONS, type Operation } from '../../src/contract/operations.generated.js';
import type { DataConfig } from '../../src/data/client.js';
import { TaskStore } from '../../src/data/tasks.js';
import type { WorkspaceRole } from '../../src/workspaces/policy.js';
import type { EventParts } from './events.js';
import type { HandlerEnv, OperationId } from './handlers.js';
import { UNKNOWN_ID } from './tasks.js';

type Parts = Omit<EventParts, 'method' | 'resource'>;

/** A request that provokes a status, and the function environment it needs for it. */
export interface Provoked {
  parts: Parts;
  env?: Env;
  /** A store whose limits make the request a 409. */
  store?: TaskStore;
}

/** The address the event factory gives `sub` (verified): `<sub>@example.com`. */
export const emailOf = (sub: string) => `${sub}@example.com`;

export async function createWorkspace(env: HandlerEnv, owner: string, name = 'Team') {
  const res = await env.invoke('createWorkspace', { sub: owner, body: { name } });
  if (res.status !== 201) throw new Error(`createWorkspace: ${res.status} ${res.body}`);
  return res.json.workspace_id as string;
}

/** Invites `sub` as `role` (by `by`, an owner by default) and accepts as `sub`. */
export async function addMember(
  env: HandlerEnv,
  workspaceId: string,
  by: string,
  sub: string,
  role: WorkspaceRole = 'member',
) {
  const invited = await env.invoke('inviteMember', {
    sub: by,
    pathParameters: { workspaceId },
    body: { email: emailOf(sub), role },
  });
  if (invited.status !== 201) throw new Error(`inviteMember: ${invited.status} ${invited.body}`);
  const accepted = await env.invoke('acceptInvitation', { sub, pathParameters: { workspaceId } });
  if (accepted.status !== 200)
    throw new Error(`acceptInvitation: ${accepted.status} ${accepted.body}`);
}

export async function createWorkspaceTask(
  env: HandlerEnv,
  workspaceId: string,
  sub: string,
  body: Record<string, unknown> = {},
) {
  const res = await env.invoke('createWorkspaceTask', {
    sub,
    pathParameters: { workspaceId },
    body: { title: 'Shared task', ...body },
  });
  if (res.status !== 201) throw new Error(`createWorkspaceTask: ${res.status} ${res.body}`);
  return res.json.task_id as string;
}

type Tagged = Extract<Operation, { tags: readonly ['workspaces'] }>;
/** The operations openapi.yaml tags `workspaces`. */
export const WORKSPACE_OPERATIONS: readonly WorkspaceOperationId[] = OPERATIONS.filter(
  (op): op is Tagged => (op.tags as readonly string[]).includes('workspaces'),
).map((op) => op.operationId);
export type WorkspaceOperationId = Tagged['operationId'];

export const isWorkspaceOperation = (id: OperationId): id is WorkspaceOperationId =>
  (WORKSPACE_OPERATIONS as readonly string[]).includes(id);

/**
 * A fresh workspace with an owner, an admin, a member, a task and an invitation, and a request
 * of `operationId` that succeeds when sent as `as` (the owner unless the operation is the
 * member's own: leave, accept, decline).
 */
export async function workspaceScene(env: HandlerEnv) {
  const owner = randomUUID();
  const admin = randomUUID();
  const member = randomUUID();
  const invitee = randomUUID();
  const workspaceId = await createWorkspace(env, owner);
  await addMember(env, workspaceId, owner, admin, 'admin');
  await addMember(env, workspaceId, owner, member, 'member');
  const invited = await env.invoke('inviteMember', {
    sub: owner,
    pathParameters: { workspaceId },
    body: { email: emailOf(invitee) },
  });
  if (invited.status !== 201) throw new Error(`inviteMember: ${invited.status}`);
  const taskId = await createWorkspaceTask(env, workspaceId, member, { assignee: member });
  return { owner, admin, member, invitee, workspaceId, taskId };
}

export type Scene = Awaited<ReturnType<typeof workspaceScene>>;

/** A request of each workspace operation that succeeds in `scene`. */
export function goodRequest(operationId: WorkspaceOperationId, s: Scene): Parts {
  const ws = { workspaceId: s.workspaceId };
  const task = { ...ws, taskId: s.taskId };
  const requests: Record<WorkspaceOperationId, Parts> = {
    createWorkspace: { sub: s.owner, body: { name: 'Another team' } },
    listWorkspaces: { sub: s.owner },
    getWorkspace: { sub: s.owner, pathParameters: ws },
    renameWorkspace: { sub: s.owner, pathParameters: ws, body: { name: 'Renamed' } },
    deleteWorkspace: { sub: s.owner, pathParameters: ws },
    inviteMember: { sub: s.owner, pathParameters: ws, body: { email: `${randomUUID()}@x.test` } },
    listMembers: { sub: s.owner, pathParameters: ws },
    updateMember: {
      sub: s.owner,
      pathParameters: { ...ws, userId: s.member },
      body: { role: 'admin' },
    },
    removeMember: { sub: s.owner, pathParameters: { ...ws, userId: s.member } },
    revokeInvitation: { sub: s.owner, pathParameters: { ...ws, email: emailOf(s.invitee) } },
    leaveWorkspace: { sub: s.member, pathParameters: ws },
    createWorkspaceTask: { sub: s.member, pathParameters: ws, body: { title: 't' } },
    listWorkspaceTasks: { sub: s.member, pathParameters: ws },
    getWorkspaceTask: { sub: s.member, pathParameters: task },
    updateWorkspaceTask: { sub: s.member, pathParameters: task, body: { title: 'x' } },
    deleteWorkspaceTask: { sub: s.member, pathParameters: task },
    listMyAssignedTasks: { sub: s.member },
    listMyInvitations: { sub: s.invitee },
    acceptInvitation: { sub: s.invitee, pathParameters: ws },
    declineInvitation: { sub: s.invitee, pathParameters: ws },
  };
  return requests[operationId];
}

/** A task whose completion creates its next occurrence. */
export const RECURRING = { due: { date: '2026-12-24' }, recurrence: 'FREQ=WEEKLY' };

/** A store whose limits the request's caller (or workspace) is already at. */
const atLimit = (env: HandlerEnv, limits: Partial<DataConfig>) =>
  new TaskStore(env.doc, { tableName: env.tableName, shards: 10, ...limits });

/** The 409s that are a limit: a store whose limit the scene already fills. */
const LIMITED: Partial<
  Record<WorkspaceOperationId, (env: HandlerEnv, scene: Scene) => Promise<TaskStore>>
> = {
  // The owner belongs to the scene's workspace.
  createWorkspace: async (env) => atLimit(env, { maxWorkspacesPerUser: 1 }),
  acceptInvitation: async (env, scene) => {
    await createWorkspace(env, scene.invitee);
    return atLimit(env, { maxWorkspacesPerUser: 1 });
  },
  // The scene's workspace holds a task.
  createWorkspaceTask: async (env) => atLimit(env, { maxTasksPerWorkspace: 1 }),
};

/**
 * The same request with the statuses' usual causes: `status` 400 (a bad id or body), 403 (sent
 * by a plain member), 404 (a workspace nobody is in), 409 (the owner, the last one, leaving or
 * being demoted; an address invited twice), 202 (a deletion bounded to one batch by its
 * function's `WORKSPACE_DELETE_BATCHES`), 412 (a stale If-Match), 413, 415, 422.
 */
export async function provokeWorkspace(
  env: HandlerEnv,
  operationId: WorkspaceOperationId,
  status: number,
): Promise<Provoked> {
  const scene = await workspaceScene(env);
  const parts: Parts = { ...goodRequest(operationId, scene) };
  const path = parts.pathParameters ? { ...parts.pathParameters } : undefined;
  switch (status) {
    case 400:
      if (path?.workspaceId) parts.pathParameters = { ...path, workspaceId: 'bad' };
      else if (parts.body) parts.body = { name: '' };
      else parts.query = { limit: '0' };
      break;
    case 401:
      delete parts.sub;
      break;
    case 403:
      parts.sub = scene.member;
      // A member removing someone else (removing oneself is leaving).
      if (operationId === 'removeMember') parts.pathParameters = { ...path, userId: scene.admin };
      break;
    case 404:
      parts.pathParameters = { ...path, workspaceId: UNKNOWN_ID };
      break;
    case 409:
      // A recurring task's completion makes its next occurrence: a create, at the cap here.
      if (operationId === 'updateWorkspaceTask') {
        const taskId = await createWorkspaceTask(env, scene.workspaceId, scene.member, RECURRING);
        parts.pathParameters = { ...path, taskId };
        parts.body = { status: 'completed' };
        return { parts, store: atLimit(env, { maxTasksPerWorkspace: 2 }) };
      }
      if (LIMITED[operationId]) {
        return { parts, store: await LIMITED[operationId](env, scene) };
      }
      if (operationId === 'inviteMember') parts.body = { email: emailOf(scene.invitee) };
      else if (operationId === 'leaveWorkspace') parts.sub = scene.owner;
      else parts.pathParameters = { ...path, userId: scene.owner };
      if (operationId === 'updateMember') parts.body = { role: 'member' };
      break;
    case 202:
      // One batch per request: the first DELETE leaves the workspace's record for the next.
      return { parts, env: { WORKSPACE_DELETE_BATCHES: '1' } };
    case 412:
      parts.headers = { 'If-Match': '"99"' };
      break;
    case 413:
      parts.body = { title: 'x'.repeat(40_000) };
      break;
    case 415:
      parts.headers = { 'Content-Type': 'text/plain' };
      parts.body = 'x';
      break;
    case 422: {
      const key = { 'Idempotency-Key': randomUUID() };
      await env.invoke(operationId, { ...parts, headers: key });
      parts.headers = key;
      parts.body = operationId === 'createWorkspace' ? { name: 'different' } : { title: 'other' };
      break;
    }
  }
  return { parts };
}
