/** DELETE /me/invitations/{workspaceId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const declineInvitation = defineHandler(
  { operationId: 'declineInvitation', params: params.declineInvitation },
  async ({ caller, path }, store) => {
    await store.members.decline(caller, path.workspaceId);
    return { statusCode: 204, headers: {} };
  },
);

export const handler = declineInvitation(taskStore);
