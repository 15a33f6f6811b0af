/**
 * One request through the local API Gateway (docs/architecture.md#the-local-stack), as API
 * Gateway takes it: the definition's routes, preflights, the payload limit, the authorizer, the
 * parameter validator, the REST v1 proxy event, and the function's answer or the gateway's own
 * error. No server here: the local gateway's HTTP server and the SDK's mock both call it.
 */
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { originHeaders } from '../http/cors.js';
import type { Authorizer } from './claims.js';
import type { ApiModel } from './definition.js';
import { buildProxyEvent, lambdaContext, type ProxyRequest } from './event.js';
import type { LogEntry } from './gateway-options.js';
import { type LocalGatewayError, renderGatewayResponse } from './gateway-response.js';
import type { HandlerLoader } from './invoke.js';
import { routeTable } from './routes.js';
import { missingParameters } from './validator.js';

export interface GatewayRequest {
  /** `x-amzn-RequestId`, the event's `requestContext.requestId`. */
  requestId: string;
  method: string;
  /** Path and query as sent, still percent-encoded. */
  target: string;
  /** name, value, name, value... with the client's casing and repeats. */
  rawHeaders: string[];
  /** Lower-case names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** Read only for a route that exists: the bytes, or 'too-large' past `limit`. */
  readBody(limit: number): Promise<Buffer | 'too-large'>;
  sourceIp: string;
  /** Where the client reached the gateway, for `X-Forwarded-Port`. */
  localPort: number;
}

export interface GatewayAnswer {
  status: number;
  /** Each name once (the casing it first had), with every value. */
  headers: Record<string, string | string[]>;
  body: Buffer;
  /** What this request adds to the access log line. */
  log: LogEntry;
}

export type Dispatch = (request: GatewayRequest) => Promise<GatewayAnswer>;

export interface DispatchOptions {
  api: ApiModel;
  authorizer: Authorizer;
  loadHandler: HandlerLoader;
  /** Failures of the integration (the client gets the gateway response only). */
  log: (entry: LogEntry) => void;
  /** '' or `/<stage>`: what precedes the resource path in the URL. */
  basePath: string;
  stage: string;
  region: string;
  timeoutMs: number;
  functionTimeoutMs: number;
  maxBodyBytes: number;
  allowedOrigins: readonly string[];
}

export function gatewayDispatch(options: DispatchOptions): Dispatch {
  const routes = routeTable(options.api.methods);
  return async (request) => {
    const { requestId, method } = request;
    const log: LogEntry = {};
    const fail = (type: LocalGatewayError, message?: string): GatewayAnswer => {
      log.error_response_type = type;
      const r = renderGatewayResponse(options.api.gatewayResponses, type, { requestId, message });
      return { status: r.status, headers: r.headers, body: Buffer.from(r.body), log };
    };
    const queryAt = request.target.indexOf('?');
    const fullPath = queryAt === -1 ? request.target : request.target.slice(0, queryAt);
    const rawQuery = queryAt === -1 ? '' : request.target.slice(queryAt + 1);
    const rawPath = stripBasePath(fullPath, options.basePath);
    if (rawPath === undefined) return fail('MISSING_AUTHENTICATION_TOKEN');
    const match = routes.match(method, rawPath);
    if (method === 'OPTIONS' && match.kind !== 'none') {
      const preflight = options.api.preflights.get(
        match.kind === 'operation' ? match.route.resource : match.resource,
      );
      if (preflight) {
        // The definition's static origin, or the caller's when listed (the stack's mapping template).
        const origin = originHeaders(options.allowedOrigins, first(request.headers.origin));
        return { status: 204, headers: { ...preflight, ...origin }, body: Buffer.alloc(0), log };
      }
    }
    if (match.kind !== 'operation') return fail('MISSING_AUTHENTICATION_TOKEN');
    const route = match.route;
    log.operation_id = route.operationId;

    const body = await request.readBody(options.maxBodyBytes);
    if (body === 'too-large') return fail('REQUEST_TOO_LARGE');

    // API Gateway's order: authorizer, then the request validator, then the integration.
    let claims: Record<string, string> | undefined;
    if (route.authorizer) {
      const header = options.api.authorizers[route.authorizer]?.header ?? 'Authorization';
      const auth = await options.authorizer(first(request.headers[header.toLowerCase()]));
      if (!auth.ok) {
        log.authorizer_error = auth.detail;
        return fail(auth.status === 503 ? 'AUTHORIZER_CONFIGURATION_ERROR' : 'UNAUTHORIZED');
      }
      claims = auth.claims;
    }
    const missing = missingParameters(route.requiredParameters, {
      query: new URLSearchParams(rawQuery),
      headers: request.headers,
    });
    if (missing.length > 0) {
      return fail(
        'BAD_REQUEST_PARAMETERS',
        `Missing required request parameters: [${missing.join(', ')}]`,
      );
    }

    const proxyRequest: ProxyRequest = {
      method,
      rawPath,
      rawQuery,
      rawHeaders: request.rawHeaders,
      ...proxyBody(body),
      sourceIp: request.sourceIp,
      localPort: request.localPort,
    };
    const event = buildProxyEvent({
      request: proxyRequest,
      route,
      pathParameters: match.pathParameters,
      claims,
      requestId,
      stage: options.stage,
      basePath: options.basePath,
    });
    const awsRequestId = randomUUID();
    log.aws_request_id = awsRequestId;
    const context = lambdaContext({
      operationId: route.operationId,
      requestId: awsRequestId,
      region: options.region,
      timeoutMs: options.functionTimeoutMs,
    });

    let result: APIGatewayProxyResult | 'timeout';
    try {
      const handler = await options.loadHandler(route.operationId);
      // A function past its own timeout fails its invocation; past the integration's, API Gateway
      // stops waiting (INTEGRATION_TIMEOUT), whichever comes first.
      const limit = Math.min(options.functionTimeoutMs, options.timeoutMs);
      result = await withTimeout(handler(event, context), limit);
      if (
        result === 'timeout' &&
        limit === options.functionTimeoutMs &&
        limit < options.timeoutMs
      ) {
        options.log({ level: 'error', msg: 'function timed out', request_id: requestId });
        return fail('INTEGRATION_FAILURE');
      }
    } catch (err) {
      options.log({
        level: 'error',
        msg: 'handler failed',
        request_id: requestId,
        operation_id: route.operationId,
        error: String((err as Error)?.stack ?? err),
      });
      return fail('INTEGRATION_FAILURE');
    }
    if (result === 'timeout') return fail('INTEGRATION_TIMEOUT');
    const answer = proxyAnswer(result);
    if (!answer) {
      options.log({
        level: 'error',
        msg: 'malformed proxy response',
        request_id: requestId,
        operation_id: route.operationId,
      });
      return fail('INTEGRATION_FAILURE');
    }
    return { ...answer, log };
  };
}

/** A handler's proxy result as an HTTP answer; undefined when it is no valid one. */
export function proxyAnswer(result: APIGatewayProxyResult): Omit<GatewayAnswer, 'log'> | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const status = result.statusCode;
  if (!Number.isInteger(status) || status < 100 || status > 599) return undefined;
  if (result.body !== undefined && result.body !== null && typeof result.body !== 'string')
    return undefined;
  const headers = new Map<string, [string, string[]]>();
  const add = (name: string, value: unknown) => {
    const key = name.toLowerCase();
    if (key === 'content-length' || key === 'transfer-encoding' || key === 'connection') return;
    const entry = headers.get(key) ?? [name, []];
    entry[1].push(String(value));
    headers.set(key, entry);
  };
  for (const [name, value] of Object.entries(result.headers ?? {})) add(name, value);
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values ?? []) add(name, value);
  }
  const body = result.body
    ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of headers.values()) {
    out[name] = values.length === 1 ? (values[0] as string) : values;
  }
  return { status, headers: out, body };
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
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

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
