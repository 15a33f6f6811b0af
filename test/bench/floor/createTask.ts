/** Cold-start floor for createTask: a DocumentClient and the same TransactWriteItems (the task and its count). */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { putTask, taskItem } from './calls.js';
import { type FloorHandler, reply, subOf } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName, shards } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const input = JSON.parse(event.body ?? '{}') as { title: string; description: string };
  const item = taskItem(
    {
      sub: subOf(event),
      taskId: event.requestContext.requestId,
      title: input.title,
      description: input.description,
      at: new Date().toISOString(),
    },
    shards,
  );
  await putTask(db, tableName, item);
  return reply(201, item);
};
