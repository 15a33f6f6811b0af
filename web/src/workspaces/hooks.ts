/** The workspace data screens share: the caller's workspaces and invitations, one workspace, its members. */
import {
  type Invitation,
  LIMITS,
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
const MAX_PAGE = LIMITS.parameters.LimitQuery.maximum;

export interface Loaded<T> {
  value: T | undefined;
  error: string | undefined;
  /** The status of the API's problem when the load was refused (404: not, or no longer, a member). */
  refusal: number | undefined;
  reload: () => Promise<void>;
}

/** Loads on mount and whenever `load` changes (keep it stable with useCallback); a thrown problem is shown. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<number>();
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(undefined);
      setRefusal(undefined);
    } catch (err) {
      setValue(undefined);
      setError(failureMessage(err));
      setRefusal(err instanceof TaskApiProblemError ? err.problem.status : undefined);
    }
  }, [load]);
  useEffect(() => {
    setValue(undefined);
    setError(undefined);
    setRefusal(undefined);
    void reload();
  }, [reload]);
  return { value, error, refusal, reload };
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
      everyItem(api.paginate('listWorkspaces', { limit: MAX_PAGE })),
      everyItem(api.paginate('listMyInvitations', { limit: MAX_PAGE })),
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

/** Tells `onRemoved` once the workspace answers 404 (the API's word for "not a member"). */
export function useNotMember(
  workspace: Loaded<Workspace>,
  workspaceId: string,
  onRemoved: (workspaceId: string) => void,
): void {
  const gone = workspace.refusal === 404;
  useEffect(() => {
    if (gone) onRemoved(workspaceId);
  }, [gone, workspaceId]);
}

export function useMembers(api: TaskApiClient, workspaceId: string): Loaded<Member[]> {
  return useLoaded(
    useCallback(
      () => everyItem(api.paginate('listMembers', workspaceId, { limit: MAX_PAGE })),
      [api, workspaceId],
    ),
  );
}

/** How a member is named on screen: their address, else their user id. */
export const memberName = (member: Pick<Member, 'email' | 'user_id'>) =>
  member.email ?? member.user_id ?? 'unknown';
