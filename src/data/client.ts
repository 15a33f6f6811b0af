/** The one DynamoDB DocumentClient of a Lambda module, created at init (docs/architecture.md#the-request-path). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { statusIndexShards, TABLE_NAME_DEFAULT } from './table.js';

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

/**
 * The limits on what a user can create, each from its variable (docs/architecture.md#limits):
 * its default and the most a deployment may set.
 */
export const LIMITS = {
  maxTasksPerUser: {
    env: 'MAX_TASKS_PER_USER',
    fallback: MAX_TASKS_PER_USER_DEFAULT,
    max: 1_000_000,
  },
  maxWorkspacesPerUser: { env: 'MAX_WORKSPACES_PER_USER', fallback: 100, max: 10_000 },
  maxMembersPerWorkspace: { env: 'MAX_MEMBERS_PER_WORKSPACE', fallback: 500, max: 100_000 },
  maxPendingInvitationsPerEmail: {
    env: 'MAX_PENDING_INVITATIONS_PER_EMAIL',
    fallback: 50,
    max: 10_000,
  },
  maxTasksPerWorkspace: { env: 'MAX_TASKS_PER_WORKSPACE', fallback: 10_000, max: 1_000_000 },
} as const;
export type Limit = keyof typeof LIMITS;

function positiveInt(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`${name} must be an integer 1-${max}, got ${raw}`);
  return n;
}

/**
 * Timeouts stay well below the Lambda timeout (10 s) so a stuck DynamoDB call becomes a 503
 * the client can retry, not a Lambda timeout. `DYNAMODB_ENDPOINT` points at a local engine.
 */
export function createDocumentClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  const endpoint = env.DYNAMODB_ENDPOINT || undefined;
  const client = new DynamoDBClient({
    region: env.AWS_REGION ?? 'us-east-1',
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: positiveInt(env, 'DYNAMODB_MAX_ATTEMPTS', 3),
    requestHandler: {
      connectionTimeout: positiveInt(env, 'DYNAMODB_CONNECT_TIMEOUT_MS', 1000),
      requestTimeout: positiveInt(env, 'DYNAMODB_REQUEST_TIMEOUT_MS', 2000),
      // Without it the request timeout only logs a warning and a hung call waits for Lambda's.
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export function dataConfig(env: NodeJS.ProcessEnv = process.env): DataConfig {
  return {
    tableName: env.TABLE_NAME || TABLE_NAME_DEFAULT,
    shards: statusIndexShards(env),
    ...limitsOf(env),
  };
}

/** Every limit of LIMITS from its variable; a bad value is refused at start-up. */
export function limitsOf(env: NodeJS.ProcessEnv): Record<Limit, number> {
  const entries = Object.entries(LIMITS).map(([name, l]) => [
    name,
    positiveInt(env, l.env, l.fallback, l.max),
  ]);
  return Object.fromEntries(entries) as Record<Limit, number>;
}
