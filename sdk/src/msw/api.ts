/**
 * The API in-process: the local gateway's dispatch (src/local/dispatch.ts) in front of the API's
 * own handlers over their own repository, on an in-memory dynalite of its own. A fetch Request
 * goes in as the local gateway's HTTP server would hand it over; a fetch Response comes out.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FUNCTION_TIMEOUT_SECONDS } from '../../../infra/function-settings.js';
import { functionConfig } from '../../../src/config/function.js';
import { STATUS_INDEX_SHARDS_DEFAULT, TABLE_NAME_DEFAULT } from '../../../src/data/table.js';
import { TaskStore } from '../../../src/data/tasks.js';
import type { Authorizer } from '../../../src/local/claims.js';
import { type GatewayRequest, gatewayDispatch } from '../../../src/local/dispatch.js';
import { ensureTable } from '../../../src/local/dynamodb.js';
import { inProcessDynamoClient } from '../../../src/local/dynamodb-memory.js';
import { INTEGRATION_TIMEOUT_MS, MAX_BODY_BYTES } from '../../../src/local/gateway-options.js';
import { MOCK_REGION, mockApiModel } from './definition.js';
import { HANDLER_FACTORIES, type LambdaHandler, type OperationId } from './handlers.js';

export interface InProcessApiOptions {
  /** Where the API is mounted: its path is the base path (a stage), its port the forwarded one. */
  baseUrl: URL;
  authorizer: Authorizer;
  /** The repository's settings (`new TaskStore(db, config)`). */
  data: Pick<ConstructorParameters<typeof TaskStore>[1], 'maxTasksPerUser'>;
  /** The functions' environment, as their config module reads it (src/config/function.ts). */
  env: Record<string, string>;
}

/** Statuses whose response has no body (fetch's Response refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

export function inProcessApi(
  options: InProcessApiOptions,
): (request: Request) => Promise<Response> {
  let store: Promise<TaskStore> | undefined;
  const handlers = new Map<string, LambdaHandler>();
  const openStore = async () => {
    const client = inProcessDynamoClient(MOCK_REGION);
    await ensureTable(client, TABLE_NAME_DEFAULT, STATUS_INDEX_SHARDS_DEFAULT);
    const db = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    return new TaskStore(db, {
      tableName: TABLE_NAME_DEFAULT,
      shards: STATUS_INDEX_SHARDS_DEFAULT,
      ...options.data,
    });
  };
  const config = functionConfig(options.env);
  const basePath = options.baseUrl.pathname.replace(/\/+$/, '');
  const dispatch = gatewayDispatch({
    api: mockApiModel(),
    authorizer: options.authorizer,
    async loadHandler(operationId) {
      let handler = handlers.get(operationId);
      if (!handler) {
        store ??= openStore();
        const id = operationId as OperationId;
        handler = HANDLER_FACTORIES[id](await store, config);
        handlers.set(operationId, handler);
      }
      return handler;
    },
    log: (entry) => console.error(JSON.stringify(entry)),
    basePath,
    stage: basePath.slice(1) || 'mock',
    region: MOCK_REGION,
    timeoutMs: INTEGRATION_TIMEOUT_MS,
    functionTimeoutMs: FUNCTION_TIMEOUT_SECONDS * 1000,
    maxBodyBytes: MAX_BODY_BYTES,
    allowedOrigins: [],
  });

  return async (request) => {
    const requestId = randomUUID();
    const answer = await dispatch(gatewayRequest(request, requestId));
    const headers = new Headers({ 'x-amzn-RequestId': requestId });
    for (const [name, value] of Object.entries(answer.headers)) {
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const body = NULL_BODY_STATUSES.has(answer.status) ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, headers });
  };
}

/** The request as the local gateway's server reads it off the wire, Host included. */
function gatewayRequest(request: Request, requestId: string): GatewayRequest {
  const url = new URL(request.url);
  const rawHeaders = ['Host', url.host];
  request.headers.forEach((value, name) => {
    rawHeaders.push(name, value);
  });
  const headers: IncomingHttpHeaders = { host: url.host };
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    requestId,
    method: request.method,
    target: `${url.pathname}${url.search}`,
    rawHeaders,
    headers,
    async readBody(limit) {
      const body = Buffer.from(await request.arrayBuffer());
      return body.length > limit ? 'too-large' : body;
    },
    sourceIp: '127.0.0.1',
    localPort: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
}
