/** GET /workspaces/{workspaceId}/members */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const listMembers = defineHandler(
  { operationId: 'listMembers', params: params.listMembers },
  async ({ caller, path, query }, store) => {
    // The validator fills in the spec's default limit.
    const page = await store.members.listMembers(caller, path.workspaceId, {
      limit: query.limit as number,
      cursor: query.cursor,
    });
    return {
      statusCode: 200,
      headers: {},
      body: {
        members: page.items,
        count: page.items.length,
        ...(page.cursor ? { next_cursor: page.cursor } : {}),
      },
    };
  },
);

export const handler = listMembers(taskStore);
