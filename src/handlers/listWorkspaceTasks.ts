/** GET /workspaces/{workspaceId}/tasks */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { listIn, workspacePlace } from '../http/taskOperations.js';

export const listWorkspaceTasks = defineHandler(
  { operationId: 'listWorkspaceTasks', params: params.listWorkspaceTasks },
  ({ caller, path, query }, store) =>
    listIn(store, workspacePlace(store, caller, path.workspaceId), caller, query),
);

export const handler = listWorkspaceTasks(taskStore);
