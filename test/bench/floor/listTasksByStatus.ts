/** Cold-start floor for listTasksByStatus: a DocumentClient and the same Query per shard. */
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient } from '../../../src/data/client.js';
import { STATUS_INDEX } from '../../../src/data/table.js';
import { queryStatus } from './calls.js';
import { type FloorHandler, reply } from './event.js';

const db = createDocumentClient(productionConfig().dynamo);
const { tableName, shards } = productionConfig().data;
/** The spec's default page size. */
const LIMIT = 50;

export const handler: FloorHandler = async (event) => {
  const status = event.queryStringParameters?.status as 'pending';
  const pages = await queryStatus(db, tableName, STATUS_INDEX, status, shards, LIMIT);
  return reply(
    200,
    pages.flatMap((page) => page.Items ?? []),
  );
};
