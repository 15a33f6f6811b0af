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
         * @description Lists the caller's tasks, newest first, optionally only those in one
         *     status. A page may hold fewer than `limit` tasks when a status filter
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
                taskId: components["parameters"]["TaskId"];
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
        /** @description An opaque page cursor. */
        Cursor: string;
        /** @description A task as its owner sees it. */
        Task: {
            task_id: components["schemas"]["TaskId"];
            /** @description At least one character that is not white space. */
            title: string;
            description: string;
            status: components["schemas"]["TaskStatus"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        /** @description A task with its owner, as an admin sees it. */
        AdminTask: {
            task_id: components["schemas"]["TaskId"];
            /** @description The owner's Cognito `sub`. */
            user_id: string;
            /** @description At least one character that is not white space. */
            title: string;
            description: string;
            status: components["schemas"]["TaskStatus"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            version: components["schemas"]["Version"];
        };
        /** @description A new task. Ids, owner, timestamps and version are set by the API. */
        TaskCreate: {
            /** @description At least one character that is not white space. */
            title: string;
            /** @default  */
            description?: string;
            status?: components["schemas"]["TaskStatus"];
        };
        /** @description The fields to change; at least one. */
        TaskUpdate: {
            /** @description At least one character that is not white space. */
            title?: string;
            description?: string;
            status?: components["schemas"]["TaskStatus"];
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
        /** @description The caller is not allowed to do this. */
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
        /** @description The body is larger than 32 KiB. */
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
    };
    parameters: {
        /**
         * @description The task's id (a ULID).
         * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
         */
        TaskId: components["schemas"]["TaskId"];
        /**
         * @description Only tasks in this status.
         * @example pending
         */
        StatusFilter: components["schemas"]["TaskStatus"];
        /**
         * @description The status to list.
         * @example pending
         */
        StatusRequired: components["schemas"]["TaskStatus"];
        /**
         * @description The most tasks one page holds (1-100, default 50).
         * @example 20
         */
        Limit: number;
        /**
         * @description The `next_cursor` of the previous page. Opaque; a cursor that was not issued to the caller for this list is a 400.
         * @example eyJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkifQ
         */
        Cursor: components["schemas"]["Cursor"];
        /**
         * @description Make the change only if the task's current `ETag` is one of these
         *     (`*` matches any existing task). Weak tags never match.
         * @example "1"
         */
        IfMatch: string;
        /**
         * @description A unique key per logical create (a UUID is ideal), quoted or not.
         *     Retries with the same key and body return the first result.
         * @example "8e03978e-40d5-43e8-bc93-6894a57f9324"
         */
        IdempotencyKey: string;
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
                status?: components["parameters"]["StatusFilter"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The `next_cursor` of the previous page. Opaque; a cursor that was not issued to the caller for this list is a 400.
                 * @example eyJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkifQ
                 */
                cursor?: components["parameters"]["Cursor"];
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
                     *           "created_at": "2026-11-27T09:30:00.000Z",
                     *           "updated_at": "2026-11-27T09:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "count": 1,
                     *       "next_cursor": "eyJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkifQ"
                     *     }
                     */
                    "application/json": components["schemas"]["TaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
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
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
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
                 *       "status": "pending"
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
            409: components["responses"]["TaskLimitReached"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
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
                taskId: components["parameters"]["TaskId"];
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
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
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
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskId"];
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
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
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
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The task's id (a ULID).
                 * @example 01JD7Z8Q3X5M2N4P6R8T0V2W4Y
                 */
                taskId: components["parameters"]["TaskId"];
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
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTasksByStatus: {
        parameters: {
            query: {
                /**
                 * @description The status to list.
                 * @example pending
                 */
                status: components["parameters"]["StatusRequired"];
                /**
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description The `next_cursor` of the previous page. Opaque; a cursor that was not issued to the caller for this list is a 400.
                 * @example eyJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkifQ
                 */
                cursor?: components["parameters"]["Cursor"];
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
                     *           "created_at": "2026-11-27T09:30:00.000Z",
                     *           "updated_at": "2026-11-27T09:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "count": 1
                     *     }
                     */
                    "application/json": components["schemas"]["AdminTaskList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
