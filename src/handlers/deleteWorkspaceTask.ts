/** DELETE /workspaces/{workspaceId}/tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { deleteIn, workspacePlace } from '../http/taskOperations.js';

export const deleteWorkspaceTask = defineHandler(
  { operationId: 'deleteWorkspaceTask', params: params.deleteWorkspaceTask },
  ({ caller, path, headers }, store) =>
    deleteIn(
      store,
      workspacePlace(store, caller, path.workspaceId),
      path.taskId,
      parseIfMatch(headers['if-match']),
    ),
);

export const handler = deleteWorkspaceTask(taskStore);
