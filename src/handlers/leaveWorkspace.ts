/** POST /workspaces/{workspaceId}/leave */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const leaveWorkspace = defineHandler(
  { operationId: 'leaveWorkspace', params: params.leaveWorkspace },
  async ({ caller, path }, store) => {
    await store.members.leave(caller, path.workspaceId);
    return { statusCode: 204, headers: {} };
  },
);

export const handler = leaveWorkspace(taskStore);
