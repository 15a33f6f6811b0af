/**
 * The local API Gateway (docs/architecture.md#the-local-stack): the server and its routing, run from the API Gateway definition the CDK
 * stack imports (src/local/definition.ts). Events, results and docs live beside it.
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { FUNCTION_TIMEOUT_SECONDS } from '../../infra/function-settings.js';
import { originHeaders } from '../http/cors.js';
import { loadSpec, SPEC_PATH } from '../openapi.js';
import type { Authorizer } from './authorizer.js';
import { type ApiModel, localDefinition, type MethodModel, readApiModel } from './definition.js';
import { DOCS_PATH, prepareDocs, serveDocs, serveFile } from './docs.js';
import { buildProxyEvent, lambdaContext, type ProxyRequest } from './event.js';
import {
  type Gateway,
  type GatewayOptions,
  INTEGRATION_TIMEOUT_MS,
  type LogEntry,
  MAX_BODY_BYTES,
} from './gateway-options.js';
import { type LocalGatewayError, renderGatewayResponse } from './gateway-response.js';
import { type Home, homePage } from './home.js';
import { type HandlerLoader, moduleHandlerLoader, readBody, withTimeout } from './invoke.js';
import { problem, writeProxyResult } from './result.js';
import { type RouteTable, routeTable } from './routes.js';
import { missingParameters } from './validator.js';

export {
  type Gateway,
  type GatewayOptions,
  INTEGRATION_TIMEOUT_MS,
  type LogEntry,
  MAX_BODY_BYTES,
} from './gateway-options.js';
export {
  HANDLERS_DIR,
  type HandlerLoader,
  moduleHandlerLoader,
  type ProxyHandler,
} from './invoke.js';

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const specPath = options.specPath ?? SPEC_PATH;
  const docsPath = options.docsPath ?? DOCS_PATH;
  const region = options.region ?? 'us-east-1';
  const log =
    options.log ?? ((entry: LogEntry) => process.stdout.write(`${JSON.stringify(entry)}\n`));
  const definition =
    options.definition ??
    localDefinition({
      spec: loadSpec(specPath),
      region,
      userPoolId: `${region}_Local00000`,
      allowedClientIds: [],
    });
  const api = readApiModel(definition);
  if (options.stagePath !== undefined && !/^[\w-]+$/.test(options.stagePath)) {
    throw new Error(`stage must be letters, digits, _ or -, got ${options.stagePath}`);
  }
  const ctx: GatewayContext = {
    api,
    routes: routeTable(api.methods),
    authorizer: options.authorizer,
    loadHandler: options.loadHandler ?? moduleHandlerLoader(),
    specPath,
    docsPath,
    docsReady: prepareDocs(specPath, docsPath, options.buildDocs ?? true, log),
    log,
    basePath: options.stagePath ? `/${options.stagePath}` : '',
    stage: options.stage ?? options.stagePath ?? 'local',
    region,
    timeoutMs: options.timeoutMs ?? INTEGRATION_TIMEOUT_MS,
    functionTimeoutMs: options.functionTimeoutMs ?? FUNCTION_TIMEOUT_SECONDS * 1000,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    allowedOrigins: options.allowedOrigins ?? [],
    problemTypeBase: options.problemTypeBase,
    home: homePage(options.webUrl),
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      log({ level: 'error', msg: 'gateway failure', error: String((err as Error)?.stack ?? err) });
      if (!res.headersSent)
        problem(res, 'internal', 'the local gateway failed', ctx.problemTypeBase);
      else res.destroy();
    });
  });
  const port = options.port ?? 0;
  await new Promise<void>((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(
        err.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} (api) is already in use on 127.0.0.1; stop what holds it or set PORT`,
            )
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', () => done());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}${ctx.basePath}`,
    port: actual,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        server.closeAllConnections();
      }),
  };
}

interface GatewayContext {
  api: ApiModel;
  routes: RouteTable<MethodModel>;
  authorizer: Authorizer;
  loadHandler: HandlerLoader;
  specPath: string;
  docsPath: string;
  docsReady: Promise<void>;
  log: (entry: LogEntry) => void;
  /** '' or `/<stage>`: what precedes the resource path in the URL. */
  basePath: string;
  stage: string;
  region: string;
  timeoutMs: number;
  functionTimeoutMs: number;
  maxBodyBytes: number;
  allowedOrigins: readonly string[];
  problemTypeBase: string | undefined;
  home: Home;
}

async function handle(
  ctx: GatewayContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const queryAt = url.indexOf('?');
  const fullPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const access: LogEntry = {
    level: 'info',
    msg: 'request',
    method,
    path: fullPath,
    request_id: requestId,
  };
  res.setHeader('x-amzn-RequestId', requestId);
  res.on('finish', () => {
    ctx.log({
      time: new Date().toISOString(),
      ...access,
      status: res.statusCode,
      latency_ms: Math.round(performance.now() - started),
    });
  });
  const fail = (
    type: LocalGatewayError,
    message?: string,
    headers: Record<string, string> = {},
  ) => {
    access.error_response_type = type;
    const r = renderGatewayResponse(ctx.api.gatewayResponses, type, { requestId, message });
    res.writeHead(r.status, {
      ...r.headers,
      ...headers,
      'Content-Length': Buffer.byteLength(r.body),
    });
    res.end(r.body);
  };

  if (method === 'GET' && fullPath === '/openapi.yaml')
    return serveFile(res, ctx.specPath, 'text/yaml; charset=utf-8');
  if (method === 'GET' && (fullPath === '/docs' || fullPath === '/docs/'))
    return serveDocs(res, ctx.docsReady, ctx.docsPath, ctx.problemTypeBase);
  if (method === 'GET' && fullPath === '/') return ctx.home.serve(req, res);

  const rawPath = stripBasePath(fullPath, ctx.basePath);
  if (rawPath === undefined) return fail('MISSING_AUTHENTICATION_TOKEN');
  const match = ctx.routes.match(method, rawPath);
  if (method === 'OPTIONS' && match.kind !== 'none') {
    const preflight = ctx.api.preflights.get(
      match.kind === 'operation' ? match.route.resource : match.resource,
    );
    if (preflight) {
      // The definition's static origin, or the caller's when listed (the stack's mapping template).
      res.writeHead(204, {
        ...preflight,
        ...originHeaders(ctx.allowedOrigins, req.headers.origin),
      });
      res.end();
      return;
    }
  }
  if (match.kind !== 'operation') return fail('MISSING_AUTHENTICATION_TOKEN');
  const route = match.route;
  access.operation_id = route.operationId;

  const body = await readBody(req, ctx.maxBodyBytes);
  if (body === 'too-large') return fail('REQUEST_TOO_LARGE', undefined, { Connection: 'close' });

  // API Gateway's order: authorizer, then the request validator, then the integration.
  let claims: Record<string, string> | undefined;
  if (route.authorizer) {
    const header = ctx.api.authorizers[route.authorizer]?.header ?? 'Authorization';
    const auth = await ctx.authorizer(headerOf(req, header.toLowerCase()));
    if (!auth.ok) {
      access.authorizer_error = auth.detail;
      return fail(auth.status === 503 ? 'AUTHORIZER_CONFIGURATION_ERROR' : 'UNAUTHORIZED');
    }
    claims = auth.claims;
  }
  const missing = missingParameters(route.requiredParameters, {
    query: new URLSearchParams(rawQuery),
    headers: req.headers,
  });
  if (missing.length > 0) {
    return fail(
      'BAD_REQUEST_PARAMETERS',
      `Missing required request parameters: [${missing.join(', ')}]`,
    );
  }

  const request: ProxyRequest = {
    method,
    rawPath,
    rawQuery,
    rawHeaders: req.rawHeaders,
    ...proxyBody(body),
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    localPort: req.socket.localPort ?? 0,
  };
  const event = buildProxyEvent({
    request,
    route,
    pathParameters: match.pathParameters,
    claims,
    requestId,
    stage: ctx.stage,
    basePath: ctx.basePath,
  });
  const awsRequestId = randomUUID();
  access.aws_request_id = awsRequestId;
  const context = lambdaContext({
    operationId: route.operationId,
    requestId: awsRequestId,
    region: ctx.region,
    timeoutMs: ctx.functionTimeoutMs,
  });

  let result: APIGatewayProxyResult | 'timeout';
  try {
    const handler = await ctx.loadHandler(route.operationId);
    // A function past its own timeout fails its invocation; past the integration's, API Gateway
    // stops waiting (INTEGRATION_TIMEOUT), whichever comes first.
    const limit = Math.min(ctx.functionTimeoutMs, ctx.timeoutMs);
    result = await withTimeout(handler(event, context), limit);
    if (result === 'timeout' && limit === ctx.functionTimeoutMs && limit < ctx.timeoutMs) {
      ctx.log({ level: 'error', msg: 'function timed out', request_id: requestId });
      return fail('INTEGRATION_FAILURE');
    }
  } catch (err) {
    ctx.log({
      level: 'error',
      msg: 'handler failed',
      request_id: requestId,
      operation_id: route.operationId,
      error: String((err as Error)?.stack ?? err),
    });
    return fail('INTEGRATION_FAILURE');
  }
  if (result === 'timeout') return fail('INTEGRATION_TIMEOUT');
  if (!writeProxyResult(res, result)) {
    ctx.log({
      level: 'error',
      msg: 'malformed proxy response',
      request_id: requestId,
      operation_id: route.operationId,
    });
    return fail('INTEGRATION_FAILURE');
  }
}

/**
 * API Gateway hands a text payload over as a string: UTF-8 JSON
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-payload-encodings.html).
 * Bytes that are not UTF-8 are no text payload; rather than replace them with U+FFFD (which the
 * function could not tell from a U+FFFD the client sent), pass them as a binary payload,
 * base64-encoded, so the function refuses them (docs/architecture.md#the-local-stack).
 */
function proxyBody(body: Buffer): { body: string | null; isBase64Encoded: boolean } {
  if (body.length === 0) return { body: null, isBase64Encoded: false };
  if (isUtf8(body)) return { body: body.toString('utf8'), isBase64Encoded: false };
  return { body: body.toString('base64'), isBase64Encoded: true };
}

/** The path below the stage; undefined when the URL is not under it. */
function stripBasePath(path: string, basePath: string): string | undefined {
  if (!basePath) return path;
  if (path === basePath) return '/';
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
