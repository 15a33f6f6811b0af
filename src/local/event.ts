/**
 * The REST (v1) proxy event and Lambda context API Gateway hands a handler
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format).
 */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { nameMap } from '../http/names.js';
import type { ApiGatewayClaims } from './claims.js';
import type { Route } from './routes.js';

export const ACCOUNT_ID = '000000000000';

export interface ProxyRequest {
  method: string;
  /** Without the query string, still percent-encoded. */
  rawPath: string;
  rawQuery: string;
  /** Node's `req.rawHeaders`: name, value, name, value... with the client's casing. */
  rawHeaders: string[];
  body: string | null;
  /** A binary payload, base64-encoded. */
  isBase64Encoded: boolean;
  sourceIp: string;
  /** Where the client reached us, for `X-Forwarded-*`. */
  localPort: number;
}

export interface EventInput {
  request: ProxyRequest;
  route: Route;
  pathParameters: Record<string, string>;
  /** Unset for a method without an authorizer. */
  claims?: ApiGatewayClaims;
  requestId: string;
  stage: string;
  /**
   * What precedes the resource path in the URL: `/<stage>` on the default endpoint, a custom
   * domain's base path, or ''. `path` excludes it; `requestContext.path` includes it.
   */
  basePath: string;
  now?: Date;
}

export function buildProxyEvent(input: EventInput): APIGatewayProxyEvent {
  const { request, route, requestId, stage, basePath } = input;
  const now = input.now ?? new Date();
  const { headers, multiValueHeaders } = headerMaps([
    ...request.rawHeaders,
    'X-Forwarded-For',
    request.sourceIp,
    'X-Forwarded-Port',
    String(request.localPort),
    'X-Forwarded-Proto',
    'http',
  ]);
  const { single: queryStringParameters, multi: multiValueQueryStringParameters } = queryMaps(
    request.rawQuery,
  );
  const path = safeDecodePath(request.rawPath);
  const host = headerValue(headers, 'host') ?? `127.0.0.1:${request.localPort}`;
  return {
    resource: route.resource,
    path,
    httpMethod: route.method,
    headers,
    multiValueHeaders,
    queryStringParameters,
    multiValueQueryStringParameters,
    pathParameters: Object.keys(input.pathParameters).length > 0 ? input.pathParameters : null,
    stageVariables: null,
    requestContext: {
      accountId: ACCOUNT_ID,
      apiId: 'local',
      authorizer: input.claims ? { claims: input.claims } : null,
      domainName: host,
      domainPrefix: host.split('.')[0] ?? host,
      extendedRequestId: requestId,
      httpMethod: route.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: request.sourceIp,
        user: null,
        userAgent: headerValue(headers, 'user-agent') ?? null,
        userArn: null,
      },
      path: `${basePath}${path}`,
      protocol: 'HTTP/1.1',
      requestId,
      requestTime: clfTime(now),
      requestTimeEpoch: now.getTime(),
      resourceId: 'local',
      resourcePath: route.resource,
      stage,
    },
    body: request.body,
    isBase64Encoded: request.isBase64Encoded,
  };
}

/** API Gateway keeps the last value of a repeated header in `headers`, all in `multiValueHeaders`. */
function headerMaps(raw: string[]) {
  const headers = nameMap<string>();
  const multiValueHeaders = nameMap<string[]>();
  const nameFor = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const given = raw[i] as string;
    const value = raw[i + 1] as string;
    const key = given.toLowerCase();
    const name = nameFor.get(key) ?? given;
    nameFor.set(key, name);
    headers[name] = value;
    multiValueHeaders[name] = [...(multiValueHeaders[name] ?? []), value];
  }
  return { headers, multiValueHeaders };
}

function queryMaps(rawQuery: string) {
  const params = new URLSearchParams(rawQuery);
  const single = nameMap<string>();
  const multi = nameMap<string[]>();
  for (const [name, value] of params) {
    single[name] = value;
    multi[name] = [...(multi[name] ?? []), value];
  }
  return Object.keys(single).length > 0 ? { single, multi } : { single: null, multi: null };
}

function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === lowerName) return value;
  }
  return undefined;
}

function safeDecodePath(rawPath: string): string {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return rawPath;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestTime` in API Gateway's common-log form: `09/Apr/2015:12:34:56 +0000`. */
function clfTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export interface ContextInput {
  operationId: string;
  requestId: string;
  region: string;
  timeoutMs: number;
}

/** The Lambda context of one invocation; the function is named after its operation. */
export function lambdaContext({
  operationId,
  requestId,
  region,
  timeoutMs,
}: ContextInput): Context {
  const deadline = Date.now() + timeoutMs;
  const functionName = `task-api-local-${operationId}`;
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  const unsupported = () => {
    throw new Error('context.done/fail/succeed are not supported: return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `${day}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
