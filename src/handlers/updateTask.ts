/** PATCH /tasks/{taskId} */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import { parseIfMatch } from '../http/headers.js';
import * as body from '../http/validate-body.generated.js';
import * as params from '../http/validate-params.generated.js';
import { etag, toTask } from '../tasks/task.js';

export const updateTask = defineHandler(
  { operationId: 'updateTask', params: params.updateTask, body: body.updateTask },
  async ({ caller, path, headers, body: changes }, store) => {
    const task = await store.update(
      caller.sub,
      path.taskId,
      changes,
      parseIfMatch(headers['if-match']),
    );
    return { statusCode: 200, headers: { ETag: etag(task.version) }, body: toTask(task) };
  },
);

export const handler = updateTask(taskStore);
