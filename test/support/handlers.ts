/**
 * Runs handlers in-process against a fresh in-memory dynalite, checking every answer against
 * openapi.yaml. The env is set before the first handler import (handlers read it at init).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { expect } from 'vitest';
import { ensureTable, localDynamoClient, startDynalite } from '../../src/local/dynamodb.js';
import { contractViolations } from './contract.js';
import { apiEvent, type EventParts, lambdaContext, type OperationId, ROUTES } from './events.js';

export { type OperationId, ROUTES };

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export interface Invocation {
  status: number;
  headers: Record<string, string>;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked against the spec
  json: any;
}

export interface HandlerEnv {
  tableName: string;
  client: DynamoDBClient;
  invoke(
    operationId: OperationId,
    parts: Omit<EventParts, 'method' | 'resource'>,
  ): Promise<Invocation>;
  /** Every item in the table, sorted, for "nothing changed" checks. */
  items(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export async function startHandlerEnv(env: Record<string, string> = {}): Promise<HandlerEnv> {
  const dynamo = await startDynalite();
  const tableName = 'TaskApp';
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'us-east-1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, tableName);
  const doc = DynamoDBDocumentClient.from(client);
  const handlers = new Map<string, Handler>();

  async function load(operationId: OperationId): Promise<Handler> {
    let h = handlers.get(operationId);
    if (!h) {
      h = ((await import(`../../src/handlers/${operationId}.ts`)) as { handler: Handler }).handler;
      handlers.set(operationId, h);
    }
    return h;
  }

  return {
    tableName,
    client,
    async invoke(operationId, parts) {
      const handler = await load(operationId);
      const result = await handler(apiEvent({ ...ROUTES[operationId], ...parts }), lambdaContext());
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
