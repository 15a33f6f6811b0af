/** DELETE /workspaces/{workspaceId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

/**
 * The most batches of 25 one request deletes (docs/architecture.md#workspaces), so a request's
 * work is bounded whatever the workspace's size: past it the answer is 202 and the client
 * sends DELETE again. Read per request, so a test or an operator can lower it.
 */
const batchesPerRequest = () => Number(process.env.WORKSPACE_DELETE_BATCHES || 100);

export const deleteWorkspace = defineHandler(
  { operationId: 'deleteWorkspace', params: params.deleteWorkspace },
  async ({ caller, path }, store) => {
    const outcome = await store.workspaces.delete(caller, path.workspaceId, {
      maxBatches: batchesPerRequest(),
    });
    // 202: hidden and partly deleted; the next DELETE continues.
    return outcome === 'done' ? { statusCode: 204, headers: {} } : { statusCode: 202, headers: {} };
  },
);

export const handler = deleteWorkspace(taskStore);
