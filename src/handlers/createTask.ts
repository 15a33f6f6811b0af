/** POST /tasks */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import * as body from '../http/validate-body.generated.js';
import * as params from '../http/validate-params.generated.js';
import { createFingerprint, etag, newTask, toTask } from '../tasks/task.js';

/** How long an Idempotency-Key is remembered per user (the spec promises 24 hours). */
const IDEMPOTENCY_TTL_SECONDS = Number(process.env.IDEMPOTENCY_TTL_SECONDS || 86_400);

/** An Idempotency-Key is a structured-field string; the quotes are optional here. */
const unquote = (key: string) => key.replace(/^"(.*)"$/, '$1');

export const createTask = defineHandler(
  { operationId: 'createTask', params: params.createTask, body: body.createTask },
  async ({ caller, headers, body: input, requestPath }, store) => {
    const key = headers['idempotency-key'];
    const { task } = await store.create(
      newTask(caller.sub, input),
      key === undefined
        ? undefined
        : {
            key: unquote(key),
            fingerprint: createFingerprint(input),
            ttlSeconds: IDEMPOTENCY_TTL_SECONDS,
          },
    );
    return {
      statusCode: 201,
      // Under the collection the client posted to: stage and base path included.
      headers: {
        Location: `${requestPath.replace(/\/+$/, '')}/${task.task_id}`,
        ETag: etag(task.version),
      },
      body: toTask(task),
    };
  },
);

export const handler = createTask(taskStore);
