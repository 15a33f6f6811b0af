/** The local API Gateway: the server and its routing; events, results and docs live beside it. */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { originHeaders } from '../http/cors.js';
import { loadSpec, SPEC_PATH } from '../openapi.js';
import type { Authorizer } from './authorizer.js';
import { DOCS_PATH, prepareDocs, serveDocs, serveFile } from './docs.js';
import { buildProxyEvent, lambdaContext, type ProxyRequest } from './event.js';
import { type HandlerLoader, moduleHandlerLoader, withTimeout } from './invoke.js';
import { corsHeaders, problem, writeProxyResult } from './result.js';
import { type RouteTable, routeTable } from './routes.js';

export {
  HANDLERS_DIR,
  type HandlerLoader,
  moduleHandlerLoader,
  type ProxyHandler,
} from './invoke.js';

export type LogEntry = Record<string, unknown>;

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** API Gateway's REST integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 29_000;

export interface GatewayOptions {
  authorizer: Authorizer;
  /** @default 0 (a free port) */
  port?: number;
  /** @default imports `src/handlers/<operationId>.ts` and uses its `handler` export */
  loadHandler?: HandlerLoader;
  /** @default the repo's openapi.yaml */
  specPath?: string;
  /** @default the repo's docs/index.html */
  docsPath?: string;
  /** Build the docs page at start when it is missing or older than the spec. @default true */
  buildDocs?: boolean;
  /** @default one JSON line on stdout per entry */
  log?: (entry: LogEntry) => void;
  /** @default 'local' */
  stage?: string;
  /** For the Lambda context's ARN. @default 'us-east-1' */
  region?: string;
  /** @default 29 000 (API Gateway's limit) */
  timeoutMs?: number;
  /** @default 10 MiB (API Gateway's limit) */
  maxBodyBytes?: number;
  /** Browser origins that may read the answers (`Access-Control-Allow-Origin`). @default none */
  allowedOrigins?: readonly string[];
}

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const specPath = options.specPath ?? SPEC_PATH;
  const docsPath = options.docsPath ?? DOCS_PATH;
  const log =
    options.log ?? ((entry: LogEntry) => process.stdout.write(`${JSON.stringify(entry)}\n`));
  const ctx: GatewayContext = {
    routes: routeTable(loadSpec(specPath)),
    authorizer: options.authorizer,
    loadHandler: options.loadHandler ?? moduleHandlerLoader(),
    specPath,
    docsPath,
    docsReady: prepareDocs(specPath, docsPath, options.buildDocs ?? true, log),
    log,
    stage: options.stage ?? 'local',
    region: options.region ?? 'us-east-1',
    timeoutMs: options.timeoutMs ?? INTEGRATION_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    allowedOrigins: options.allowedOrigins ?? [],
  };
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch((err: unknown) => {
      log({ level: 'error', msg: 'gateway failure', error: String((err as Error)?.stack ?? err) });
      if (!res.headersSent)
        problem(res, 500, 'internal', 'Internal Server Error', 'the local gateway failed');
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
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        server.closeAllConnections();
      }),
  };
}

interface GatewayContext {
  routes: RouteTable;
  authorizer: Authorizer;
  loadHandler: HandlerLoader;
  specPath: string;
  docsPath: string;
  docsReady: Promise<void>;
  log: (entry: LogEntry) => void;
  stage: string;
  region: string;
  timeoutMs: number;
  maxBodyBytes: number;
  allowedOrigins: readonly string[];
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
  const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : url.slice(queryAt + 1);
  // Every answer, the handlers' and the gateway's own, names the caller's origin if it is allowed.
  const cors = originHeaders(ctx.allowedOrigins, req.headers.origin);
  for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
  const access: LogEntry = {
    level: 'info',
    msg: 'request',
    method,
    path: rawPath,
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

  if (method === 'GET' && rawPath === '/openapi.yaml')
    return serveFile(res, ctx.specPath, 'text/yaml; charset=utf-8');
  if (method === 'GET' && rawPath === '/docs') return serveDocs(res, ctx.docsReady, ctx.docsPath);

  if (method === 'OPTIONS') {
    const methods = ctx.routes.methodsFor(rawPath);
    if (methods.length === 0) return notFound(res, method, rawPath);
    res.writeHead(204, { ...corsHeaders(methods), 'Access-Control-Max-Age': '600' });
    res.end();
    return;
  }

  const match = ctx.routes.match(method, rawPath);
  if (match.kind !== 'operation') return notFound(res, method, rawPath);
  access.operation_id = match.route.operationId;

  const body = await readBody(req, ctx.maxBodyBytes);
  if (body === 'too-large') {
    return problem(
      res,
      413,
      'payload-too-large',
      'Content Too Large',
      `the body must be at most ${ctx.maxBodyBytes} bytes`,
      { Connection: 'close' },
    );
  }

  const auth = await ctx.authorizer(headerOf(req, 'authorization'));
  if (!auth.ok) {
    const extra: Record<string, string> = auth.status === 503 ? { 'Retry-After': '1' } : {};
    const [slug, title] =
      auth.status === 503
        ? ['unavailable', 'Service Unavailable']
        : ['unauthorized', 'Unauthorized'];
    return problem(res, auth.status, slug, title, auth.detail, extra);
  }

  const request: ProxyRequest = {
    method,
    rawPath,
    rawQuery,
    rawHeaders: req.rawHeaders,
    body: body.length > 0 ? body.toString('utf8') : null,
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    localPort: req.socket.localPort ?? 0,
  };
  const event = buildProxyEvent({
    request,
    route: match.route,
    pathParameters: match.pathParameters,
    claims: auth.claims,
    requestId,
    stage: ctx.stage,
  });
  const awsRequestId = randomUUID();
  access.aws_request_id = awsRequestId;
  const context = lambdaContext({
    operationId: match.route.operationId,
    requestId: awsRequestId,
    region: ctx.region,
    timeoutMs: ctx.timeoutMs,
  });

  let result: APIGatewayProxyResult | 'timeout';
  try {
    const handler = await ctx.loadHandler(match.route.operationId);
    result = await withTimeout(handler(event, context), ctx.timeoutMs);
  } catch (err) {
    ctx.log({
      level: 'error',
      msg: 'handler failed',
      request_id: requestId,
      operation_id: match.route.operationId,
      error: String((err as Error)?.stack ?? err),
    });
    return problem(
      res,
      502,
      'bad-gateway',
      'Bad Gateway',
      'the handler failed; see the local stack log',
    );
  }
  if (result === 'timeout') {
    return problem(
      res,
      504,
      'timeout',
      'Gateway Timeout',
      `the handler took longer than ${ctx.timeoutMs} ms`,
    );
  }
  if (!writeProxyResult(res, result)) {
    ctx.log({
      level: 'error',
      msg: 'malformed proxy response',
      request_id: requestId,
      operation_id: match.route.operationId,
    });
    return problem(
      res,
      502,
      'bad-gateway',
      'Bad Gateway',
      'the handler returned a malformed proxy response',
    );
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((done, fail) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let tooLarge = declared > limit;
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      // Keep reading (and dropping) so the client gets the 413 instead of a reset.
      if (!tooLarge) chunks.push(chunk);
      else if (size > limit * 4) req.destroy();
    });
    req.on('end', () => done(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function notFound(res: ServerResponse, method: string, rawPath: string): void {
  problem(res, 404, 'not-found', 'Not Found', `no route for ${method} ${rawPath}`);
}
