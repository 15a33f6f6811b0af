/** Outcomes of the workspace rules and store, as problems of the catalogue. */
import { invalid, Problem } from '../contract/problem.js';

/** The same answer for a missing workspace, a deleted one and one the caller is not in. */
export const workspaceNotFound = (workspaceId: string) =>
  new Problem('not-found', `workspace ${workspaceId} not found`);

export const assigneeNotMember = (assignee: string) =>
  invalid(`assignee ${assignee} is not an active member of this workspace`, [
    { path: '/body/assignee', message: 'is not an active member of this workspace' },
  ]);
