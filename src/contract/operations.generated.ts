// Generated from openapi.yaml by `npm run generate`. Do not edit.
/**
 * Every operation of openapi.yaml, path by path. `workspaceScoped`: the operation acts on one
 * workspace as its member (its path is under /workspaces/{workspaceId}).
 */
export const OPERATIONS = [
  {"operationId": "listTasks", "method": "GET", "path": "/tasks", "tags": ["tasks"], "workspaceScoped": false},
  {"operationId": "createTask", "method": "POST", "path": "/tasks", "tags": ["tasks"], "workspaceScoped": false},
  {"operationId": "getTask", "method": "GET", "path": "/tasks/{taskId}", "tags": ["tasks"], "workspaceScoped": false},
  {"operationId": "deleteTask", "method": "DELETE", "path": "/tasks/{taskId}", "tags": ["tasks"], "workspaceScoped": false},
  {"operationId": "updateTask", "method": "PATCH", "path": "/tasks/{taskId}", "tags": ["tasks"], "workspaceScoped": false},
  {"operationId": "listTasksByStatus", "method": "GET", "path": "/admin/tasks", "tags": ["admin"], "workspaceScoped": false},
  {"operationId": "listWorkspaces", "method": "GET", "path": "/workspaces", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "createWorkspace", "method": "POST", "path": "/workspaces", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "getWorkspace", "method": "GET", "path": "/workspaces/{workspaceId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "deleteWorkspace", "method": "DELETE", "path": "/workspaces/{workspaceId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "renameWorkspace", "method": "PATCH", "path": "/workspaces/{workspaceId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "listMembers", "method": "GET", "path": "/workspaces/{workspaceId}/members", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "inviteMember", "method": "POST", "path": "/workspaces/{workspaceId}/members", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "removeMember", "method": "DELETE", "path": "/workspaces/{workspaceId}/members/{userId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "updateMember", "method": "PATCH", "path": "/workspaces/{workspaceId}/members/{userId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "revokeInvitation", "method": "DELETE", "path": "/workspaces/{workspaceId}/invitations/{email}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "leaveWorkspace", "method": "POST", "path": "/workspaces/{workspaceId}/leave", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "listWorkspaceTasks", "method": "GET", "path": "/workspaces/{workspaceId}/tasks", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "createWorkspaceTask", "method": "POST", "path": "/workspaces/{workspaceId}/tasks", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "getWorkspaceTask", "method": "GET", "path": "/workspaces/{workspaceId}/tasks/{taskId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "deleteWorkspaceTask", "method": "DELETE", "path": "/workspaces/{workspaceId}/tasks/{taskId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "updateWorkspaceTask", "method": "PATCH", "path": "/workspaces/{workspaceId}/tasks/{taskId}", "tags": ["workspaces"], "workspaceScoped": true},
  {"operationId": "listMyAssignedTasks", "method": "GET", "path": "/me/assigned-tasks", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "listMyInvitations", "method": "GET", "path": "/me/invitations", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "acceptInvitation", "method": "POST", "path": "/me/invitations/{workspaceId}", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "declineInvitation", "method": "DELETE", "path": "/me/invitations/{workspaceId}", "tags": ["workspaces"], "workspaceScoped": false},
  {"operationId": "listMyAgenda", "method": "GET", "path": "/me/agenda", "tags": ["tasks"], "workspaceScoped": false}
] as const;

export type Operation = (typeof OPERATIONS)[number];
export type OperationId = Operation['operationId'];
