/**
 * Child process for figures 1 and 3: imports the real handlers, personal and workspace ones
 * (their env is set by the parent before this process starts, as Lambda sets it before init),
 * counts DynamoDB requests per operation, then times warm invocations. Stdout is /dev/null: the handlers' log lines are
 * written as in production but go nowhere. Results go to the parent over IPC.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { productionConfig } from '../../src/config/index.js';
import { createDocumentClient } from '../../src/data/client.js';
import { countRequests, type Handler } from './requests.js';
import {
  OPERATIONS,
  type OperationId,
  WORKSPACE_OPERATIONS,
  type WorkspaceOperationId,
} from './scenarios.js';
import { warmInvocations } from './warm.js';
import { workspaceWarmInvocations } from './warm-workspaces.js';

interface Settings {
  calls: number;
  warmup: number;
  batch: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const log = (line: string) => process.send?.({ kind: 'log', line });

const load = async <Id extends string>(ids: readonly Id[]) =>
  Object.fromEntries(
    await Promise.all(
      ids.map(async (id) => {
        const mod = (await import(`../../src/handlers/${id}.ts`)) as { handler: Handler };
        return [id, mod.handler] as const;
      }),
    ),
  ) as Record<Id, Handler>;
const handlers: Record<OperationId, Handler> = await load(OPERATIONS);
const workspaceHandlers: Record<WorkspaceOperationId, Handler> = await load(WORKSPACE_OPERATIONS);
const { documentClient } = (await import('../../src/data/store.js')) as {
  documentClient: DynamoDBDocumentClient;
};
const { tableName, shards } = productionConfig().data;

const requests = await countRequests(handlers, documentClient, shards);
const db = createDocumentClient(productionConfig().dynamo);
const warm = await warmInvocations({ handlers, db, tableName, shards, ...settings, log });
const workspaces = await workspaceWarmInvocations({
  handlers: workspaceHandlers,
  handlerClient: documentClient,
  db,
  tableName,
  shards,
  ...settings,
  log,
});
db.destroy();

process.send?.(
  {
    kind: 'result',
    requests: [...requests, ...workspaces.requests],
    warm: [...warm, ...workspaces.warm],
  },
  () => process.exit(0),
);
