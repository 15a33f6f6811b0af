/**
 * The API's own Lambda handler factories (src/handlers/<operationId>.ts), one per operation of
 * openapi.yaml: the type below makes a missing or extra operation a compile error.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { FunctionConfig } from '../../../src/config/function.js';
import type { operations } from '../../../src/contract/api.generated.js';
import type { TaskStore } from '../../../src/data/tasks.js';
import { acceptInvitation } from '../../../src/handlers/acceptInvitation.js';
import { createTask } from '../../../src/handlers/createTask.js';
import { createWorkspace } from '../../../src/handlers/createWorkspace.js';
import { createWorkspaceTask } from '../../../src/handlers/createWorkspaceTask.js';
import { declineInvitation } from '../../../src/handlers/declineInvitation.js';
import { deleteTask } from '../../../src/handlers/deleteTask.js';
import { deleteWorkspace } from '../../../src/handlers/deleteWorkspace.js';
import { deleteWorkspaceTask } from '../../../src/handlers/deleteWorkspaceTask.js';
import { getTask } from '../../../src/handlers/getTask.js';
import { getWorkspace } from '../../../src/handlers/getWorkspace.js';
import { getWorkspaceTask } from '../../../src/handlers/getWorkspaceTask.js';
import { inviteMember } from '../../../src/handlers/inviteMember.js';
import { leaveWorkspace } from '../../../src/handlers/leaveWorkspace.js';
import { listMembers } from '../../../src/handlers/listMembers.js';
import { listMyAgenda } from '../../../src/handlers/listMyAgenda.js';
import { listMyAssignedTasks } from '../../../src/handlers/listMyAssignedTasks.js';
import { listMyInvitations } from '../../../src/handlers/listMyInvitations.js';
import { listTasks } from '../../../src/handlers/listTasks.js';
import { listTasksByStatus } from '../../../src/handlers/listTasksByStatus.js';
import { listWorkspaces } from '../../../src/handlers/listWorkspaces.js';
import { listWorkspaceTasks } from '../../../src/handlers/listWorkspaceTasks.js';
import { removeMember } from '../../../src/handlers/removeMember.js';
import { renameWorkspace } from '../../../src/handlers/renameWorkspace.js';
import { revokeInvitation } from '../../../src/handlers/revokeInvitation.js';
import { updateMember } from '../../../src/handlers/updateMember.js';
import { updateTask } from '../../../src/handlers/updateTask.js';
import { updateWorkspaceTask } from '../../../src/handlers/updateWorkspaceTask.js';

export type LambdaHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

export const HANDLER_FACTORIES = {
  acceptInvitation,
  createTask,
  createWorkspace,
  createWorkspaceTask,
  declineInvitation,
  deleteTask,
  deleteWorkspace,
  deleteWorkspaceTask,
  getTask,
  getWorkspace,
  getWorkspaceTask,
  inviteMember,
  leaveWorkspace,
  listMembers,
  listMyAgenda,
  listMyAssignedTasks,
  listMyInvitations,
  listTasks,
  listTasksByStatus,
  listWorkspaceTasks,
  listWorkspaces,
  removeMember,
  renameWorkspace,
  revokeInvitation,
  updateMember,
  updateTask,
  updateWorkspaceTask,
} satisfies Record<keyof operations, (store: TaskStore, config: FunctionConfig) => LambdaHandler>;

export type OperationId = keyof typeof HANDLER_FACTORIES;
