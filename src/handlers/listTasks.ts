/** GET /tasks */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { listIn, personalPlace } from '../http/taskOperations.js';

export const listTasks = defineHandler(
  { operationId: 'listTasks', params: params.listTasks },
  ({ caller, query }, store) => listIn(store, personalPlace(store, caller), caller, query),
);

export const handler = listTasks(taskStore);
