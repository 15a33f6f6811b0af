/** The request each operation is benchmarked with: a realistic API Gateway REST (v1) event. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import {
  type Operation,
  OPERATIONS as SPEC_OPERATIONS,
} from '../../src/contract/operations.generated.js';
import {
  type OperationId as AnyOperationId,
  apiEvent,
  type EventParts,
  ROUTES,
} from '../support/events.js';

type Personal = Exclude<Operation, { tags: readonly ['workspaces'] }>;
/** The personal tasks' operations (all but openapi.yaml's `workspaces`), each measured against a target. */
export const OPERATIONS: readonly OperationId[] = SPEC_OPERATIONS.filter(
  (op): op is Personal => !(op.tags as readonly string[]).includes('workspaces'),
).map((op) => op.operationId);
export type OperationId = Personal['operationId'];

/**
 * The workspace operations measured beside them (no target: reported with their floor ratio).
 * Each one's floor makes the same DynamoDB calls: the membership check (BatchGetItem) and its own.
 */
export const WORKSPACE_OPERATIONS = [
  'createWorkspace',
  'listWorkspaces',
  'createWorkspaceTask',
  'getWorkspaceTask',
  'updateWorkspaceTask',
  'deleteWorkspaceTask',
  'listWorkspaceTasks',
  'listMyAssignedTasks',
] as const satisfies readonly AnyOperationId[];
export type WorkspaceOperationId = (typeof WORKSPACE_OPERATIONS)[number];
export type BenchOperationId = OperationId | WorkspaceOperationId;

export const isWorkspaceOperation = (id: string): id is WorkspaceOperationId =>
  (WORKSPACE_OPERATIONS as readonly string[]).includes(id);

export const WORKSPACE_NAME = 'Billing team';

export const TITLE = 'Prepare the quarterly report for the board';
/** About 400 bytes: with the keys and timestamps a stored task is well under 1 KB. */
export const DESCRIPTION =
  'Collect the figures from finance and sales, check them against last quarter, write the ' +
  'summary and the outlook, and send the draft to the leadership team for review before the ' +
  'board meeting. Attach the spreadsheet with the raw numbers and the charts, and note every ' +
  'change since the previous version so that the reviewers can see at a glance what moved.';

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

export interface Target {
  sub: string;
  /** The task acted on (get, update, delete). */
  taskId?: string;
  /** The workspace acted on (the workspace task operations). */
  workspaceId?: string;
  /** A sequence number that makes each created task's title distinct. */
  n?: number;
}

export function eventParts(operationId: BenchOperationId, target: Target): EventParts {
  const { sub, taskId = '', workspaceId = '', n = 0 } = target;
  const base = { ...ROUTES[operationId], sub, headers: clientHeaders() };
  switch (operationId) {
    case 'createTask':
      return { ...base, body: { title: `${TITLE} #${n}`, description: DESCRIPTION } };
    case 'getTask':
    case 'deleteTask':
      return { ...base, pathParameters: { taskId } };
    case 'updateTask':
      return { ...base, pathParameters: { taskId }, body: { status: 'in_progress' } };
    case 'listTasks':
      return base;
    case 'listTasksByStatus':
      return { ...base, groups: ['admins'], query: { status: 'pending' } };
    case 'createWorkspace':
      return { ...base, body: { name: `${WORKSPACE_NAME} #${n}` } };
    case 'listWorkspaces':
    case 'listMyAssignedTasks':
      return base;
    case 'createWorkspaceTask':
      return {
        ...base,
        pathParameters: { workspaceId },
        body: { title: `${TITLE} #${n}`, description: DESCRIPTION },
      };
    case 'getWorkspaceTask':
    case 'deleteWorkspaceTask':
      return { ...base, pathParameters: { workspaceId, taskId } };
    case 'updateWorkspaceTask':
      return { ...base, pathParameters: { workspaceId, taskId }, body: { status: 'in_progress' } };
    case 'listWorkspaceTasks':
      return { ...base, pathParameters: { workspaceId } };
  }
}

export const benchEvent = (operationId: BenchOperationId, target: Target): APIGatewayProxyEvent =>
  apiEvent(eventParts(operationId, target));

/** The status each operation answers with when it works. */
export const SUCCESS: Record<BenchOperationId, number> = {
  createTask: 201,
  getTask: 200,
  updateTask: 200,
  deleteTask: 204,
  listTasks: 200,
  listTasksByStatus: 200,
  createWorkspace: 201,
  listWorkspaces: 200,
  createWorkspaceTask: 201,
  getWorkspaceTask: 200,
  updateWorkspaceTask: 200,
  deleteWorkspaceTask: 204,
  listWorkspaceTasks: 200,
  listMyAssignedTasks: 200,
};
