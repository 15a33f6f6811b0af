/** DELETE /workspaces/{workspaceId}/tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';

export const deleteWorkspaceTask = defineHandler(
  { operationId: 'deleteWorkspaceTask', params: params.deleteWorkspaceTask },
  async ({ caller, path, headers }, store) => {
    await store.workspaceTasks.deleteTask(
      caller,
      path.workspaceId,
      path.taskId,
      parseIfMatch(headers['if-match']),
    );
    return { statusCode: 204, headers: {} };
  },
);

export const handler = deleteWorkspaceTask(taskStore);
