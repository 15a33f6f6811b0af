/** Outcomes of the workspace rules and store; src/http maps each kind to its problem type. */

export type WorkspaceErrorKind =
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'precondition-failed'
  | 'invalid-assignee';

export class WorkspaceError extends Error {
  constructor(
    readonly kind: WorkspaceErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** The same answer for a missing workspace, a deleted one and one the caller is not in. */
export const workspaceNotFound = (workspaceId: string) =>
  new WorkspaceError('not-found', `workspace ${workspaceId} not found`);

export const assigneeNotMember = (assignee: string) =>
  new WorkspaceError(
    'invalid-assignee',
    `assignee ${assignee} is not an active member of this workspace`,
  );
