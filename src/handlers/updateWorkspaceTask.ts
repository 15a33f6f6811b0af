/** PATCH /workspaces/{workspaceId}/tasks/{taskId} */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { updateIn, workspacePlace } from '../http/taskOperations.js';

export const updateWorkspaceTask = defineHandler(
  {
    operationId: 'updateWorkspaceTask',
    params: params.updateWorkspaceTask,
    body: body.updateWorkspaceTask,
  },
  ({ caller, path, headers, body: changes }, store) =>
    updateIn(
      store,
      workspacePlace(store, caller, path.workspaceId),
      path.taskId,
      changes,
      parseIfMatch(headers['if-match']),
    ),
);

export const handler = updateWorkspaceTask(taskStore);
