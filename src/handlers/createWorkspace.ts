/** POST /workspaces */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { idempotencyOptions } from '../http/idempotencyKey.js';
import { recordReplay } from '../http/telemetry.js';
import { etag } from '../tasks/task.js';

export const createWorkspace = defineHandler(
  { operationId: 'createWorkspace', params: params.createWorkspace, body: body.createWorkspace },
  async ({ caller, headers, body: input, requestPath }, store, config) => {
    const { workspace, replayed } = await store.workspaces.create(
      caller,
      input,
      idempotencyOptions(headers['idempotency-key'], config.idempotencyTtlSeconds),
    );
    if (replayed) recordReplay();
    return {
      statusCode: 201,
      headers: {
        Location: `${requestPath.replace(/\/+$/, '')}/${workspace.workspace_id}`,
        ETag: etag(workspace.version),
      },
      body: workspace,
    };
  },
);

export const handler = createWorkspace(taskStore);
