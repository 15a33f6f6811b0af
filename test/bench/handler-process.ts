/**
 * Child process for figures 1 and 3: imports the real handlers of every operation (their env is
 * set by the parent before this process starts, as Lambda sets it before init), counts the
 * design's DynamoDB request cases, then times warm invocations against the floors (every
 * operation and its variants). Stdout is /dev/null: the handlers' log lines are written as in
 * production but go nowhere. Results go to the parent over IPC.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productionConfig } from '../../src/config/index.js';
import { createDocumentClient } from '../../src/data/client.js';
import { countDesignCases, type Handler, mergeCounts } from './requests.js';
import { OPERATIONS, ROWS } from './scenarios.js';
import { warmInvocations } from './warm.js';

interface Settings {
  calls: number;
  warmup: number;
  batch: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const log = (line: string) => process.send?.({ kind: 'log', line });

const handlers: Record<string, Handler> = Object.fromEntries(
  await Promise.all(
    OPERATIONS.map(async (id) => {
      const mod = (await import(`../../src/handlers/${id}.ts`)) as { handler: Handler };
      return [id, mod.handler] as const;
    }),
  ),
);
const { documentClient } = (await import('../../src/data/store.js')) as {
  documentClient: DynamoDBDocumentClient;
};
const config = productionConfig().data;

const design = await countDesignCases(handlers, documentClient, config.shards);
const db = createDocumentClient(productionConfig().dynamo);
const { warm, requests } = await warmInvocations({
  rows: ROWS,
  handlers,
  handlerClient: documentClient,
  db,
  config,
  ...settings,
  log,
});
db.destroy();

process.send?.({ kind: 'result', requests: mergeCounts(requests, design), warm }, () =>
  process.exit(0),
);
