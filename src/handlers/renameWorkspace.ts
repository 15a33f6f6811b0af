/** PATCH /workspaces/{workspaceId} */

import * as body from '../contract/validate-body.generated.js';
import * as params from '../contract/validate-params.generated.js';
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import { etag } from '../tasks/task.js';

export const renameWorkspace = defineHandler(
  { operationId: 'renameWorkspace', params: params.renameWorkspace, body: body.renameWorkspace },
  async ({ caller, path, headers, body: changes }, store) => {
    const workspace = await store.workspaces.rename(
      caller,
      path.workspaceId,
      changes.name,
      parseIfMatch(headers['if-match']),
    );
    return { statusCode: 200, headers: { ETag: etag(workspace.version) }, body: workspace };
  },
);

export const handler = renameWorkspace(taskStore);
