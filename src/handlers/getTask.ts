/** GET /tasks/{taskId} */
import { taskStore } from '../data/store.js';
import { defineHandler } from '../http/handler.js';
import * as params from '../http/validate-params.generated.js';
import { etag, toTask } from '../tasks/task.js';

export const getTask = defineHandler(
  { operationId: 'getTask', params: params.getTask },
  async ({ caller, path }, store) => {
    const task = await store.get(caller.sub, path.taskId);
    return { statusCode: 200, headers: { ETag: etag(task.version) }, body: toTask(task) };
  },
);

export const handler = getTask(taskStore);
