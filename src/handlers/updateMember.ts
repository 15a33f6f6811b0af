/** PATCH /workspaces/{workspaceId}/members/{userId} */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { etag } from '../tasks/task.js';

export const updateMember = defineHandler(
  { operationId: 'updateMember', params: params.updateMember, body: body.updateMember },
  async ({ caller, path, headers, body: changes }, store) => {
    const member = await store.members.updateMember(
      caller,
      path.workspaceId,
      path.userId,
      changes.role,
      parseIfMatch(headers['if-match']),
    );
    return { statusCode: 200, headers: { ETag: etag(member.version) }, body: member };
  },
);

export const handler = updateMember(taskStore);
