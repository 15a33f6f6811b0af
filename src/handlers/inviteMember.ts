/** POST /workspaces/{workspaceId}/members */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { etag } from '../tasks/task.js';

export const inviteMember = defineHandler(
  { operationId: 'inviteMember', params: params.inviteMember, body: body.inviteMember },
  async ({ caller, path, body: input }, store) => {
    const member = await store.members.invite(caller, path.workspaceId, input);
    return { statusCode: 201, headers: { ETag: etag(member.version) }, body: member };
  },
);

export const handler = inviteMember(taskStore);
