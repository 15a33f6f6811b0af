/** POST /workspaces/{workspaceId}/tasks */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { idempotencyOptions } from '../http/idempotencyKey.js';
import { recordReplay } from '../http/telemetry.js';
import { etag } from '../tasks/task.js';

export const createWorkspaceTask = defineHandler(
  {
    operationId: 'createWorkspaceTask',
    params: params.createWorkspaceTask,
    body: body.createWorkspaceTask,
  },
  async ({ caller, path, headers, body: input, requestPath }, store, config) => {
    const { task, replayed } = await store.workspaceTasks.createTask(
      caller,
      path.workspaceId,
      input,
      idempotencyOptions(headers['idempotency-key'], config.idempotencyTtlSeconds),
    );
    if (replayed) recordReplay();
    return {
      statusCode: 201,
      headers: {
        Location: `${requestPath.replace(/\/+$/, '')}/${task.task_id}`,
        ETag: etag(task.version),
      },
      body: task,
    };
  },
);

export const handler = createWorkspaceTask(taskStore);
