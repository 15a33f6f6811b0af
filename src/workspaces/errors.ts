/** Outcomes of the workspace rules and store, as problems of the catalogue. */
import { invalid, Problem } from '../contract/problem.js';

/**
 * The one answer for a missing workspace, a deleted one, one the caller is not in and an
 * invitation the caller does not hold, whatever the operation: the detail names no id, so the
 * answer for a real workspace and for a made-up id are the same (docs/architecture.md#workspaces).
 */
export const workspaceNotFound = () =>
  new Problem('not-found', 'no such workspace for this caller');

export const assigneeNotMember = (assignee: string) =>
  invalid(`assignee ${assignee} is not an active member of this workspace`, [
    { path: '/body/assignee', message: 'is not an active member of this workspace' },
  ]);

export const workspaceLimitReached = (cap: number) =>
  new Problem(
    'workspace-limit-reached',
    `a user may belong to at most ${cap} workspaces: leave one to create or join another`,
  );

export const memberLimitReached = (cap: number) =>
  new Problem(
    'member-limit-reached',
    `a workspace may have at most ${cap} members and pending invitations: remove a member or revoke an invitation first`,
  );

export const invitationLimitReached = (email: string, cap: number) =>
  new Problem(
    'invitation-limit-reached',
    `${email} already holds ${cap} pending invitations, the most an address may hold`,
  );

/** For createWorkspaceTask (MAX_TASKS_PER_WORKSPACE). */
export const workspaceTaskLimitReached = (cap: number) =>
  new Problem(
    'workspace-task-limit-reached',
    `a workspace may hold at most ${cap} tasks: delete one to create another`,
  );

/** A change that kept losing to others on the same items: retryable, as a transaction conflict. */
export const keptChanging = (what: string) =>
  new Problem('unavailable', `${what} kept changing while this request was applied; retry`, {
    retryAfterSeconds: 1,
  });
