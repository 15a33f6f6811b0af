// Generated from openapi.yaml by `npm run generate`. Do not edit.
/**
 * The bounds openapi.yaml states, `$ref` and `allOf` followed: per schema (an object's bounded
 * properties, or a scalar's own) and per parameter. Forms take their limits from here.
 */
export const LIMITS = {
  "schemas": {
    "TaskId": {"minLength": 26, "maxLength": 26},
    "Timestamp": {"minLength": 24, "maxLength": 24},
    "Version": {"minimum": 1, "maximum": 9007199254740991},
    "Cursor": {"minLength": 1, "maxLength": 2048},
    "VisibleText": {"minLength": 1, "maxLength": 200},
    "TaskTitle": {"maxLength": 200, "minLength": 1},
    "Due": {
      "time": {"maxLength": 5},
      "time_zone": {"minLength": 1, "maxLength": 64}
    },
    "Instant": {"maxLength": 40},
    "Label": {"maxLength": 50, "minLength": 1},
    "Labels": {"maxItems": 20},
    "Recurrence": {"minLength": 1, "maxLength": 200},
    "Task": {
      "task_id": {"minLength": 26, "maxLength": 26},
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "AdminTask": {
      "task_id": {"minLength": 26, "maxLength": 26},
      "user_id": {"minLength": 1, "maxLength": 128},
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "TaskCreate": {
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000, "default": ""},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200}
    },
    "TaskUpdate": {
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200}
    },
    "TaskList": {
      "tasks": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "AdminTaskList": {
      "tasks": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "WorkspaceId": {"minLength": 26, "maxLength": 26},
    "UserId": {"minLength": 1, "maxLength": 128},
    "Email": {"minLength": 3, "maxLength": 254},
    "WorkspaceName": {"maxLength": 100, "minLength": 1},
    "Workspace": {
      "workspace_id": {"minLength": 26, "maxLength": 26},
      "name": {"maxLength": 100, "minLength": 1},
      "created_by": {"minLength": 1, "maxLength": 128},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "WorkspaceCreate": {
      "name": {"maxLength": 100, "minLength": 1}
    },
    "WorkspaceUpdate": {
      "name": {"maxLength": 100, "minLength": 1}
    },
    "WorkspaceList": {
      "workspaces": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "Member": {
      "user_id": {"minLength": 1, "maxLength": 128},
      "email": {"maxLength": 254},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "MemberInvite": {
      "email": {"minLength": 3, "maxLength": 254}
    },
    "MemberList": {
      "members": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "Invitation": {
      "workspace_id": {"minLength": 26, "maxLength": 26},
      "workspace_name": {"maxLength": 100, "minLength": 1},
      "invited_by": {"minLength": 1, "maxLength": 128},
      "created_at": {"minLength": 24, "maxLength": 24}
    },
    "InvitationList": {
      "invitations": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "WorkspaceTask": {
      "workspace_id": {"minLength": 26, "maxLength": 26},
      "task_id": {"minLength": 26, "maxLength": 26},
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "assignee": {"minLength": 1, "maxLength": 128},
      "created_by": {"minLength": 1, "maxLength": 128},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "WorkspaceTaskCreate": {
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000, "default": ""},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "assignee": {"minLength": 1, "maxLength": 128}
    },
    "WorkspaceTaskUpdate": {
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "assignee": {"minLength": 1, "maxLength": 128}
    },
    "WorkspaceTaskList": {
      "tasks": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "AgendaTask": {
      "task_id": {"minLength": 26, "maxLength": 26},
      "workspace_id": {"minLength": 26, "maxLength": 26},
      "title": {"maxLength": 200, "minLength": 1},
      "description": {"maxLength": 4000},
      "labels": {"maxItems": 20},
      "recurrence": {"minLength": 1, "maxLength": 200},
      "created_at": {"minLength": 24, "maxLength": 24},
      "updated_at": {"minLength": 24, "maxLength": 24},
      "version": {"minimum": 1, "maximum": 9007199254740991}
    },
    "AgendaList": {
      "tasks": {"maxItems": 100},
      "count": {"minimum": 0, "maximum": 100},
      "next_cursor": {"minLength": 1, "maxLength": 2048}
    },
    "Problem": {
      "type": {"maxLength": 2048},
      "title": {"maxLength": 64},
      "status": {"minimum": 400, "maximum": 599},
      "detail": {"maxLength": 1024},
      "instance": {"maxLength": 128},
      "errors": {"maxItems": 20}
    },
    "FieldError": {
      "path": {"maxLength": 1024},
      "message": {"maxLength": 1024}
    }
  },
  "parameters": {
    "TaskIdPath": {"minLength": 26, "maxLength": 26},
    "LimitQuery": {"minimum": 1, "maximum": 100, "default": 50},
    "TaskCursorQuery": {"minLength": 1, "maxLength": 2048},
    "StatusCursorQuery": {"minLength": 1, "maxLength": 2048},
    "CursorQuery": {"minLength": 1, "maxLength": 2048},
    "IfMatchHeader": {"maxLength": 1024},
    "IdempotencyKeyHeader": {"minLength": 1, "maxLength": 255},
    "WorkspaceIdPath": {"minLength": 26, "maxLength": 26},
    "MemberUserIdPath": {"minLength": 1, "maxLength": 128},
    "InvitationEmailPath": {"minLength": 3, "maxLength": 254},
    "AssigneeFilterQuery": {"minLength": 1, "maxLength": 128},
    "SortQuery": {"default": "created"},
    "DueFromQuery": {"maxLength": 40},
    "DueToQuery": {"maxLength": 40},
    "LabelFilterQuery": {"maxLength": 50, "minLength": 1},
    "AgendaFromQuery": {"maxLength": 40},
    "AgendaToQuery": {"maxLength": 40}
  }
} as const;
