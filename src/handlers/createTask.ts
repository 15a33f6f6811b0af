/** POST /tasks */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { createIn, personalPlace } from '../http/taskOperations.js';

export const createTask = defineHandler(
  { operationId: 'createTask', params: params.createTask, body: body.createTask },
  ({ caller, headers, body: input, requestPath }, store, config) =>
    createIn(store, personalPlace(store, caller), {
      caller,
      input,
      requestPath,
      key: headers['idempotency-key'],
      ttlSeconds: config.idempotencyTtlSeconds,
    }),
);

export const handler = createTask(taskStore);
