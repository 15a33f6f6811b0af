/** An API Gateway REST (v1) proxy event factory, claims in the authorizer's all-string form. */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { OPERATIONS, type OperationId } from '../../src/contract/operations.generated.js';

/** Each operation's method and resource as API Gateway routes it: openapi.yaml's. */
export const ROUTES = Object.fromEntries(
  OPERATIONS.map((op) => [op.operationId, { method: op.method, resource: op.path }]),
) as Record<OperationId, { method: string; resource: string }>;
export type { OperationId };

export interface EventParts {
  method: string;
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string | string[] | undefined>;
  headers?: Record<string, string>;
  body?: unknown;
  /** The caller's sub; undefined for an event with no authorizer claims. */
  sub?: string;
  groups?: string[];
  /** The verified `email` claim. @default `<sub>@example.com` */
  email?: string;
  /** The raw `cognito:groups` claim, for forms other than `a,b`. */
  groupsClaim?: string;
  /**
   * What precedes the resource path in the URL: the stage on the execute-api URL (then `path`
   * omits it), or a custom domain's base path (then `path` includes it), as AWS sends them.
   * @default { stage: '/prod' }
   */
  base?: { stage: string } | { customDomain: string };
}

export function apiEvent(parts: EventParts): APIGatewayProxyEvent {
  const path = parts.resource.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(parts.pathParameters?.[name] ?? ''),
  );
  const query = parts.query ?? {};
  const base = parts.base ?? { stage: '/prod' };
  const multi = Object.fromEntries(
    Object.entries(query)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v : [v]]),
  );
  const single = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.at(-1) as string]));
  const headers: Record<string, string> = {
    ...(parts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...parts.headers,
  };
  const now = Math.floor(Date.now() / 1000);
  const claims =
    parts.sub === undefined
      ? undefined
      : {
          sub: parts.sub,
          email_verified: 'true',
          iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_TEST00001',
          'cognito:username': parts.sub,
          aud: 'testclient',
          token_use: 'id',
          auth_time: String(now),
          exp: new Date((now + 3600) * 1000).toUTCString(),
          iat: new Date(now * 1000).toUTCString(),
          email: parts.email ?? `${parts.sub}@example.com`,
          ...(parts.groups ? { 'cognito:groups': parts.groups.join(',') } : {}),
          ...(parts.groupsClaim ? { 'cognito:groups': parts.groupsClaim } : {}),
        };
  return {
    resource: parts.resource,
    path: 'customDomain' in base ? `${base.customDomain}${path}` : path,
    httpMethod: parts.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: Object.keys(single).length > 0 ? single : null,
    multiValueQueryStringParameters: Object.keys(multi).length > 0 ? multi : null,
    pathParameters: parts.pathParameters ?? null,
    stageVariables: null,
    body:
      parts.body === undefined
        ? null
        : typeof parts.body === 'string'
          ? parts.body
          : JSON.stringify(parts.body),
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      httpMethod: parts.method,
      path: `${'customDomain' in base ? base.customDomain : base.stage}${path}`,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: Date.now(),
      resourceId: 'res',
      resourcePath: parts.resource,
      stage: 'prod',
      identity: { sourceIp: '127.0.0.1', userAgent: 'vitest' },
      authorizer: claims ? { claims } : null,
    },
  } as unknown as APIGatewayProxyEvent;
}

export function lambdaContext(): Context {
  const id = randomUUID();
  return {
    awsRequestId: id,
    functionName: 'test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:test',
    memoryLimitInMB: '256',
    logGroupName: '/aws/lambda/test',
    logStreamName: 'test',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
