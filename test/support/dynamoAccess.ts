/**
 * The DynamoDB actions a client's requests need IAM to allow, read off each request as it goes
 * on the wire (its X-Amz-Target and JSON body) by an AWS SDK middleware: what DynamoDB
 * authorizes, whatever the code above it did. Batch and transaction calls are authorized per
 * item, by the action of each item on its table
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis-iam.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html).
 */
import { ACCOUNT_ID } from './cfn.js';

export interface DynamoAccess {
  /** The IAM action, e.g. `dynamodb:GetItem`. */
  action: string;
  /** The ARN IAM checks it against: the table's, or `<table>/index/<name>` for an index. */
  resource: string;
}

// biome-ignore lint/suspicious/noExplicitAny: DynamoDB's JSON wire input
type Input = Record<string, any>;

/** A table or index ARN (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies). */
export function tableArn(region: string, table: string, index?: string): string {
  const arn = `arn:aws:dynamodb:${region}:${ACCOUNT_ID}:table/${table}`;
  return index ? `${arn}/index/${index}` : arn;
}

const TRANSACT_ITEM_ACTIONS: Record<string, string> = {
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  ConditionCheck: 'ConditionCheckItem',
  Get: 'GetItem',
};

/** The accesses one request needs: its operation on its table, or each item's for batches. */
export function accessesOf(region: string, operation: string, input: Input): DynamoAccess[] {
  const on = (action: string, table: string, index?: string) => ({
    action: `dynamodb:${action}`,
    resource: tableArn(region, table, index),
  });
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return Object.keys(input.RequestItems ?? {}).map((table) => on(operation, table));
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return (input.TransactItems ?? []).flatMap((item: Input) =>
        Object.entries(item).map(([kind, body]) => {
          const action = TRANSACT_ITEM_ACTIONS[kind];
          if (!action) throw new Error(`unknown transaction item ${kind}`);
          return on(action, (body as Input).TableName);
        }),
      );
    default:
      if (typeof input.TableName !== 'string') {
        throw new Error(`${operation} names no TableName: ${JSON.stringify(input)}`);
      }
      return [on(operation, input.TableName, input.IndexName)];
  }
}

interface MiddlewareClient {
  middlewareStack: {
    add(
      // biome-ignore lint/suspicious/noExplicitAny: the SDK's generic middleware signature
      middleware: (next: any) => (args: any) => Promise<any>,
      options: { step: 'finalizeRequest'; name: string },
    ): void;
  };
}

/**
 * Calls `record` with the accesses of every request the client sends (each retry too, as each
 * is authorized again), before it is sent: a refused or failed call needed its permission all
 * the same.
 */
export function recordDynamoAccess(
  client: MiddlewareClient,
  region: string,
  record: (access: DynamoAccess) => void,
): void {
  client.middlewareStack.add(
    (next) => async (args: { request: { headers: Record<string, string>; body?: unknown } }) => {
      const { headers, body } = args.request;
      const target = headers['x-amz-target'] ?? headers['X-Amz-Target'];
      if (!target) throw new Error('a DynamoDB request without X-Amz-Target');
      const operation = target.split('.').pop() as string;
      const text = typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array);
      for (const access of accessesOf(region, operation, JSON.parse(text) as Input)) {
        record(access);
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'rehearsalDynamoAccess' },
  );
}
