/** DELETE /workspaces/{workspaceId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const deleteWorkspace = defineHandler(
  { operationId: 'deleteWorkspace', params: params.deleteWorkspace },
  async ({ caller, path }, store, config) => {
    // At most this many batches of 25 per request (docs/architecture.md#workspaces), so a
    // request's work is bounded whatever the workspace's size: past it the answer is 202.
    const outcome = await store.workspaces.delete(caller, path.workspaceId, {
      maxBatches: config.workspaceDeleteBatches,
    });
    // 202: hidden and partly deleted; the next DELETE continues.
    return outcome === 'done' ? { statusCode: 204, headers: {} } : { statusCode: 202, headers: {} };
  },
);

export const handler = deleteWorkspace(taskStore);
