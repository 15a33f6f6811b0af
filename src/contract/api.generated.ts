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
         *     different body is a 422. Keys are kept for 24 hours per user.
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
            /** @description At least one visible character (white space, zero-width characters and bidi controls do not count). */
            title: string;
            /** @default  */
            description?: string;
            status?: components["schemas"]["TaskStatus"];
        };
        /** @description The fields to change; at least one. */
        TaskUpdate: {
            /** @description At least one visible character (white space, zero-width characters and bidi controls do not count). */
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
         * @example eyJ2IjoxLCJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkiLCJvIjoiMVZfejhDSzIxRDFVN3FpUCJ9
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
                 * @description The most tasks one page holds (1-100, default 50).
                 * @example 20
                 */
                limit?: components["parameters"]["LimitQuery"];
                /**
                 * @description The `next_cursor` of the previous page, unchanged. It is bound to the
                 *     caller and to the `status` filter it was issued for; any other cursor
                 *     is a 400. (The example is a cursor issued to another user, so it is
                 *     refused as such.)
                 * @example eyJ2IjoxLCJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkiLCJvIjoiMVZfejhDSzIxRDFVN3FpUCJ9
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
                     *           "created_at": "2026-11-27T09:30:00.000Z",
                     *           "updated_at": "2026-11-27T09:30:00.000Z",
                     *           "version": 1
                     *         }
                     *       ],
                     *       "count": 1,
                     *       "next_cursor": "eyJ2IjoxLCJ0IjoiMDFKRDdaOFEzWDVNMk40UDZSOFQwVjJXNFkiLCJvIjoiMVZfejhDSzIxRDFVN3FpUCJ9"
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
            403: components["responses"]["Forbidden"];
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
}
