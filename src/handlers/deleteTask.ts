/** DELETE /tasks/{taskId} */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import * as params from '../http/validate-params.generated.js';

export const deleteTask = defineHandler(
  { operationId: 'deleteTask', params: params.deleteTask },
  async ({ caller, path, headers }, store) => {
    await store.delete(caller.sub, path.taskId, parseIfMatch(headers['if-match']));
    return { statusCode: 204, headers: {} };
  },
);

export const handler = deleteTask(taskStore);
