/** GET /me/invitations */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const listMyInvitations = defineHandler(
  { operationId: 'listMyInvitations', params: params.listMyInvitations },
  async ({ caller, query }, store) => {
    // The validator fills in the spec's default limit.
    const page = await store.members.listInvitations(caller, {
      limit: query.limit as number,
      cursor: query.cursor,
    });
    return {
      statusCode: 200,
      headers: {},
      body: {
        invitations: page.items,
        count: page.items.length,
        ...(page.cursor ? { next_cursor: page.cursor } : {}),
      },
    };
  },
);

export const handler = listMyInvitations(taskStore);
