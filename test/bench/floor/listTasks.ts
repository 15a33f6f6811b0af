/** Cold-start floor for listTasks: a DocumentClient and the same Query on the owner's partition. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { queryOwner } from './calls.js';
import { type FloorHandler, reply, subOf } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName } = productionConfig().data;
/** The spec's default page size. */
const LIMIT = 50;

export const handler: FloorHandler = async (event) => {
  const { Items } = await queryOwner(db, tableName, subOf(event), LIMIT);
  return reply(200, Items);
};
