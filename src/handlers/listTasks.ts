/** GET /tasks */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import * as params from '../http/validate-params.generated.js';
import { toTask } from '../tasks/task.js';

export const listTasks = defineHandler(
  { operationId: 'listTasks', params: params.listTasks },
  async ({ caller, query }, store) => {
    const page = await store.listByOwner(caller.sub, {
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      status: query.status,
      cursor: query.cursor,
    });
    const tasks = page.tasks.map(toTask);
    return {
      statusCode: 200,
      headers: {},
      body: { tasks, count: tasks.length, ...(page.cursor ? { next_cursor: page.cursor } : {}) },
    };
  },
);

export const handler = listTasks(taskStore);
