/**
 * The REST proxy event API Gateway sends a function for a request, built by the local gateway's
 * own builder (src/local/event.ts) from the request parts the handler tests use
 * (test/support/events.ts), with the caller's ID token claims as the Cognito authorizer passes
 * them: every claim a string, `cognito:groups` as `a,b` (docs/architecture.md).
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { toApiGatewayClaims } from '../../src/local/authorizer.js';
import { buildProxyEvent } from '../../src/local/event.js';
import type { Route } from '../../src/local/routes.js';
import type { EventParts } from './events.js';

export type RequestParts = Omit<EventParts, 'method' | 'resource' | 'base'>;

/** An ID token's payload for `sub` as Cognito issues it (times in epoch seconds). */
function idToken(parts: RequestParts, now: number): Record<string, unknown> {
  const sub = parts.sub as string;
  return {
    sub,
    'cognito:groups': parts.groupsClaim ?? parts.groups,
    email_verified: true,
    iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_ARTIFACTS',
    'cognito:username': sub,
    aud: 'artifactsclient',
    token_use: 'id',
    auth_time: now,
    exp: now + 3600,
    iat: now,
    email: `${sub}@example.com`,
  };
}

export function gatewayEvent(
  route: Route,
  parts: RequestParts,
  stage: string,
): APIGatewayProxyEvent {
  const rawPath = route.resource.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(parts.pathParameters?.[name] ?? ''),
  );
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parts.query ?? {})) {
    for (const v of [value ?? []].flat()) query.append(name, v);
  }
  const body =
    parts.body === undefined
      ? null
      : typeof parts.body === 'string'
        ? parts.body
        : JSON.stringify(parts.body);
  const headers: Record<string, string> = {
    Host: 'api.example.com',
    'User-Agent': 'task-api-artifacts-test',
    ...(body === null ? {} : { 'Content-Type': 'application/json' }),
    ...parts.headers,
  };
  const now = Math.floor(Date.now() / 1000);
  return buildProxyEvent({
    request: {
      method: route.method,
      rawPath,
      rawQuery: query.toString(),
      rawHeaders: Object.entries(headers).flat(),
      body,
      isBase64Encoded: false,
      sourceIp: '198.51.100.7',
      localPort: 443,
    },
    route,
    pathParameters: parts.pathParameters ?? {},
    claims: parts.sub === undefined ? undefined : toApiGatewayClaims(idToken(parts, now)),
    requestId: randomUUID(),
    stage,
    basePath: `/${stage}`,
  });
}
