/** POST /me/invitations/{workspaceId} */

import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { etag } from '../tasks/task.js';

export const acceptInvitation = defineHandler(
  { operationId: 'acceptInvitation', params: params.acceptInvitation },
  async ({ caller, path }, store) => {
    const workspace = await store.members.accept(caller, path.workspaceId);
    return { statusCode: 200, headers: { ETag: etag(workspace.version) }, body: workspace };
  },
);

export const handler = acceptInvitation(taskStore);
