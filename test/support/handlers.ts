/**
 * Runs handlers in-process against their own fresh table, checking every answer against
 * openapi.yaml. Each handler is built by its operation's factory with this env's store and
 * function config: no process.env, no shared client.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { expect } from 'vitest';
import { type Env, type FunctionConfig, functionConfig } from '../../src/config/index.js';
import { TaskStore } from '../../src/data/tasks.js';
import type { HandlerFactory, LambdaHandler } from '../../src/http/handler.js';
import type { DynamoEngine } from '../../src/local/dynamodb.js';
import { contractViolations } from './contract.js';
import { startTestDynamo } from './dynamo.js';
import { apiEvent, type EventParts, lambdaContext, type OperationId, ROUTES } from './events.js';

export { type OperationId, ROUTES };

type Factory = HandlerFactory<OperationId>;

export interface Invocation {
  status: number;
  headers: Record<string, string>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked against the spec
  json: any;
}

export interface HandlerEnvOptions {
  /** @default 10 */
  shards?: number;
  /** @default - the run's engine (`DYNAMODB_ENGINE`) */
  engine?: DynamoEngine;
}

/** The functions' environment here: as quiet as a test wants, every other setting its default. */
const QUIET: Env = { LOG_LEVEL: 'silent' };

export interface HandlerEnv {
  tableName: string;
  endpoint: string;
  client: DynamoDBClient;
  /** The DocumentClient behind the handlers' store. */
  doc: DynamoDBDocumentClient;
  store: TaskStore;
  /** The handlers' function config (QUIET on this env's table). */
  config: FunctionConfig;
  /**
   * `store` in place of this env's; `env`: variables of the function's environment for this
   * invocation (WORKSPACE_DELETE_BATCHES, ...) over QUIET.
   */
  invoke(
    operationId: OperationId,
    parts: Omit<EventParts, 'method' | 'resource'>,
    options?: { context?: Context; store?: TaskStore; env?: Env },
  ): Promise<Invocation>;
  /** Every item in the table, sorted, for "nothing changed" checks. */
  items(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/** The operation's handler factory, exported by its module under its operationId. */
export async function handlerFactory(operationId: OperationId): Promise<Factory> {
  const module = (await import(`../../src/handlers/${operationId}.ts`)) as Record<string, Factory>;
  const factory = module[operationId];
  if (!factory) throw new Error(`src/handlers/${operationId}.ts exports no ${operationId}`);
  return factory;
}

export async function startHandlerEnv(options: HandlerEnvOptions = {}): Promise<HandlerEnv> {
  const dynamo = await startTestDynamo(options.engine);
  const tableName = 'TaskApp';
  const client = dynamo.client();
  const shards = options.shards ?? 10;
  await dynamo.ensureTable(client, tableName, shards);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  const data = { tableName, shards };
  const store = new TaskStore(doc, data);
  const configOf = (env: Env = {}) => ({ ...functionConfig({ ...QUIET, ...env }), data });
  const config = configOf();
  const handlers = new Map<string, LambdaHandler>();

  async function load(operationId: OperationId): Promise<LambdaHandler> {
    let h = handlers.get(operationId);
    if (!h) {
      h = (await handlerFactory(operationId))(store, config);
      handlers.set(operationId, h);
    }
    return h;
  }

  return {
    tableName,
    endpoint: dynamo.endpoint,
    client,
    doc,
    store,
    config,
    async invoke(operationId, parts, options = {}) {
      const handler =
        options.store || options.env
          ? (await handlerFactory(operationId))(options.store ?? store, configOf(options.env))
          : await load(operationId);
      const result: APIGatewayProxyResult = await handler(
        apiEvent({ ...ROUTES[operationId], ...parts }) as APIGatewayProxyEvent,
        options.context ?? lambdaContext(),
      );
      const headers = Object.fromEntries(
        Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const res = { status: result.statusCode, headers, body: result.body };
      expect(contractViolations(operationId, res), `${operationId} answered off-contract`).toEqual(
        [],
      );
      return { ...res, json: result.body ? JSON.parse(result.body) : undefined };
    },
    async items() {
      const out = await doc.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
      return (out.Items ?? []).sort((a, b) => `${a.PK}${a.SK}`.localeCompare(`${b.PK}${b.SK}`));
    },
    async stop() {
      client.destroy();
      await dynamo.close();
    },
  };
}
