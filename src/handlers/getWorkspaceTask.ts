/** GET /workspaces/{workspaceId}/tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { etag } from '../tasks/task.js';

export const getWorkspaceTask = defineHandler(
  { operationId: 'getWorkspaceTask', params: params.getWorkspaceTask },
  async ({ caller, path }, store) => {
    const task = await store.workspaceTasks.getTask(caller, path.workspaceId, path.taskId);
    return { statusCode: 200, headers: { ETag: etag(task.version) }, body: task };
  },
);

export const handler = getWorkspaceTask(taskStore);
