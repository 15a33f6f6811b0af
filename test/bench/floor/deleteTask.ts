/** Cold-start floor for deleteTask: a DocumentClient and the same TransactWriteItems (the delete and the count). */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { deleteTask } from './calls.js';
import { type FloorHandler, reply, subOf, taskIdOf } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  await deleteTask(db, tableName, subOf(event), taskIdOf(event));
  return reply(204, undefined);
};
