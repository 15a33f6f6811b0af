/** GET /tasks/{taskId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { getIn, personalPlace } from '../http/taskOperations.js';

export const getTask = defineHandler(
  { operationId: 'getTask', params: params.getTask },
  ({ caller, path }, store) => getIn(store, personalPlace(store, caller), path.taskId),
);

export const handler = getTask(taskStore);
