/** GET /workspaces/{workspaceId}/tasks */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const listWorkspaceTasks = defineHandler(
  { operationId: 'listWorkspaceTasks', params: params.listWorkspaceTasks },
  async ({ caller, path, query }, store) => {
    const page = await store.workspaceTasks.listTasks(caller, path.workspaceId, {
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      status: query.status,
      assignee: query.assignee,
      cursor: query.cursor,
    });
    return {
      statusCode: 200,
      headers: {},
      body: {
        tasks: page.items,
        count: page.items.length,
        ...(page.cursor ? { next_cursor: page.cursor } : {}),
      },
    };
  },
);

export const handler = listWorkspaceTasks(taskStore);
