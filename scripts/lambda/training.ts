/**
 * The request each handler serves once at build time before its code cache is written, so the
 * cache also holds what a first request compiles (validation, the SDK's request path, the log
 * line). It reaches no DynamoDB: the build points the client at a closed port, and the handler
 * answers 503. An operation not listed here gets a cache of its module init only.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';

const TASK_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

interface Request {
  method: string;
  resource: string;
  taskId?: boolean;
  query?: Record<string, string>;
  body?: unknown;
  groups?: string;
}

const REQUESTS: Record<string, Request> = {
  createTask: { method: 'POST', resource: '/tasks', body: { title: 'training' } },
  listTasks: { method: 'GET', resource: '/tasks' },
  getTask: { method: 'GET', resource: '/tasks/{taskId}', taskId: true },
  updateTask: {
    method: 'PATCH',
    resource: '/tasks/{taskId}',
    taskId: true,
    body: { status: 'completed' },
  },
  deleteTask: { method: 'DELETE', resource: '/tasks/{taskId}', taskId: true },
  listTasksByStatus: {
    method: 'GET',
    resource: '/admin/tasks',
    query: { status: 'pending' },
    groups: 'admins',
  },
};

export function trainingEvent(operationId: string): APIGatewayProxyEvent | undefined {
  const r = REQUESTS[operationId];
  if (!r) return undefined;
  const pathParameters = r.taskId ? { taskId: TASK_ID } : null;
  const path = r.resource.replace('{taskId}', TASK_ID);
  const headers: Record<string, string> = r.body ? { 'Content-Type': 'application/json' } : {};
  const claims = { sub: 'training', ...(r.groups ? { 'cognito:groups': r.groups } : {}) };
  return {
    resource: r.resource,
    path,
    httpMethod: r.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: r.query ?? null,
    multiValueQueryStringParameters: r.query
      ? Object.fromEntries(Object.entries(r.query).map(([k, v]) => [k, [v]]))
      : null,
    pathParameters,
    stageVariables: null,
    body: r.body ? JSON.stringify(r.body) : null,
    isBase64Encoded: false,
    requestContext: {
      requestId: 'training',
      httpMethod: r.method,
      resourcePath: r.resource,
      path,
      authorizer: { claims },
    },
  } as unknown as APIGatewayProxyEvent;
}
