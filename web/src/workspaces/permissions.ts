/**
 * What the UI offers each role: the server's own rules (src/workspaces/policy.ts, pure), so the
 * board never offers what the server forbids. A conflict (the last owner leaving, say) is still
 * offered: the server refuses it and its problem says why.
 */

import type { WorkspaceRole } from '@task-api/sdk';
import {
  decide,
  type Subject,
  WORKSPACE_ROLES,
  type WorkspaceAction,
} from '../../../src/workspaces/policy.js';

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  member: 'Member',
};

export function offers(role: WorkspaceRole, action: WorkspaceAction, subject: Subject = {}) {
  const decision = decide(role, action, subject);
  return decision.allowed || decision.outcome !== 'forbidden';
}

/** The roles `role` may invite someone as (none for a member). */
export const invitableRoles = (role: WorkspaceRole): WorkspaceRole[] =>
  WORKSPACE_ROLES.filter((newRole) => offers(role, 'inviteMember', { newRole }));
