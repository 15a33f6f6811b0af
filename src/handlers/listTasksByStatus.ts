/** GET /admin/tasks */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { pageBody } from '../http/taskOperations.js';
import { toAdminTask } from '../tasks/task.js';

export const listTasksByStatus = defineHandler(
  { operationId: 'listTasksByStatus', params: params.listTasksByStatus, adminOnly: true },
  async ({ query }, store) => {
    const page = await store.listByStatus(query.status, {
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      cursor: query.cursor,
    });
    return pageBody(page.tasks.map(toAdminTask), page.cursor);
  },
);

export const handler = listTasksByStatus(taskStore);
