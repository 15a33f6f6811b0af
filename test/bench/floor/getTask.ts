/** Cold-start floor for getTask: a DocumentClient and the same consistent GetItem. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { getTask } from './calls.js';
import { type FloorHandler, reply, subOf, taskIdOf } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;

export const handler: FloorHandler = async (event) => {
  const { Item } = await getTask(db, tableName, subOf(event), taskIdOf(event));
  return reply(Item ? 200 : 404, Item);
};
