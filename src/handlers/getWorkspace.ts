/** GET /workspaces/{workspaceId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { etag } from '../tasks/task.js';

export const getWorkspace = defineHandler(
  { operationId: 'getWorkspace', params: params.getWorkspace },
  async ({ caller, path }, store) => {
    const workspace = await store.workspaces.get(caller, path.workspaceId);
    return { statusCode: 200, headers: { ETag: etag(workspace.version) }, body: workspace };
  },
);

export const handler = getWorkspace(taskStore);
