/** DELETE /workspaces/{workspaceId}/members/{userId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const removeMember = defineHandler(
  { operationId: 'removeMember', params: params.removeMember },
  async ({ caller, path }, store) => {
    await store.members.removeMember(caller, path.workspaceId, path.userId);
    return { statusCode: 204, headers: {} };
  },
);

export const handler = removeMember(taskStore);
