/**
 * DynamoDB requests per operation (issue 6, figure 1). The warm run counts every operation's
 * first call against its floor's (warm.ts); this counts the calls whose figure is the design's
 * rather than a floor's, by a middleware on the handlers' own DocumentClient, as
 * test/data/requestCount.test.ts does.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { apiEvent, lambdaContext } from '../support/events.js';
import { eventParts, type OperationId } from './event.js';
import { SCENARIOS } from './scenarios.js';

export type Handler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

export interface RequestCount {
  operationId: OperationId;
  /** The operation, and how it was called when that changes the count. */
  operation: string;
  commands: string[];
  count: number;
  /** What the floor sent for the same call, or the design's figure where there is no floor. */
  expected: number;
  /** The commands of the operation's floor; absent for a design figure. */
  floorCommands?: string[];
}

const MIDDLEWARE = 'benchCountRequests';

/**
 * A keyed create is one transaction, as one without a key (docs/architecture.md#the-data-model);
 * a container's first admin listing also reads the shard count the deploy recorded (GetItem,
 * beside its N queries), so that a lower STATUS_INDEX_SHARDS can never hide tasks. Run before the
 * warm calls, so the admin listing here is the process's first.
 */
export async function countDesignCases(
  handlers: Record<string, Handler>,
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
  const call = async (id: OperationId, label: string, expected: number, headers = {}) => {
    const scenario = SCENARIOS[id];
    const target = { sub, n: 0 };
    const parts = eventParts(id, target, scenario.request?.(target) ?? {});
    parts.headers = { ...parts.headers, ...headers };
    commands = [];
    const result = await (handlers[id] as Handler)(apiEvent(parts), lambdaContext());
    if (result.statusCode !== scenario.success) {
      throw new Error(`${label} answered ${result.statusCode}: ${result.body}`);
    }
    results.push({ operationId: id, operation: label, commands, count: commands.length, expected });
  };
  try {
    await call('createTask', 'createTask + Idempotency-Key', 1, {
      'Idempotency-Key': crypto.randomUUID(),
    });
    await call(
      'listTasksByStatus',
      `listTasksByStatus, first in a container (N=${shards}, + shard-count read)`,
      shards + 1,
    );
  } finally {
    documentClient.middlewareStack.remove(MIDDLEWARE);
  }
  return results;
}

/** Each design case after its operation's own row (not after the operation's variants). */
export function mergeCounts(rows: RequestCount[], design: RequestCount[]): RequestCount[] {
  return rows.flatMap((row) => [row, ...design.filter((d) => d.operationId === row.operation)]);
}
