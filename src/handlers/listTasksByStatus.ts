/** GET /admin/tasks */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import * as params from '../http/validate-params.generated.js';
import { toAdminTask } from '../tasks/task.js';

export const listTasksByStatus = defineHandler(
  { operationId: 'listTasksByStatus', params: params.listTasksByStatus, adminOnly: true },
  async ({ query }, store) => {
    const page = await store.listByStatus(query.status, {
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      cursor: query.cursor,
    });
    const tasks = page.tasks.map(toAdminTask);
    return {
      statusCode: 200,
      headers: {},
      body: { tasks, count: tasks.length, ...(page.cursor ? { next_cursor: page.cursor } : {}) },
    };
  },
);

export const handler = listTasksByStatus(taskStore);
