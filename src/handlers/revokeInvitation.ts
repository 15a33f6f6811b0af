/** DELETE /workspaces/{workspaceId}/invitations/{email} */

import { canonicalEmail } from '../contract/email.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';

export const revokeInvitation = defineHandler(
  { operationId: 'revokeInvitation', params: params.revokeInvitation },
  async ({ caller, path }, store) => {
    await store.members.revokeInvitation(caller, path.workspaceId, canonicalEmail(path.email));
    return { statusCode: 204, headers: {} };
  },
);

export const handler = revokeInvitation(taskStore);
