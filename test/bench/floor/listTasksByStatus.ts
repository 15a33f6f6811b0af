/** Cold-start floor for listTasksByStatus: a DocumentClient and the same Query per shard. */
import { createDocumentClient, dataConfig } from '../../../src/data/client.js';
import { STATUS_INDEX } from '../../../src/data/table.js';
import { queryStatus } from './calls.js';
import { type FloorHandler, reply } from './event.js';

const db = createDocumentClient();
const { tableName, shards } = dataConfig();
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
