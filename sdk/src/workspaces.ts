/** The workspace operations of the typed client (openapi.yaml, tag `workspaces`), on the same openapi-fetch client. */
import type { Client } from 'openapi-fetch';
import type { components, operations, paths } from '../../src/contract/api.generated.js';
import { plain, withEtag } from './results.js';
import type { CallOptions, ConditionalOptions, CreateTaskOptions } from './types.js';

type Schemas = components['schemas'];
export type Workspace = Schemas['Workspace'];
export type WorkspaceRole = Schemas['WorkspaceRole'];
export type WorkspaceList = Schemas['WorkspaceList'];
export type Member = Schemas['Member'];
export type MemberList = Schemas['MemberList'];
export type Invitation = Schemas['Invitation'];
export type InvitationList = Schemas['InvitationList'];
export type WorkspaceTask = Schemas['WorkspaceTask'];
export type WorkspaceTaskList = Schemas['WorkspaceTaskList'];
export type WorkspaceTaskCreate = Schemas['WorkspaceTaskCreate'];
export type WorkspaceTaskUpdate = Schemas['WorkspaceTaskUpdate'];
export type PageQuery = { limit?: number; cursor?: string };
export type ListWorkspaceTasksQuery = NonNullable<
  operations['listWorkspaceTasks']['parameters']['query']
>;

export function workspaceMethods(raw: Client<paths>, newIdempotencyKey: () => string) {
  const ws = (workspaceId: string) => ({ path: { workspaceId } });

  const api = {
    /** POST /workspaces: the caller becomes its owner. */
    createWorkspace: async (
      body: Schemas['WorkspaceCreate'],
      { idempotencyKey, signal }: CreateTaskOptions = {},
    ) =>
      withEtag(
        await raw.POST('/workspaces', {
          body,
          params: { header: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() } },
          signal,
        }),
      ),
    /** GET /workspaces: the caller's workspaces. */
    listWorkspaces: async (query: PageQuery = {}, { signal }: CallOptions = {}) =>
      plain(await raw.GET('/workspaces', { params: { query }, signal })),
    getWorkspace: async (workspaceId: string, { signal }: CallOptions = {}) =>
      withEtag(await raw.GET('/workspaces/{workspaceId}', { params: ws(workspaceId), signal })),
    renameWorkspace: async (
      workspaceId: string,
      name: string,
      { ifMatch, signal }: ConditionalOptions = {},
    ) =>
      withEtag(
        await raw.PATCH('/workspaces/{workspaceId}', {
          params: { ...ws(workspaceId), header: { 'If-Match': ifMatch } },
          body: { name },
          signal,
        }),
      ),
    /** DELETE /workspaces/{id}: `done` false (202) means call again to continue. */
    deleteWorkspace: async (workspaceId: string, { signal }: CallOptions = {}) => {
      const result = plain(
        await raw.DELETE('/workspaces/{workspaceId}', { params: ws(workspaceId), signal }),
      );
      return result.error ? result : { ...result, data: { done: result.response.status === 204 } };
    },
    inviteMember: async (
      workspaceId: string,
      body: Schemas['MemberInvite'],
      { signal }: CallOptions = {},
    ) =>
      withEtag(
        await raw.POST('/workspaces/{workspaceId}/members', {
          params: ws(workspaceId),
          body,
          signal,
        }),
      ),
    listMembers: async (workspaceId: string, query: PageQuery = {}, { signal }: CallOptions = {}) =>
      plain(
        await raw.GET('/workspaces/{workspaceId}/members', {
          params: { ...ws(workspaceId), query },
          signal,
        }),
      ),
    updateMember: async (
      workspaceId: string,
      userId: string,
      role: WorkspaceRole,
      { ifMatch, signal }: ConditionalOptions = {},
    ) =>
      withEtag(
        await raw.PATCH('/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId }, header: { 'If-Match': ifMatch } },
          body: { role },
          signal,
        }),
      ),
    removeMember: async (workspaceId: string, userId: string, { signal }: CallOptions = {}) =>
      plain(
        await raw.DELETE('/workspaces/{workspaceId}/members/{userId}', {
          params: { path: { workspaceId, userId } },
          signal,
        }),
      ),
    revokeInvitation: async (workspaceId: string, email: string, { signal }: CallOptions = {}) =>
      plain(
        await raw.DELETE('/workspaces/{workspaceId}/invitations/{email}', {
          params: { path: { workspaceId, email } },
          signal,
        }),
      ),
    leaveWorkspace: async (workspaceId: string, { signal }: CallOptions = {}) =>
      plain(await raw.POST('/workspaces/{workspaceId}/leave', { params: ws(workspaceId), signal })),
    createWorkspaceTask: async (
      workspaceId: string,
      body: WorkspaceTaskCreate,
      { idempotencyKey, signal }: CreateTaskOptions = {},
    ) =>
      withEtag(
        await raw.POST('/workspaces/{workspaceId}/tasks', {
          params: {
            ...ws(workspaceId),
            header: { 'Idempotency-Key': idempotencyKey ?? newIdempotencyKey() },
          },
          body,
          signal,
        }),
      ),
    listWorkspaceTasks: async (
      workspaceId: string,
      query: ListWorkspaceTasksQuery = {},
      { signal }: CallOptions = {},
    ) =>
      plain(
        await raw.GET('/workspaces/{workspaceId}/tasks', {
          params: { ...ws(workspaceId), query },
          signal,
        }),
      ),
    getWorkspaceTask: async (workspaceId: string, taskId: string, { signal }: CallOptions = {}) =>
      withEtag(
        await raw.GET('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId } },
          signal,
        }),
      ),
    updateWorkspaceTask: async (
      workspaceId: string,
      taskId: string,
      body: WorkspaceTaskUpdate,
      { ifMatch, signal }: ConditionalOptions = {},
    ) =>
      withEtag(
        await raw.PATCH('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId }, header: { 'If-Match': ifMatch } },
          body,
          signal,
        }),
      ),
    deleteWorkspaceTask: async (
      workspaceId: string,
      taskId: string,
      { ifMatch, signal }: ConditionalOptions = {},
    ) =>
      plain(
        await raw.DELETE('/workspaces/{workspaceId}/tasks/{taskId}', {
          params: { path: { workspaceId, taskId }, header: { 'If-Match': ifMatch } },
          signal,
        }),
      ),
    listMyAssignedTasks: async (query: PageQuery = {}, { signal }: CallOptions = {}) =>
      plain(await raw.GET('/me/assigned-tasks', { params: { query }, signal })),
    listMyInvitations: async (query: PageQuery = {}, { signal }: CallOptions = {}) =>
      plain(await raw.GET('/me/invitations', { params: { query }, signal })),
    acceptInvitation: async (workspaceId: string, { signal }: CallOptions = {}) =>
      withEtag(
        await raw.POST('/me/invitations/{workspaceId}', { params: ws(workspaceId), signal }),
      ),
    declineInvitation: async (workspaceId: string, { signal }: CallOptions = {}) =>
      plain(await raw.DELETE('/me/invitations/{workspaceId}', { params: ws(workspaceId), signal })),
  };

  return api;
}
