/** Cold-start floor for updateTask: a DocumentClient and the same conditional UpdateItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { updateStatus } from './calls.js';
import { type FloorHandler, reply, subOf, taskIdOf } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName, shards } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const { status } = JSON.parse(event.body ?? '{}') as { status: 'in_progress' };
  const { Attributes } = await updateStatus(db, tableName, shards, {
    sub: subOf(event),
    taskId: taskIdOf(event),
    status,
    at: new Date().toISOString(),
  });
  return reply(200, Attributes);
};
