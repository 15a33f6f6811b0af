/** PATCH /tasks/{taskId} */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { personalPlace, updateIn } from '../http/taskOperations.js';

export const updateTask = defineHandler(
  { operationId: 'updateTask', params: params.updateTask, body: body.updateTask },
  ({ caller, path, headers, body: changes }, store) =>
    updateIn(
      store,
      personalPlace(store, caller),
      path.taskId,
      changes,
      parseIfMatch(headers['if-match']),
    ),
);

export const handler = updateTask(taskStore);
