/** DELETE /tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { deleteIn, personalPlace } from '../http/taskOperations.js';

export const deleteTask = defineHandler(
  { operationId: 'deleteTask', params: params.deleteTask },
  ({ caller, path, headers }, store) =>
    deleteIn(store, personalPlace(store, caller), path.taskId, parseIfMatch(headers['if-match'])),
);

export const handler = deleteTask(taskStore);
