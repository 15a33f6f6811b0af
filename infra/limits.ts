/** The limits on what a user can create (docs/architecture.md#limits), as stack props and context. */
import type { Construct } from 'constructs';
import { LIMIT_VARIABLES, type Limit, limitsOf } from '../src/config/function.js';

export interface LimitProps {
  /**
   * How many tasks one user may own, passed to every function as `MAX_TASKS_PER_USER`.
   * @default - the `maxTasksPerUser` context value, else MAX_TASKS_PER_USER_DEFAULT (10000)
   */
  readonly maxTasksPerUser?: number;
  /**
   * How many workspaces one user may belong to, passed as `MAX_WORKSPACES_PER_USER`.
   * @default - the `maxWorkspacesPerUser` context value, else 100 (src/config/function.ts)
   */
  readonly maxWorkspacesPerUser?: number;
  /**
   * Members plus pending invitations of one workspace, passed as `MAX_MEMBERS_PER_WORKSPACE`.
   * @default - the `maxMembersPerWorkspace` context value, else 500
   */
  readonly maxMembersPerWorkspace?: number;
  /**
   * Pending invitations one e-mail address may hold, passed as
   * `MAX_PENDING_INVITATIONS_PER_EMAIL`.
   * @default - the `maxPendingInvitationsPerEmail` context value, else 50
   */
  readonly maxPendingInvitationsPerEmail?: number;
  /**
   * How many tasks one workspace may hold, passed as `MAX_TASKS_PER_WORKSPACE`.
   * @default - the `maxTasksPerWorkspace` context value, else 10000
   */
  readonly maxTasksPerWorkspace?: number;
}

/**
 * Each limit from its prop, else its context value (named as the prop), as the variable every
 * function reads. The handlers' own parser, so synth refuses exactly what a function would
 * refuse at init.
 */
export function limitEnvironment(scope: Construct, props: LimitProps): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, variable] of Object.entries(LIMIT_VARIABLES)) {
    const raw = props[name as Limit] ?? scope.node.tryGetContext(name);
    env[variable.name] = raw === undefined ? '' : String(raw);
  }
  const parsed = limitsOf(env);
  return Object.fromEntries(
    Object.entries(LIMIT_VARIABLES).map(([name, v]) => [v.name, String(parsed[name as Limit])]),
  );
}
