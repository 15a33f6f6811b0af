/** POST /tasks */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { recordReplay } from '../http/telemetry.js';
import { createFingerprint, etag, newTask, toTask } from '../tasks/task.js';

/** An Idempotency-Key is a structured-field string; the quotes are optional here. */
const unquote = (key: string) => key.replace(/^"(.*)"$/, '$1');

export const createTask = defineHandler(
  { operationId: 'createTask', params: params.createTask, body: body.createTask },
  async ({ caller, headers, body: input, requestPath }, store, config) => {
    const key = headers['idempotency-key'];
    const { task, replayed } = await store.create(
      newTask(caller.sub, input),
      key === undefined
        ? undefined
        : {
            key: unquote(key),
            fingerprint: createFingerprint(input),
            ttlSeconds: config.idempotencyTtlSeconds,
          },
    );
    if (replayed) recordReplay();
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
