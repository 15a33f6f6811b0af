/** The workspace data screens share: the caller's workspaces and invitations, one workspace, its members. */
import type { TaskApiResult } from '@task-api/sdk';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { failureMessage, problemMessage } from '../ui/problems.js';
import {
  allPages,
  type Invitation,
  type Member,
  type Workspace,
  type WorkspaceApi,
} from './api.js';

export interface Loaded<T> {
  value: T | undefined;
  error: string | undefined;
  reload: () => Promise<void>;
  set: (value: T) => void;
}

/** Loads on mount and whenever `load` changes (keep it stable with useCallback). */
export function useLoaded<T>(load: () => Promise<TaskApiResult<T>>): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      const result = await load();
      if (result.error) {
        setError(problemMessage(result.error));
        setValue(undefined);
      } else {
        setError(undefined);
        setValue(result.data);
      }
    } catch (err) {
      setError(failureMessage(err));
    }
  }, [load]);
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
    void reload();
  }, [reload]);
  return { value, error, reload, set: setValue };
}

export interface MyWorkspaces {
  workspaces: Workspace[];
  invitations: Invitation[];
}

export function useMyWorkspaces(wapi: WorkspaceApi): Loaded<MyWorkspaces> {
  const load = useCallback(async (): Promise<TaskApiResult<MyWorkspaces>> => {
    const [workspaces, invitations] = await Promise.all([
      allPages(wapi.listWorkspaces, (p) => p.workspaces),
      allPages(wapi.listMyInvitations, (p) => p.invitations),
    ]);
    if (workspaces.error) return workspaces;
    if (invitations.error) return invitations;
    return {
      data: { workspaces: workspaces.data, invitations: invitations.data },
      response: invitations.response,
    };
  }, [wapi]);
  return useLoaded(load);
}

export function useWorkspace(wapi: WorkspaceApi, workspaceId: string): Loaded<Workspace> {
  return useLoaded(useCallback(() => wapi.getWorkspace(workspaceId), [wapi, workspaceId]));
}

export function useMembers(wapi: WorkspaceApi, workspaceId: string): Loaded<Member[]> {
  return useLoaded(
    useCallback(
      () =>
        allPages(
          (cursor) => wapi.listMembers(workspaceId, cursor),
          (p) => p.members,
        ),
      [wapi, workspaceId],
    ),
  );
}

/** How a member is named on screen: their address, else their user id. */
export const memberName = (member: Pick<Member, 'email' | 'user_id'>) =>
  member.email ?? member.user_id ?? 'unknown';
