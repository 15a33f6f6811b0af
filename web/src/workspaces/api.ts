/**
 * The workspace operations of openapi.yaml as the board calls them: the SDK's typed `raw`
 * client (same auth, retries and timeouts), each answer as the SDK's `{ data } | { error }`.
 */
import type { components, Problem, TaskApiClient, TaskApiResult } from '@task-api/sdk';

type Schemas = components['schemas'];
export type Workspace = Schemas['Workspace'];
export type WorkspaceRole = Schemas['WorkspaceRole'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type WorkspaceTask = Schemas['WorkspaceTask'];
export type WorkspaceTaskCreate = Schemas['WorkspaceTaskCreate'];
export type WorkspaceTaskUpdate = Schemas['WorkspaceTaskUpdate'];
export type WorkspaceTaskList = Schemas['WorkspaceTaskList'];

/** The largest page the contract allows: a workspace's members and a person's workspaces fit. */
export const MAX_PAGE = 100;

type Answer<T> = { data?: T; error?: Problem; response: Response };

async function settle<T>(call: Promise<Answer<T>>): Promise<TaskApiResult<T>> {
  const { data, error, response } = await call;
  if (error !== undefined) return { error, response };
  return { data: data as T, response };
}

const page = (cursor: string | undefined, limit = MAX_PAGE) => ({
  limit,
  ...(cursor ? { cursor } : {}),
});

export type WorkspaceApi = ReturnType<typeof workspaceApi>;

export function workspaceApi(api: TaskApiClient) {
  const { raw } = api;
  const ws = (workspaceId: string) => ({ path: { workspaceId } });
  return {
    listWorkspaces: (cursor?: string) =>
      settle(raw.GET('/workspaces', { params: { query: page(cursor) } })),
    createWorkspace: (name: string, idempotencyKey: string) =>
      settle(
        raw.POST('/workspaces', {
          body: { name },
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
    getWorkspace: (workspaceId: string) =>
      settle(raw.GET('/workspaces/{workspaceId}', { params: ws(workspaceId) })),
    renameWorkspace: (workspaceId: string, name: string) =>
      settle(raw.PATCH('/workspaces/{workspaceId}', { params: ws(workspaceId), body: { name } })),
    deleteWorkspace: (workspaceId: string) =>
      settle(raw.DELETE('/workspaces/{workspaceId}', { params: ws(workspaceId) })),

    listMembers: (workspaceId: string, cursor?: string) =>
      settle(
        raw.GET('/workspaces/{workspaceId}/members', {
          params: { ...ws(workspaceId), query: page(cursor) },
        }),
      ),
    inviteMember: (workspaceId: string, email: string, role: WorkspaceRole) =>
      settle(
        raw.POST('/workspaces/{workspaceId}/members', {
          params: ws(workspaceId),
          body: { email, role },
        }),
      ),
    updateMember: (workspaceId: string, userId: string, role: WorkspaceRole) =>
      settle(
        raw.PATCH('/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
          body: { role },
        }),
      ),
    removeMember: (workspaceId: string, userId: string) =>
      settle(
        raw.DELETE('/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
        }),
      ),
    revokeInvitation: (workspaceId: string, email: string) =>
      settle(
        raw.DELETE('/workspaces/{workspaceId}/invitations/{email}', {
          params: { path: { workspaceId, email } },
        }),
      ),
    leaveWorkspace: (workspaceId: string) =>
      settle(raw.POST('/workspaces/{workspaceId}/leave', { params: ws(workspaceId) })),

    listTasks: (
      workspaceId: string,
      query: { status?: Schemas['TaskStatus']; assignee?: string; limit: number; cursor?: string },
    ) =>
      settle(raw.GET('/workspaces/{workspaceId}/tasks', { params: { ...ws(workspaceId), query } })),
    createTask: (workspaceId: string, body: WorkspaceTaskCreate, idempotencyKey: string) =>
      settle(
        raw.POST('/workspaces/{workspaceId}/tasks', {
          params: { ...ws(workspaceId), header: { 'Idempotency-Key': idempotencyKey } },
          body,
        }),
      ),
    getTask: (workspaceId: string, taskId: string) =>
      settle(
        raw.GET('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId } },
        }),
      ),
    updateTask: (workspaceId: string, taskId: string, body: WorkspaceTaskUpdate, ifMatch: string) =>
      settle(
        raw.PATCH('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId }, header: { 'If-Match': ifMatch } },
          body,
        }),
      ),
    deleteTask: (workspaceId: string, taskId: string, ifMatch: string) =>
      settle(
        raw.DELETE('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId }, header: { 'If-Match': ifMatch } },
        }),
      ),

    listAssignedToMe: (limit: number, cursor?: string) =>
      settle(raw.GET('/me/assigned-tasks', { params: { query: page(cursor, limit) } })),
    listMyInvitations: (cursor?: string) =>
      settle(raw.GET('/me/invitations', { params: { query: page(cursor) } })),
    acceptInvitation: (workspaceId: string) =>
      settle(raw.POST('/me/invitations/{workspaceId}', { params: ws(workspaceId) })),
    declineInvitation: (workspaceId: string) =>
      settle(raw.DELETE('/me/invitations/{workspaceId}', { params: ws(workspaceId) })),
  };
}

/** Every page of a listing (members, workspaces, invitations), or the first problem met. */
export async function allPages<P extends { next_cursor?: string }, T>(
  load: (cursor: string | undefined) => Promise<TaskApiResult<P>>,
  items: (page: P) => T[],
): Promise<TaskApiResult<T[]>> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await load(cursor);
    if (result.error) return result;
    out.push(...items(result.data));
    cursor = result.data.next_cursor;
    if (cursor === undefined) return { data: out, response: result.response };
  }
}
