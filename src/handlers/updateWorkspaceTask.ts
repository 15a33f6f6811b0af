/** PATCH /workspaces/{workspaceId}/tasks/{taskId} */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { etag } from '../tasks/task.js';

export const updateWorkspaceTask = defineHandler(
  {
    operationId: 'updateWorkspaceTask',
    params: params.updateWorkspaceTask,
    body: body.updateWorkspaceTask,
  },
  async ({ caller, path, headers, body: changes }, store) => {
    const task = await store.workspaceTasks.updateTask(
      caller,
      path.workspaceId,
      path.taskId,
      changes,
      parseIfMatch(headers['if-match']),
    );
    return { statusCode: 200, headers: { ETag: etag(task.version) }, body: task };
  },
);

export const handler = updateWorkspaceTask(taskStore);
