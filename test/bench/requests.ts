/**
 * DynamoDB requests per operation (issue 6, figure 1), counted by a middleware on the handlers'
 * own DocumentClient, as test/data/requestCount.test.ts does.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { apiEvent, lambdaContext } from '../support/events.js';
import { eventParts, type OperationId, SUCCESS } from './scenarios.js';

export type Handler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

export interface RequestCount {
  /** The operation, and how it was called when that changes the count. */
  operation: string;
  commands: string[];
  count: number;
  /**
   * What the design allows: 1 (a create, keyed or not, is one transaction with the owner's
   * count); N for the admin listing. A container's first
   * admin listing also reads the shard count the deploy recorded (GetItem, beside its queries),
   * so that a lower STATUS_INDEX_SHARDS can never hide tasks (docs/architecture.md#the-data-model).
   */
  expected: number;
  /**
   * A workspace operation's floor: the commands its bare-client floor sent for the same call
   * (then `expected` is their count; the workspaces have no design figure of their own here).
   */
  floorCommands?: string[];
}

const MIDDLEWARE = 'benchCountRequests';

export async function countRequests(
  handlers: Record<OperationId, Handler>,
  documentClient: DynamoDBDocumentClient,
  shards: number,
): Promise<RequestCount[]> {
  let commands: string[] = [];
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName).replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: MIDDLEWARE },
  );
  const results: RequestCount[] = [];
  const sub = `count-${crypto.randomUUID()}`;
  const call = async (
    operationId: OperationId,
    label: string,
    expected: number,
    change: (parts: ReturnType<typeof eventParts>) => void = () => {},
    taskId?: string,
  ) => {
    const parts = eventParts(operationId, { sub, taskId });
    change(parts);
    commands = [];
    const result = await handlers[operationId](apiEvent(parts), lambdaContext());
    if (result.statusCode !== SUCCESS[operationId]) {
      throw new Error(`${label} answered ${result.statusCode}: ${result.body}`);
    }
    results.push({ operation: label, commands, count: commands.length, expected });
    return result;
  };
  try {
    const created = await call('createTask', 'createTask', 1);
    const { task_id: taskId } = JSON.parse(created.body) as { task_id: string };
    await call('createTask', 'createTask + Idempotency-Key', 1, (parts) => {
      parts.headers = { ...parts.headers, 'Idempotency-Key': crypto.randomUUID() };
    });
    await call('getTask', 'getTask', 1, undefined, taskId);
    await call('updateTask', 'updateTask', 1, undefined, taskId);
    await call('listTasks', 'listTasks', 1);
    await call(
      'listTasksByStatus',
      `listTasksByStatus, first in a container (N=${shards}, + shard-count read)`,
      shards + 1,
    );
    await call('listTasksByStatus', `listTasksByStatus (N=${shards})`, shards);
    await call('deleteTask', 'deleteTask', 1, undefined, taskId);
  } finally {
    documentClient.middlewareStack.remove(MIDDLEWARE);
  }
  return results;
}
