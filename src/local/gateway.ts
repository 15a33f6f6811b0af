/**
 * The local API Gateway (docs/architecture.md#the-local-stack): the HTTP server, run from the API
 * Gateway definition the CDK stack imports (src/local/definition.ts). What API Gateway does with
 * each request is ./dispatch.ts; events, results and docs live beside it.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTION_TIMEOUT_SECONDS } from '../../infra/function-settings.js';
import { loadSpec, SPEC_PATH } from '../openapi.js';
import { localDefinition, readApiModel } from './definition.js';
import { type Dispatch, gatewayDispatch } from './dispatch.js';
import { DOCS_PATH, prepareDocs, serveDocs, serveFile } from './docs.js';
import {
  type Gateway,
  type GatewayOptions,
  INTEGRATION_TIMEOUT_MS,
  type LogEntry,
  MAX_BODY_BYTES,
} from './gateway-options.js';
import { type Home, homePage } from './home.js';
import { moduleHandlerLoader, readBody } from './invoke.js';
import { problem } from './result.js';

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
  const basePath = options.stagePath ? `/${options.stagePath}` : '';
  const ctx: GatewayContext = {
    dispatch: gatewayDispatch({
      api,
      authorizer: options.authorizer,
      loadHandler: options.loadHandler ?? moduleHandlerLoader(),
      log,
      basePath,
      stage: options.stage ?? options.stagePath ?? 'local',
      region,
      timeoutMs: options.timeoutMs ?? INTEGRATION_TIMEOUT_MS,
      functionTimeoutMs: options.functionTimeoutMs ?? FUNCTION_TIMEOUT_SECONDS * 1000,
      maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
      allowedOrigins: options.allowedOrigins ?? [],
    }),
    specPath,
    docsPath,
    docsReady: prepareDocs(specPath, docsPath, options.buildDocs ?? true, log),
    log,
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
    url: `http://127.0.0.1:${actual}${basePath}`,
    port: actual,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((err) => (err ? fail(err) : done()));
        server.closeAllConnections();
      }),
  };
}

interface GatewayContext {
  dispatch: Dispatch;
  specPath: string;
  docsPath: string;
  docsReady: Promise<void>;
  log: (entry: LogEntry) => void;
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
  const target = req.url ?? '/';
  const queryAt = target.indexOf('?');
  const fullPath = queryAt === -1 ? target : target.slice(0, queryAt);
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

  if (method === 'GET' && fullPath === '/openapi.yaml')
    return serveFile(res, ctx.specPath, 'text/yaml; charset=utf-8');
  if (method === 'GET' && (fullPath === '/docs' || fullPath === '/docs/'))
    return serveDocs(res, ctx.docsReady, ctx.docsPath, ctx.problemTypeBase);
  if (method === 'GET' && fullPath === '/') return ctx.home.serve(req, res);

  const answer = await ctx.dispatch({
    requestId,
    method,
    target,
    rawHeaders: req.rawHeaders,
    headers: req.headers,
    readBody: (limit) => readBody(req, limit),
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    localPort: req.socket.localPort ?? 0,
  });
  Object.assign(access, answer.log);
  // The rest of a body past the limit is not read: the connection cannot carry another request.
  const close =
    answer.log.error_response_type === 'REQUEST_TOO_LARGE' ? { Connection: 'close' } : {};
  res.writeHead(answer.status, {
    ...answer.headers,
    ...close,
    'Content-Length': answer.body.length,
  });
  res.end(answer.body);
}
