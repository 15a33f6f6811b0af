/** GET /me/assigned-tasks */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { pageBody } from '../http/taskOperations.js';

export const listMyAssignedTasks = defineHandler(
  { operationId: 'listMyAssignedTasks', params: params.listMyAssignedTasks },
  async ({ caller, query }, store) => {
    const page = await store.listAssigned(caller.sub, {
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      cursor: query.cursor,
    });
    return pageBody(page.tasks, page.cursor);
  },
);

export const handler = listMyAssignedTasks(taskStore);
