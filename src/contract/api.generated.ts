// Generated from openapi.yaml by `npm run generate`. Do not edit.
export interface paths {
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your tasks
         * @description Lists the caller's tasks, newest first or (`sort=due`) soonest due
         *     first, optionally only those in one status, of one priority or with
         *     one label; with `sort=due`, also only those due in a window
         *     (`due_from`, `due_to`). Each page is one DynamoDB Query. A page may
         *     hold fewer than `limit` tasks when a status, priority or label filter
         *     is given; keep following `next_cursor` until it is absent.
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Creates a task owned by the caller. `status` defaults to `pending`.
         *     With an `Idempotency-Key`, a retry with the same key and body returns
         *     the task created first (and no second task); the same key with a
         *     different body is a 422. Keys are kept for 24 hours per user. A user
         *     may own at most 10,000 tasks (a deployment setting); past that a
         *     create is a 409 `task-limit-reached`, while a retry of a create that
         *     already succeeded still replays it.
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get one task
         * @description Returns one of the caller's tasks with its `ETag`.
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        /**
         * Delete a task
         * @description Deletes one of the caller's tasks. With `If-Match`, only if the task's
         *     current `ETag` matches (else 412).
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        /**
         * Update a task
         * @description Changes any of `title`, `description` and `status` of one of the
         *     caller's tasks and bumps its `version`. With `If-Match`, the change is
         *     made only if the task's current `ETag` matches (else 412).
         */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/admin/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List every user's tasks in one status
         * @description For members of the Cognito `admins` group: every user's tasks in one
         *     status, newest first, each with its owner's `user_id`. Others get 403.
         */
        get: operations["listTasksByStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your workspaces
         * @description The workspaces the caller is an active member of, newest first, each
         *     with the caller's `role`. Pending invitations are not listed here (see
         *     `listMyInvitations`), and a workspace being deleted is not listed. A
         *     page may hold fewer than `limit` workspaces; keep following
         *     `next_cursor` until it is absent.
         */
        get: operations["listWorkspaces"];
        put?: never;
        /**
         * Create a workspace
         * @description Creates a workspace shared by a team; the caller becomes its first
         *     `owner`. Any signed-in user may create one. With an `Idempotency-Key`,
         *     a retry with the same key and body returns the workspace created first
         *     (and no second one); the same key with a different body is a 422. Keys
         *     are kept for 24 hours per user, apart from the keys of `POST /tasks`.
         *     A user may belong to at most 100 workspaces (a deployment setting;
         *     created and accepted ones count); past that a create is a 409
         *     `workspace-limit-reached`.
         */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get one workspace
         * @description Any member (`owner`, `admin`, `member`) may read the workspace, with
         *     its `ETag` and the caller's `role`. A workspace the caller is not a
         *     member of answers 404, exactly like one that does not exist.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        /**
         * Delete a workspace
         * @description Only an `owner` may delete the workspace (`admin` and `member` get
         *     403, a non-member 404). The workspace is first marked as being
         *     deleted: from then on it is invisible to every member and refuses
         *     every read and write. Its tasks, memberships and invitations are then
         *     deleted in batches. `204` means everything is gone; `202` means the
         *     deletion is under way and continues when any owner (at the time of the
         *     first call) sends `DELETE` again, which is also how a deletion cut
         *     short by a failure resumes. Once everything is gone the workspace
         *     answers 404.
         */
        delete: operations["deleteWorkspace"];
        options?: never;
        head?: never;
        /**
         * Rename a workspace
         * @description Owners and admins may rename the workspace; a `member` gets 403, a
         *     non-member 404. With `If-Match`, only if the workspace's current
         *     `ETag` matches (else 412).
         */
        patch: operations["renameWorkspace"];
        trace?: never;
    };
    "/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        /**
         * List a workspace's members
         * @description Any member may list the workspace's memberships: pending invitations
         *     first (by e-mail address), then active members (by `user_id`). A
         *     non-member gets 404.
         */
        get: operations["listMembers"];
        put?: never;
        /**
         * Invite someone by e-mail
         * @description Makes a pending membership for an e-mail address, with a `role`
         *     (default `member`). It becomes active when the user with that
         *     verified e-mail address (the `email` claim of their ID token, with
         *     `email_verified` true) calls `acceptInvitation`; they find it with
         *     `listMyInvitations`. Owners may invite with any role; admins with
         *     `member` or `admin` (an admin inviting an `owner` gets 403); members
         *     get 403; non-members 404. An address already invited to this
         *     workspace is a 409; so is the caller's own address. Inviting the
         *     address of someone who is already a member is allowed: accepting keeps
         *     their current role. Members and pending invitations of a workspace
         *     together are limited (500 unless the deployment sets another limit;
         *     409 `member-limit-reached`), and so are the pending invitations one
         *     address holds (50; 409 `invitation-limit-reached`). An inviter's
         *     pending invitations are revoked when they leave or are removed, and
         *     those their new role may not make when their role changes.
         */
        post: operations["inviteMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The member's `user_id` (their Cognito `sub`).
                 * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
                 */
                userId: components["parameters"]["MemberUserIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Owners may remove anyone; admins may remove admins and members but not
         *     owners (403); members get 403; non-members 404; a `userId` that is not
         *     an active member 404. The last owner cannot be removed (409). The
         *     removed member's next request to the workspace is a 404. Their tasks
         *     stay in the workspace, still showing them as `created_by` and
         *     `assignee`. Removing yourself is the same as `leaveWorkspace`.
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role
         * @description Only owners change roles, of anyone (admins included) and to any role;
         *     admins and members get 403, non-members 404, a `userId` that is not an
         *     active member 404. The last owner cannot be demoted (409): promote
         *     someone else first. With `If-Match`, only if the membership's current
         *     `ETag` matches (else 412).
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/workspaces/{workspaceId}/invitations/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The invited e-mail address (its ASCII letters compared in any case).
                 * @example bob@example.com
                 */
                email: components["parameters"]["InvitationEmailPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a pending invitation
         * @description Owners may revoke any pending invitation; admins those that are not
         *     for the `owner` role (else 403); members get 403; non-members 404; an
         *     address with no pending invitation 404.
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave a workspace
         * @description Any member may leave, except the last owner (409: promote someone else
         *     first, or delete the workspace). A non-member gets 404. The tasks the
         *     caller created or was assigned stay in the workspace.
         */
        post: operations["leaveWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        /**
         * List a workspace's tasks
         * @description Any member may list the workspace's tasks, newest first or
         *     (`sort=due`) soonest due first, optionally only those in one
         *     `status`, assigned to one `assignee`, of one `priority` or with one
         *     `label`; with `sort=due`, also only those due in a window
         *     (`due_from`, `due_to`). A non-member gets 404. A page may hold fewer
         *     than `limit` tasks when a filter other than the due window is given;
         *     keep following `next_cursor` until it is absent.
         */
        get: operations["listWorkspaceTasks"];
        put?: never;
        /**
         * Create a task in a workspace
         * @description Any member (`owner`, `admin`, `member`) may create tasks; a non-member
         *     gets 404. `assignee`, when given, must be the `user_id` of an active
         *     member (else 400); `created_by` is the caller. `Idempotency-Key` works
         *     as on `POST /tasks`, with keys of its own. A workspace may hold at
         *     most 10,000 tasks (a deployment setting); past that a create is a 409
         *     `workspace-task-limit-reached`.
         */
        post: operations["createWorkspaceTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a task of a workspace
         * @description Any member may read a task of the workspace, with its `ETag`; a
         *     non-member gets 404, as does a task id of another workspace.
         */
        get: operations["getWorkspaceTask"];
        put?: never;
        post?: never;
        /**
         * Delete a task of a workspace
         * @description Any member may delete a task of the workspace; a non-member gets 404.
         *     With `If-Match`, only if the task's current `ETag` matches (else 412).
         */
        delete: operations["deleteWorkspaceTask"];
        options?: never;
        head?: never;
        /**
         * Update a task of a workspace
         * @description Any member may change `title`, `description`, `status` and `assignee`
         *     (an active member's `user_id`, else 400; `null` unassigns) of a task
         *     of the workspace; a non-member gets 404. With `If-Match`, only if the
         *     task's current `ETag` matches (else 412).
         */
        patch: operations["updateWorkspaceTask"];
        trace?: never;
    };
    "/me/assigned-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tasks assigned to you
         * @description The tasks assigned to the caller in every workspace they are an active
         *     member of, newest first, each with its `workspace_id`. Tasks of a
         *     workspace the caller has left, was removed from or that is being
         *     deleted are not listed. A page may hold fewer than `limit` tasks;
         *     keep following `next_cursor` until it is absent.
         */
        get: operations["listMyAssignedTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List your pending invitations
         * @description The pending invitations for the caller's verified e-mail address (the
         *     ID token's `email` claim, with `email_verified` true; without one the
         *     list is empty), newest workspace first.
         */
        get: operations["listMyInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/invitations/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Turns the pending invitation for the caller's verified e-mail address
         *     into an active membership with the invited role, and returns the
         *     workspace. No invitation for that address (or no verified address)
         *     is a 404. A caller who is already a member keeps their role and the
         *     invitation is used up. Accepting twice answers 404 the second time,
         *     and so does an invitation whose inviter has since left or lost the
         *     right to make it; every 404 here is the same as for a workspace that
         *     does not exist. Joining counts against the caller's limit of
         *     workspaces (409 `workspace-limit-reached`).
         */
        post: operations["acceptInvitation"];
        /**
         * Decline an invitation
         * @description Deletes the pending invitation for the caller's verified e-mail
         *     address; none is a 404, the same as for a workspace that does not
         *     exist.
         */
        delete: operations["declineInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your agenda
         * @description What the caller still has to do, soonest due first: their own tasks
         *     and the workspace tasks assigned to them that are not `completed`,
         *     due in the window (`from` up to `to`), and every one that is overdue
         *     (due before the time of the first page's request), however early.
         *     Tasks of a workspace the caller has left, was removed from or that is
         *     being deleted are not listed. Each page is one DynamoDB Query (and one
         *     read of the memberships its workspace tasks need). A page may hold
         *     fewer than `limit` tasks; keep following `next_cursor` until it is
         *     absent.
         */
        get: operations["listMyAgenda"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A ULID, so ids sort in creation order. */
        TaskId: string;
        /** @enum {string} */
        TaskStatus: "pending" | "in_progress" | "completed";
        /**
         * Format: date-time
         * @description UTC, to the millisecond (`2026-11-27T09:30:00.000Z`).
         */
        Timestamp: string;
        /**
         * @description Starts at 1 and grows by one with every update; the `ETag`. Bounded by
         *     the largest integer a JSON client reads exactly (2^53 - 1).
         */
        Version: number;
        /** @description An opaque page cursor (see Pagination above). */
        Cursor: string;
        /**
         * @description Text a person reads as a name or a title: at least one visible
         *     character (white space, zero-width characters and bidi controls do not
         *     count); kept as sent, at most 200 characters. Each use (`TaskTitle`,
         *     `WorkspaceName`) sets its own maximum, never above this one.
         */
        VisibleText: string;
        TaskTitle: string & components["schemas"]["VisibleText"];
        /**
         * @description When the task is due: a day (`{"date": "2026-12-24"}`), or a moment
         *     on that day in a time zone (`{"date": "2026-12-24", "time": "09:30",
         *     "time_zone": "Europe/Paris"}`); `time` and `time_zone` come together.
         *     `null` is no due, and clears one in an update. Tasks are ordered by
         *     the due's instant: a moment's in its zone (a local time that a
         *     daylight-saving change skips moves forward by the gap, one it repeats
         *     is the earlier instant), a day's at the start of that day in UTC. An
         *     impossible date or an unknown zone is a 400 naming the field.
         */
        Due: {
            /** @description A calendar date, `YYYY-MM-DD`, from 1970 to 9999. */
            date: string;
            /** @description The local time of day, `HH:MM` (24-hour clock). */
            time?: string;
            /** @description An IANA time zone name, such as `Europe/Paris` or `UTC`. */
            time_zone?: string;
        } | null;
        /** @description An RFC 3339 date-time with its offset (`2026-12-04T00:00:00Z`). */
        Instant: string;
        /**
         * @description How much the task matters: `none` (the default), then `low`,
         *     `medium`, `high` and `urgent`.
         * @enum {string}
         */
        Priority: "none" | "low" | "medium" | "high" | "urgent";
        Label: string & components["schemas"]["VisibleText"];
        /**
         * @description Up to 20 labels, each at most 50 characters and unique on the task
         *     regardless of case (`Work` and `work` are the same label). Kept in the
         *     order sent. Default: none.
         */
        Labels: components["schemas"]["Label"][];
        /**
         * @description How the task repeats, as a subset of an RFC 5545 `RRULE`:
         *     `FREQ=DAILY|WEEKLY|MONTHLY|YEARLY`, and optionally `INTERVAL=n`
         *     (1-365), `BYDAY=MO,TU,...` (weekday codes), and one of `COUNT=n`
         *     (1-1000) or `UNTIL=YYYYMMDD` / `UNTIL=YYYYMMDDTHHMMSSZ`. Only a task
         *     with a `due` may recur. Completing a recurring task creates its next
         *     occurrence (same title, description, labels, priority and assignee;
         *     `pending`) in the same transaction; completing it again creates no
         *     other. The next due is reckoned on the calendar of the task's own
         *     time zone, so 09:30 stays 09:30 across daylight-saving changes; a
         *     day that a month or year lacks (the 31st, February 29) is skipped, as
         *     RFC 5545 says. `COUNT` is the number of occurrences left, this one
         *     included: the next occurrence gets `COUNT` one lower, and `COUNT=1`
         *     ends the series. A completion whose next occurrence would pass the
         *     list's or the workspace's task limit is a 409 and changes nothing.
         *     `null` (the default) does not repeat.
         * @example FREQ=WEEKLY;BYDAY=MO,WE,FR
         */
        Recurrence: string | null;
        /** @description A task as its owner sees it. */
        Task: {
            task_id: components["schemas"]["TaskId"];
            title: components["schemas"]["TaskTitle"];
            description: string;
            status: components["schemas"]["TaskStatus"];
            due: components["schemas"]["Due"];
            priority: components["schemas"]["Priority"];
            labels: components["schemas"]["Labels"];
            recurrence: components["schemas"]["Recurrence"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        /** @description A task with its owner, as an admin sees it. */
        AdminTask: {
            task_id: components["schemas"]["TaskId"];
            /** @description The owner's Cognito `sub`. */
            user_id: string;
            title: components["schemas"]["TaskTitle"];
            description: string;
            status: components["schemas"]["TaskStatus"];
            due: components["schemas"]["Due"];
            priority: components["schemas"]["Priority"];
            labels: components["schemas"]["Labels"];
            recurrence: components["schemas"]["Recurrence"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        /** @description A new task. Ids, owner, timestamps and version are set by the API. */
        TaskCreate: {
            title: components["schemas"]["TaskTitle"];
            /** @default  */
            description?: string;
            status?: components["schemas"]["TaskStatus"];
            due?: components["schemas"]["Due"];
            priority?: components["schemas"]["Priority"];
            labels?: components["schemas"]["Labels"];
            recurrence?: components["schemas"]["Recurrence"];
        };
        /** @description The fields to change; at least one. */
        TaskUpdate: {
            title?: components["schemas"]["TaskTitle"];
            description?: string;
            status?: components["schemas"]["TaskStatus"];
            due?: components["schemas"]["Due"];
            priority?: components["schemas"]["Priority"];
            labels?: components["schemas"]["Labels"];
            recurrence?: components["schemas"]["Recurrence"];
        };
        TaskList: {
            tasks: components["schemas"]["Task"][];
            /** @description The number of tasks on this page. */
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        AdminTaskList: {
            tasks: components["schemas"]["AdminTask"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /** @description A ULID, so ids sort in creation order. */
        WorkspaceId: string;
        /** @description A user's Cognito `sub`. */
        UserId: string;
        /**
         * @description An e-mail address. Compared and stored in one canonical form: its
         *     ASCII letters in lower case (`A`-`Z` to `a`-`z`), every other
         *     character as sent, so the stored address is exactly as long as the
         *     sent one (Unicode lower-casing would lengthen `İ` and turn the
         *     Kelvin sign into `k`).
         */
        Email: string;
        /**
         * @description `owner`: everything, including deleting the workspace and changing
         *     anyone's role. `admin`: rename, invite and remove members and admins
         *     (not owners), plus everything a member does. `member`: read the
         *     workspace and its members, create, read, update and delete its tasks,
         *     and leave.
         * @enum {string}
         */
        WorkspaceRole: "owner" | "admin" | "member";
        WorkspaceName: string & components["schemas"]["VisibleText"];
        /** @description A workspace as one of its members sees it. */
        Workspace: {
            workspace_id: components["schemas"]["WorkspaceId"];
            name: components["schemas"]["WorkspaceName"];
            role: components["schemas"]["WorkspaceRole"];
            created_by: components["schemas"]["UserId"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        WorkspaceCreate: {
            name: components["schemas"]["WorkspaceName"];
        };
        WorkspaceUpdate: {
            name: components["schemas"]["WorkspaceName"];
        };
        WorkspaceList: {
            workspaces: components["schemas"]["Workspace"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /**
         * @description A membership: `active` (with the member's `user_id`) or `pending` (an
         *     invitation by e-mail, `user_id` null until accepted).
         */
        Member: {
            /** @description The member's Cognito `sub`; null while the invitation is pending. */
            user_id: string | null;
            /** @description The invited address, or the creator's verified address; null when unknown. */
            email: string | null;
            role: components["schemas"]["WorkspaceRole"];
            /** @enum {string} */
            status: "active" | "pending";
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        MemberInvite: {
            email: components["schemas"]["Email"];
            role?: components["schemas"]["WorkspaceRole"];
        };
        MemberUpdate: {
            role: components["schemas"]["WorkspaceRole"];
        };
        MemberList: {
            members: components["schemas"]["Member"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /** @description A pending invitation for the caller's e-mail address. */
        Invitation: {
            workspace_id: components["schemas"]["WorkspaceId"];
            workspace_name: components["schemas"]["WorkspaceName"];
            role: components["schemas"]["WorkspaceRole"];
            invited_by: components["schemas"]["UserId"];
            created_at: components["schemas"]["Timestamp"];
        };
        InvitationList: {
            invitations: components["schemas"]["Invitation"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /** @description A task of a workspace, the `Task` shape plus its workspace, assignee and creator. */
        WorkspaceTask: {
            workspace_id: components["schemas"]["WorkspaceId"];
            task_id: components["schemas"]["TaskId"];
            title: components["schemas"]["TaskTitle"];
            description: string;
            status: components["schemas"]["TaskStatus"];
            due: components["schemas"]["Due"];
            priority: components["schemas"]["Priority"];
            labels: components["schemas"]["Labels"];
            recurrence: components["schemas"]["Recurrence"];
            /** @description The `user_id` of the member it is assigned to, or null. */
            assignee: string | null;
            created_by: components["schemas"]["UserId"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        /** @description A new workspace task; `assignee` must be an active member's `user_id`. */
        WorkspaceTaskCreate: {
            title: components["schemas"]["TaskTitle"];
            /** @default  */
            description?: string;
            status?: components["schemas"]["TaskStatus"];
            due?: components["schemas"]["Due"];
            priority?: components["schemas"]["Priority"];
            labels?: components["schemas"]["Labels"];
            recurrence?: components["schemas"]["Recurrence"];
            assignee?: string | null;
        };
        /** @description The fields to change; at least one. `assignee` null unassigns. */
        WorkspaceTaskUpdate: {
            title?: components["schemas"]["TaskTitle"];
            description?: string;
            status?: components["schemas"]["TaskStatus"];
            due?: components["schemas"]["Due"];
            priority?: components["schemas"]["Priority"];
            labels?: components["schemas"]["Labels"];
            recurrence?: components["schemas"]["Recurrence"];
            assignee?: string | null;
        };
        WorkspaceTaskList: {
            tasks: components["schemas"]["WorkspaceTask"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /**
         * @description A task on the caller's agenda: one of their own (`workspace_id`
         *     null) or a workspace task assigned to them.
         */
        AgendaTask: {
            task_id: components["schemas"]["TaskId"];
            /** @description The task's workspace, or null for one of the caller's own tasks. */
            workspace_id: string | null;
            title: components["schemas"]["TaskTitle"];
            description: string;
            status: components["schemas"]["TaskStatus"];
            due: components["schemas"]["Due"];
            priority: components["schemas"]["Priority"];
            labels: components["schemas"]["Labels"];
            recurrence: components["schemas"]["Recurrence"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        AgendaList: {
            tasks: components["schemas"]["AgendaTask"][];
            count: number;
            next_cursor?: components["schemas"]["Cursor"];
        };
        /** @description An RFC 9457 problem detail. */
        Problem: {
            /**
             * @description A URI reference to this problem type's entry in the docs (see
             *     Problem types above); compare the part after `#`.
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description The request id, for support. */
            instance?: string;
            /** @description For bad input, each offending field (at most 20). */
            errors?: components["schemas"]["FieldError"][];
        };
        FieldError: {
            /** @description A JSON pointer into the request, starting with its part (`/body/title`, `/query/limit`, `/path/taskId`, `/headers/if-match`). */
            path: string;
            message: string;
        };
    };
    responses: {
        /** @description The request is malformed or breaks the contract. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/validation-error",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "the request does not match the contract",
                 *       "instance": "c0a8012e-5f1d-4b6e-9c7a-2e4f6a8b0d1f",
                 *       "errors": [
                 *         {
                 *           "path": "/body/title",
                 *           "message": "must NOT have more than 200 characters"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No token, or the token is invalid, expired or not an ID token. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/unauthorized",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "a valid Cognito ID token is required"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller is not allowed to do this: not a member of the `admins` group (admin operations), or refused by AWS WAF where the deployment turns it on. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/forbidden",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "this operation is for members of the admins group"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such task for this caller. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/not-found",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "task 01JD7Z8Q3X5M2N4P6R8T0V2W4Y not found"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `If-Match` tag does not match the task's current `ETag`. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/precondition-failed",
                 *       "title": "Precondition Failed",
                 *       "status": 412,
                 *       "detail": "the task has changed since the given ETag"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request is too large: a body over 32 KiB, or on any operation a
         *     request over API Gateway's 10 MB payload limit.
         */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/payload-too-large",
                 *       "title": "Content Too Large",
                 *       "status": 413,
                 *       "detail": "the body must be at most 32768 bytes, got 40000"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/unsupported-media-type",
                 *       "title": "Unsupported Media Type",
                 *       "status": 415,
                 *       "detail": "content-type must be application/json, got text/plain"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller owns the most tasks a user may own. */
        TaskLimitReached: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/task-limit-reached",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "a user may own at most 10000 tasks: delete one to create another"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller belongs to the most workspaces a user may belong to. */
        WorkspaceLimitReached: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/workspace-limit-reached",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "a user may belong to at most 100 workspaces: leave one to create or join another"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The address is already invited (`conflict`), the workspace has the most members and invitations it may have (`member-limit-reached`), or the address holds the most pending invitations it may hold (`invitation-limit-reached`). */
        InvitationConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/member-limit-reached",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "a workspace may have at most 500 members and pending invitations: remove a member or revoke an invitation first"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The workspace holds the most tasks a workspace may hold. */
        WorkspaceTaskLimitReached: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/workspace-task-limit-reached",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "a workspace may hold at most 10000 tasks: delete one to create another"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The `Idempotency-Key` was already used with a different body. */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/idempotency-key-reused",
                 *       "title": "Unprocessable Content",
                 *       "status": 422,
                 *       "detail": "this Idempotency-Key was used with a different request body"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many requests; retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/throttled",
                 *       "title": "Too Many Requests",
                 *       "status": 429,
                 *       "detail": "the request rate is too high; retry after 1 second"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The data store is unavailable for now; retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/unavailable",
                 *       "title": "Service Unavailable",
                 *       "status": 503,
                 *       "detail": "the data store is unavailable; retry after 1 second"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request conflicts with the workspace's current state. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/conflict",
                 *       "title": "Conflict",
                 *       "status": 409,
                 *       "detail": "the last owner of workspace 01JD7Z8Q3X5M2N4P6R8T0V2W4Y cannot leave or be demoted"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A bug on our side; the `instance` names the request for support. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/internal",
                 *       "title": "Internal Server Error",
                 *       "status": 500,
                 *       "detail": "an unexpected error occurred",
                 *       "instance": "c0a8012e-5f1d-4b6e-9c7a-2e4f6a8b0d1f"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The function failed to answer (API Gateway's `INTEGRATION_FAILURE`);
         *     retry idempotent requests.
         */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/bad-gateway",
                 *       "title": "Bad Gateway",
                 *       "status": 502,
                 *       "detail": "the backend failed to answer",
                 *       "instance": "c0a8012e-5f1d-4b6e-9c7a-2e4f6a8b0d1f"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The function did not answer in time (API Gateway's
         *     `INTEGRATION_TIMEOUT`); retry idempotent requests.
         */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "/docs#section/problem-types/gateway-timeout",
                 *       "title": "Gateway Timeout",
                 *       "status": 504,
                 *       "detail": "the backend did not answer in time",
                 *       "instance": "c0a8012e-5f1d-4b6e-9c7a-2e4f6a8b0d1f"
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description The task's id (a ULID).
         * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
         */
        TaskIdPath: components["schemas"]["TaskId"];
        /**
         * @description Only tasks in this status.
         * @example pending
         */
        StatusFilterQuery: components["schemas"]["TaskStatus"];
        /**
         * @description The status to list.
         * @example pending
         */
        StatusRequiredQuery: components["schemas"]["TaskStatus"];
        /**
         * @description The most tasks one page holds (1-100, default 50).
         * @example 20
         */
        LimitQuery: number;
        /**
         * @description The `next_cursor` of the previous page, unchanged. It is bound to the
         *     caller and to the `status` filter it was issued for; any other cursor
         *     is a 400. (The example is a cursor issued to another user, so it is
         *     refused as such.)
         * @example eyJ2IjozLCJwIjpbIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sIm8iOiJfS2xMYjFaei1LUURHZGJCIiwibCI6IlltUW9ubk1RMTNmQnlNR2UifQ
         */
        TaskCursorQuery: components["schemas"]["Cursor"];
        /**
         * @description The `next_cursor` of the previous page, unchanged. It is bound to the
         *     `status` it was issued for and to the status index's shard count; any
         *     other cursor, or one issued before the index was resharded, is a 400.
         * @example eyJ2IjoyLCJzIjoicGVuZGluZyIsIm4iOjEwLCJ3IjpbIjIwMjYtMTEtMjdUMDk6MzA6MDAuMDAwWiIsIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sImQiOltdfQ
         */
        StatusCursorQuery: components["schemas"]["Cursor"];
        /**
         * @description The `next_cursor` of the previous page of the same list, unchanged. It
         *     is bound to the caller and to the list and filters it was issued for;
         *     any other cursor is a 400.
         */
        CursorQuery: components["schemas"]["Cursor"];
        /**
         * @description Make the change only if the task's current `ETag` is one of these
         *     (`*` matches any existing task). Weak tags never match.
         * @example "1"
         */
        IfMatchHeader: string;
        /**
         * @description A unique key per logical create (a UUID is ideal), quoted or not.
         *     Retries with the same key and body return the first result.
         * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
         */
        IdempotencyKeyHeader: string;
        /**
         * @description The workspace's id (a ULID).
         * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
         */
        WorkspaceIdPath: components["schemas"]["WorkspaceId"];
        /**
         * @description The member's `user_id` (their Cognito `sub`).
         * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
         */
        MemberUserIdPath: components["schemas"]["UserId"];
        /**
         * @description The invited e-mail address (its ASCII letters compared in any case).
         * @example bob@example.com
         */
        InvitationEmailPath: components["schemas"]["Email"];
        /**
         * @description Only tasks assigned to this member's `user_id`.
         * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
         */
        AssigneeFilterQuery: components["schemas"]["UserId"];
        /**
         * @description `created` (the default): newest first. `due`: soonest due first,
         *     tasks without a due last.
         */
        SortQuery: "created" | "due";
        /** @description Only tasks due at or after this instant (needs `sort=due`). */
        DueFromQuery: components["schemas"]["Instant"];
        /** @description Only tasks due before this instant (needs `sort=due`). */
        DueToQuery: components["schemas"]["Instant"];
        /**
         * @description Only tasks of this priority.
         * @example high
         */
        PriorityFilterQuery: components["schemas"]["Priority"];
        /**
         * @description Only tasks with this label (compared regardless of case).
         * @example billing
         */
        LabelFilterQuery: components["schemas"]["Label"];
        /**
         * @description The start of the window (an RFC 3339 date-time).
         * @example 2026-12-04T00:00:00Z
         */
        AgendaFromQuery: components["schemas"]["Instant"];
        /**
         * @description The end of the window, after `from`; tasks due at `to` are not in it.
         * @example 2026-12-18T00:00:00Z
         */
        AgendaToQuery: components["schemas"]["Instant"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description The task's version as a strong entity tag; send it back as `If-Match`.
         * @example "1"
         */
        ETag: string;
        /**
         * @description Seconds to wait before retrying.
         * @example 1
         */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listTasks: {
        parameters: {
            query?: {
                /**
                 * @description Only tasks in this status.
                 * @example pending
                 */
                status?: components["parameters"]["StatusFilterQuery"];
                /**
                 * @description Only tasks of this priority.
                 * @example high
                 */
                priority?: components["parameters"]["PriorityFilterQuery"];
                /**
                 * @description Only tasks with this label (compared regardless of case).
                 * @example billing
                 */
                label?: components["parameters"]["LabelFilterQuery"];
                /**
                 * @description `created` (the default): newest first. `due`: soonest due first,
                 *     tasks without a due last.
                 */
                sort?: components["parameters"]["SortQuery"];
                /** @description Only tasks due at or after this instant (needs `sort=due`). */
                due_from?: components["parameters"]["DueFromQuery"];
                /** @description Only tasks due before this instant (needs `sort=due`). */
                due_to?: components["parameters"]["DueToQuery"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page, unchanged. It is bound to the
                 *     caller and to the `status` filter it was issued for; any other cursor
                 *     is a 400. (The example is a cursor issued to another user, so it is
                 *     refused as such.)
                 * @example eyJ2IjozLCJwIjpbIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sIm8iOiJfS2xMYjFaei1LUURHZGJCIiwibCI6IlltUW9ubk1RMTNmQnlNR2UifQ
                 */
                cursor?: components["parameters"]["TaskCursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the caller's tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tasks": [
                     *         {
                     *           "task_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *           "title": "Ship feature X",
                     *           "description": "Release the new billing page to all customers.",
                     *           "status": "pending",
                     *           "due": {
                     *             "date": "2026-12-24",
                     *             "time": "09:30",
                     *             "time_zone": "Europe/Paris"
                     *           },
                     *           "priority": "high",
                     *           "labels": [
                     *             "billing",
                     *             "launch"
                     *           ],
                     *           "recurrence": null,
                     *           "created_at": "2026-11-27T09:30:00.000Z",
                     *           "updated_at": "2026-11-27T09:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "count": 1,
                     *       "next_cursor": "eyJ2IjozLCJwIjpbIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sIm8iOiJfS2xMYjFaei1LUURHZGJCIiwibCI6IlltUW9ubk1RMTNmQnlNR2UifQ"
                     *     }
                     */
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key per logical create (a UUID is ideal), quoted or not.
                 *     Retries with the same key and body return the first result.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Ship feature X",
                 *       "description": "Release the new billing page to all customers.",
                 *       "status": "pending",
                 *       "due": {
                 *         "date": "2026-12-24",
                 *         "time": "09:30",
                 *         "time_zone": "Europe/Paris"
                 *       },
                 *       "priority": "high",
                 *       "labels": [
                 *         "billing",
                 *         "launch"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["TaskCreate"];
            };
        };
        responses: {
            /** @description The task was created. */
            201: {
                headers: {
                    /**
                     * @description The new task's URL path.
                     * @example /tasks/01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                     */
                    Location: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *       "title": "Ship feature X",
                     *       "description": "Release the new billing page to all customers.",
                     *       "status": "pending",
                     *       "due": {
                     *         "date": "2026-12-24",
                     *         "time": "09:30",
                     *         "time_zone": "Europe/Paris"
                     *       },
                     *       "priority": "high",
                     *       "labels": [
                     *         "billing",
                     *         "launch"
                     *       ],
                     *       "recurrence": null,
                     *       "created_at": "2026-11-27T09:30:00.000Z",
                     *       "updated_at": "2026-11-27T09:30:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["TaskLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *       "title": "Ship feature X",
                     *       "description": "Release the new billing page to all customers.",
                     *       "status": "in_progress",
                     *       "due": {
                     *         "date": "2026-12-24",
                     *         "time": "09:30",
                     *         "time_zone": "Europe/Paris"
                     *       },
                     *       "priority": "high",
                     *       "labels": [
                     *         "billing",
                     *         "launch"
                     *       ],
                     *       "recurrence": null,
                     *       "created_at": "2026-11-27T09:30:00.000Z",
                     *       "updated_at": "2026-11-27T10:05:00.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "in_progress"
                 *     }
                 */
                "application/json": components["schemas"]["TaskUpdate"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "task_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *       "title": "Ship feature X",
                     *       "description": "Release the new billing page to all customers.",
                     *       "status": "in_progress",
                     *       "due": {
                     *         "date": "2026-12-24",
                     *         "time": "09:30",
                     *         "time_zone": "Europe/Paris"
                     *       },
                     *       "priority": "high",
                     *       "labels": [
                     *         "billing",
                     *         "launch"
                     *       ],
                     *       "recurrence": null,
                     *       "created_at": "2026-11-27T09:30:00.000Z",
                     *       "updated_at": "2026-11-27T10:05:00.000Z",
                     *       "version": 2
                     *     }
                     */
                    "application/json": components["schemas"]["Task"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TaskLimitReached"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listTasksByStatus: {
        parameters: {
            query: {
                /**
                 * @description The status to list.
                 * @example pending
                 */
                status: components["parameters"]["StatusRequiredQuery"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page, unchanged. It is bound to the
                 *     `status` it was issued for and to the status index's shard count; any
                 *     other cursor, or one issued before the index was resharded, is a 400.
                 * @example eyJ2IjoyLCJzIjoicGVuZGluZyIsIm4iOjEwLCJ3IjpbIjIwMjYtMTEtMjdUMDk6MzA6MDAuMDAwWiIsIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sImQiOltdfQ
                 */
                cursor?: components["parameters"]["StatusCursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tasks in that status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tasks": [
                     *         {
                     *           "task_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *           "user_id": "3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c",
                     *           "title": "Ship feature X",
                     *           "description": "Release the new billing page to all customers.",
                     *           "status": "pending",
                     *           "due": {
                     *             "date": "2026-12-24",
                     *             "time": "09:30",
                     *             "time_zone": "Europe/Paris"
                     *           },
                     *           "priority": "high",
                     *           "labels": [
                     *             "billing",
                     *             "launch"
                     *           ],
                     *           "recurrence": null,
                     *           "created_at": "2026-11-27T09:30:00.000Z",
                     *           "updated_at": "2026-11-27T09:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "count": 1,
                     *       "next_cursor": "eyJ2IjoyLCJzIjoicGVuZGluZyIsIm4iOjEwLCJ3IjpbIjIwMjYtMTEtMjdUMDk6MzA6MDAuMDAwWiIsIjAxSkQ3WjhRM1g1TTJONFA2UjhUMFYyVzRZIl0sImQiOltdfQ"
                     *     }
                     */
                    "application/json": components["schemas"]["AdminTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the caller's workspaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key per logical create (a UUID is ideal), quoted or not.
                 *     Retries with the same key and body return the first result.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyHeader"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Billing team"
                 *     }
                 */
                "application/json": components["schemas"]["WorkspaceCreate"];
            };
        };
        responses: {
            /** @description The workspace was created; the caller is its owner. */
            201: {
                headers: {
                    /**
                     * @description The new workspace's URL path.
                     * @example /workspaces/01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                     */
                    Location: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspace_id": "01JD7Z8Q3X5M2N4P6R8T0V2W4Y",
                     *       "name": "Billing team",
                     *       "role": "owner",
                     *       "created_by": "3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c",
                     *       "created_at": "2026-11-27T09:30:00.000Z",
                     *       "updated_at": "2026-11-27T09:30:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["WorkspaceLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace is hidden and partly deleted; send `DELETE` again to continue. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The workspace and everything in it were deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    renameWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Billing and invoicing"
                 *     }
                 */
                "application/json": components["schemas"]["WorkspaceUpdate"];
            };
        };
        responses: {
            /** @description The renamed workspace. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMembers: {
        parameters: {
            query?: {
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of memberships. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    inviteMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "bob@example.com",
                 *       "role": "member"
                 *     }
                 */
                "application/json": components["schemas"]["MemberInvite"];
            };
        };
        responses: {
            /** @description The pending membership. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user_id": null,
                     *       "email": "bob@example.com",
                     *       "role": "member",
                     *       "status": "pending",
                     *       "created_at": "2026-11-27T09:30:00.000Z",
                     *       "updated_at": "2026-11-27T09:30:00.000Z",
                     *       "version": 1
                     *     }
                     */
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["InvitationConflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The member's `user_id` (their Cognito `sub`).
                 * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
                 */
                userId: components["parameters"]["MemberUserIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member was removed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The member's `user_id` (their Cognito `sub`).
                 * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
                 */
                userId: components["parameters"]["MemberUserIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": components["schemas"]["MemberUpdate"];
            };
        };
        responses: {
            /** @description The membership with its new role. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The invited e-mail address (its ASCII letters compared in any case).
                 * @example bob@example.com
                 */
                email: components["parameters"]["InvitationEmailPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation was revoked. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    leaveWorkspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller is no longer a member. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listWorkspaceTasks: {
        parameters: {
            query?: {
                /**
                 * @description Only tasks in this status.
                 * @example pending
                 */
                status?: components["parameters"]["StatusFilterQuery"];
                /**
                 * @description Only tasks assigned to this member's `user_id`.
                 * @example 3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c
                 */
                assignee?: components["parameters"]["AssigneeFilterQuery"];
                /**
                 * @description Only tasks of this priority.
                 * @example high
                 */
                priority?: components["parameters"]["PriorityFilterQuery"];
                /**
                 * @description Only tasks with this label (compared regardless of case).
                 * @example billing
                 */
                label?: components["parameters"]["LabelFilterQuery"];
                /**
                 * @description `created` (the default): newest first. `due`: soonest due first,
                 *     tasks without a due last.
                 */
                sort?: components["parameters"]["SortQuery"];
                /** @description Only tasks due at or after this instant (needs `sort=due`). */
                due_from?: components["parameters"]["DueFromQuery"];
                /** @description Only tasks due before this instant (needs `sort=due`). */
                due_to?: components["parameters"]["DueToQuery"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the workspace's tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    createWorkspaceTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key per logical create (a UUID is ideal), quoted or not.
                 *     Retries with the same key and body return the first result.
                 * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKeyHeader"];
            };
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Ship feature X",
                 *       "assignee": "3f1c2a9e-7b4d-4e2a-9c1f-5d6e7f8a9b0c"
                 *     }
                 */
                "application/json": components["schemas"]["WorkspaceTaskCreate"];
            };
        };
        responses: {
            /** @description The task was created. */
            201: {
                headers: {
                    /**
                     * @description The new task's URL path.
                     * @example /workspaces/01JD7Z8Q3X5M2N4P6R8T0V2W4Y/tasks/01JD7Z9A1B2C3D4E5F6G7H8J9K
                     */
                    Location: string;
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["WorkspaceTaskLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    getWorkspaceTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    deleteWorkspaceTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task was deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    updateWorkspaceTask: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Make the change only if the task's current `ETag` is one of these
                 *     (`*` matches any existing task). Weak tags never match.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatchHeader"];
            };
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "in_progress"
                 *     }
                 */
                "application/json": components["schemas"]["WorkspaceTaskUpdate"];
            };
        };
        responses: {
            /** @description The updated task. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceTask"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["WorkspaceTaskLimitReached"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMyAssignedTasks: {
        parameters: {
            query?: {
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tasks assigned to the caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkspaceTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMyInvitations: {
        parameters: {
            query?: {
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of invitations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace, with the caller's role. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["WorkspaceLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    declineInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The workspace's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                workspaceId: components["parameters"]["WorkspaceIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitation was declined. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listMyAgenda: {
        parameters: {
            query: {
                /**
                 * @description The start of the window (an RFC 3339 date-time).
                 * @example 2026-12-04T00:00:00Z
                 */
                from: components["parameters"]["AgendaFromQuery"];
                /**
                 * @description The end of the window, after `from`; tasks due at `to` are not in it.
                 * @example 2026-12-18T00:00:00Z
                 */
                to: components["parameters"]["AgendaToQuery"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page of the same list, unchanged. It
                 *     is bound to the caller and to the list and filters it was issued for;
                 *     any other cursor is a 400.
                 */
                cursor?: components["parameters"]["CursorQuery"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the caller's agenda. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgendaList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
}
