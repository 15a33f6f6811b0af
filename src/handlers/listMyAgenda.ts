/** GET /me/agenda */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { pageBody } from '../http/taskOperations.js';

export const listMyAgenda = defineHandler(
  { operationId: 'listMyAgenda', params: params.listMyAgenda },
  async ({ caller, query }, store) => {
    const page = await store.listAgenda(caller.sub, {
      from: query.from,
      to: query.to,
      // The validator fills in the spec's default limit.
      limit: query.limit as number,
      cursor: query.cursor,
    });
    return pageBody(page.tasks, page.cursor);
  },
);

export const handler = listMyAgenda(taskStore);
