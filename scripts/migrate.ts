/**
 * `npm run migrate [-- --rate N] [-- --restart]`: after the deploy that brings this version,
 * brings the table's tasks and task counts up to date in place (docs/operations.md#upgrading-a-table-in-place).
 * Reads the same env as the handlers: TABLE_NAME, STATUS_INDEX_SHARDS, DYNAMODB_ENDPOINT (unset:
 * the AWS table of the current credentials and AWS_REGION).
 */
import { parseArgs } from 'node:util';
import { productionConfig } from '../src/config/index.js';
import { createDocumentClient } from '../src/data/client.js';
import { migrateTable } from '../src/data/migrate.js';

const USAGE = 'usage: npm run migrate -- [--rate <items per second, default 100>] [--restart]';

function options() {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string', default: '100' },
      restart: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const rate = Number(values.rate);
  if (!/^\d+$/.test(values.rate) || rate < 1 || rate > 100_000) {
    throw new Error(`--rate must be an integer 1-100000, got ${values.rate}`);
  }
  return { rate, restart: values.restart, help: values.help };
}

let parsed: ReturnType<typeof options>;
try {
  parsed = options();
} catch (err) {
  console.error(`[migrate] ${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
const { data: config, dynamo } = productionConfig();
const db = createDocumentClient(dynamo);
try {
  await migrateTable(db, config, {
    rate: parsed.rate,
    restart: parsed.restart,
    log: (line) => console.log(line),
    warn: (line) => console.error(line),
  });
} finally {
  db.destroy();
}
