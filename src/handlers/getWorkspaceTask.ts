/** GET /workspaces/{workspaceId}/tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { getIn, workspacePlace } from '../http/taskOperations.js';

export const getWorkspaceTask = defineHandler(
  { operationId: 'getWorkspaceTask', params: params.getWorkspaceTask },
  ({ caller, path }, store) =>
    getIn(store, workspacePlace(store, caller, path.workspaceId), path.taskId),
);

export const handler = getWorkspaceTask(taskStore);
