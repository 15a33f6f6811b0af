/** The request each operation is benchmarked with: a realistic API Gateway REST (v1) event. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { newTaskId } from '../../src/tasks/task.js';
import { apiEvent, type EventParts, type OperationId, ROUTES } from '../support/events.js';
import type { FloorRequest } from './floor/event.js';

export type { OperationId };

export const WORKSPACE_NAME = 'Billing team';
export const TITLE = 'Prepare the quarterly report for the board';
/** About 400 bytes: with the keys and timestamps a stored task is well under 1 KB. */
export const DESCRIPTION =
  'Collect the figures from finance and sales, check them against last quarter, write the ' +
  'summary and the outlook, and send the draft to the leadership team for review before the ' +
  'board meeting. Attach the spreadsheet with the raw numbers and the charts, and note every ' +
  'change since the previous version so that the reviewers can see at a glance what moved.';

/** What one call acts on: the caller, and the path's workspace, task, member or e-mail. */
export interface Target {
  sub: string;
  /** A sequence number that makes each created item's name distinct. */
  n: number;
  workspaceId?: string;
  taskId?: string;
  userId?: string;
  email?: string;
}

/** What an operation's request carries besides its route, caller, headers and path. */
export type RequestParts = Pick<EventParts, 'body' | 'query' | 'groups'>;

/** What a browser client behind API Gateway sends; the handler lower-cases all of them. */
function clientHeaders(): Record<string, string> {
  return {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate, br',
    'Accept-Language': 'en-GB,en;q=0.9',
    // A Cognito ID token is about 1 KB; the authorizer has checked it before the handler runs.
    Authorization: `Bearer eyJraWQiOiJDb2duaXRvTG9jYWwiLCJhbGciOiJSUzI1NiJ9.${'x'.repeat(900)}.${'y'.repeat(342)}`,
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Viewer-Country': 'GB',
    Host: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
    Origin: 'https://app.example.com',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
    Via: '2.0 0123456789abcdef.cloudfront.net (CloudFront)',
    'X-Amz-Cf-Id': 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQr==',
    'X-Amzn-Trace-Id': 'Root=1-67891234-abcdef0123456789abcdef01',
    'X-Forwarded-For': '203.0.113.7, 130.176.0.1',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
}

/** The route's path parameters, each taken from the target field of its name. */
function pathParameters(resource: string, target: Target): Record<string, string> | undefined {
  const names = [...resource.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof Target);
  if (names.length === 0) return undefined;
  return Object.fromEntries(names.map((name) => [name, String(target[name] ?? '')]));
}

export function eventParts(id: OperationId, target: Target, request: RequestParts): EventParts {
  const route = ROUTES[id];
  const path = pathParameters(route.resource, target);
  return {
    ...route,
    sub: target.sub,
    headers: clientHeaders(),
    ...(path ? { pathParameters: path } : {}),
    ...request,
  };
}

export const benchEvent = (
  id: OperationId,
  target: Target,
  request: RequestParts,
): APIGatewayProxyEvent => apiEvent(eventParts(id, target, request));

/** What the warm floor gets for the same request (the cold floor reads it from the event). */
export function floorRequestOf(parts: EventParts): FloorRequest {
  const query = Object.entries(parts.query ?? {}).map(([k, v]) => [
    k,
    Array.isArray(v) ? v.at(-1) : v,
  ]);
  return {
    sub: String(parts.sub),
    // The e-mail claim the event factory gives every caller (test/support/events.ts).
    email: `${parts.sub}@example.com`.toLowerCase(),
    path: parts.pathParameters ?? {},
    query: Object.fromEntries(query),
    body: (parts.body ?? {}) as Record<string, unknown>,
    id: newTaskId(),
  };
}
