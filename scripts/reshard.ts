/**
 * `npm run reshard`: after changing STATUS_INDEX_SHARDS (and deploying it), re-keys the status
 * index to the new N. Reads the same env as the handlers: TABLE_NAME, STATUS_INDEX_SHARDS,
 * DYNAMODB_ENDPOINT (unset: the AWS table of the current credentials and AWS_REGION).
 */
import { productionConfig } from '../src/config/index.js';
import { createDocumentClient } from '../src/data/client.js';
import { reshardStatusIndex } from '../src/data/reshard.js';

const { data: config, dynamo } = productionConfig();
const db = createDocumentClient(dynamo);
try {
  const moved = await reshardStatusIndex(db, config);
  console.log(
    `[reshard] ${config.tableName}: ${moved} entries moved; the index has ${config.shards} shards`,
  );
} finally {
  db.destroy();
}
