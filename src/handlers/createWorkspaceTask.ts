/** POST /workspaces/{workspaceId}/tasks */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { createIn, workspacePlace } from '../http/taskOperations.js';

export const createWorkspaceTask = defineHandler(
  {
    operationId: 'createWorkspaceTask',
    params: params.createWorkspaceTask,
    body: body.createWorkspaceTask,
  },
  ({ caller, path, headers, body: input, requestPath }, store, config) =>
    createIn(store, workspacePlace(store, caller, path.workspaceId), {
      caller,
      input,
      requestPath,
      key: headers['idempotency-key'],
      ttlSeconds: config.idempotencyTtlSeconds,
    }),
);

export const handler = createWorkspaceTask(taskStore);
