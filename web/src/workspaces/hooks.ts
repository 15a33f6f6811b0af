/** The workspace data screens share: the caller's workspaces and invitations, one workspace, its members. */
import {
  type Invitation,
  type Member,
  type TaskApiClient,
  TaskApiProblemError,
  type TaskApiResult,
  type Workspace,
} from '@task-api/sdk';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { everyItem } from '../everyItem.js';
import { failureMessage } from '../ui/problems.js';

/** The contract's largest page: a person's workspaces and a workspace's members in few requests. */
const MAX_PAGE = 100;

export interface Loaded<T> {
  value: T | undefined;
  error: string | undefined;
  reload: () => Promise<void>;
}

/** Loads on mount and whenever `load` changes (keep it stable with useCallback); a thrown problem is shown. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(undefined);
    } catch (err) {
      setValue(undefined);
      setError(failureMessage(err));
    }
  }, [load]);
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
    void reload();
  }, [reload]);
  return { value, error, reload };
}

function unwrap<T>(result: TaskApiResult<T>): T {
  if (result.error) throw new TaskApiProblemError(result.error, result.response);
  return result.data;
}

export interface MyWorkspaces {
  workspaces: Workspace[];
  invitations: Invitation[];
}

export function useMyWorkspaces(api: TaskApiClient): Loaded<MyWorkspaces> {
  const load = useCallback(async () => {
    const [workspaces, invitations] = await Promise.all([
      everyItem(api, 'listWorkspaces', { limit: MAX_PAGE }),
      everyItem(api, 'listMyInvitations', { limit: MAX_PAGE }),
    ]);
    return { workspaces, invitations };
  }, [api]);
  return useLoaded(load);
}

export function useWorkspace(api: TaskApiClient, workspaceId: string): Loaded<Workspace> {
  return useLoaded(
    useCallback(async () => unwrap(await api.getWorkspace(workspaceId)), [api, workspaceId]),
  );
}

export function useMembers(api: TaskApiClient, workspaceId: string): Loaded<Member[]> {
  return useLoaded(
    useCallback(
      () => everyItem(api, 'listMembers', workspaceId, { limit: MAX_PAGE }),
      [api, workspaceId],
    ),
  );
}

/** How a member is named on screen: their address, else their user id. */
export const memberName = (member: Pick<Member, 'email' | 'user_id'>) =>
  member.email ?? member.user_id ?? 'unknown';
