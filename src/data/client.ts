/** The one DynamoDB DocumentClient of a Lambda module, created at init (docs/architecture.md#the-request-path). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DataConfig {
  tableName: string;
  shards: number;
  /** How many tasks one user may own (`MAX_TASKS_PER_USER`). @default 10000 */
  maxTasksPerUser?: number;
  /** How many workspaces one user may belong to (`MAX_WORKSPACES_PER_USER`). @default 100 */
  maxWorkspacesPerUser?: number;
  /** Members plus pending invitations of one workspace (`MAX_MEMBERS_PER_WORKSPACE`). @default 500 */
  maxMembersPerWorkspace?: number;
  /** Pending invitations one address may hold (`MAX_PENDING_INVITATIONS_PER_EMAIL`). @default 50 */
  maxPendingInvitationsPerEmail?: number;
  /** How many tasks one workspace may hold (`MAX_TASKS_PER_WORKSPACE`). @default 10000 */
  maxTasksPerWorkspace?: number;
}

export const MAX_TASKS_PER_USER_DEFAULT = 10_000;

/** How the DynamoDB client connects (src/config/function.ts reads it from the environment). */
export interface DynamoClientConfig {
  region: string;
  /** A local engine; unset, the SDK uses the region's endpoint. */
  endpoint?: string | undefined;
  maxAttempts: number;
  connectTimeoutMs: number;
  requestTimeoutMs: number;
}

/**
 * Timeouts stay well below the Lambda timeout (10 s) so a stuck DynamoDB call becomes a 503
 * the client can retry, not a Lambda timeout.
 */
export function createDocumentClient(config: DynamoClientConfig): DynamoDBDocumentClient {
  const { endpoint } = config;
  const client = new DynamoDBClient({
    region: config.region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: config.maxAttempts,
    requestHandler: {
      connectionTimeout: config.connectTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      // Without it the request timeout only logs a warning and a hung call waits for Lambda's.
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
