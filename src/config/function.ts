/**
 * What a Lambda function reads from its environment (docs/architecture.md#configuration): the
 * variables the CDK stack sets, those Lambda sets, and the local overrides, read once at init.
 */
import { DEFAULT_PROBLEM_TYPE_BASE } from '../contract/problems.js';
import {
  type DataConfig,
  type DynamoClientConfig,
  MAX_TASKS_PER_USER_DEFAULT,
} from '../data/client.js';
import { STATUS_INDEX_SHARDS_DEFAULT, TABLE_NAME_DEFAULT } from '../data/table.js';
import { isOrigin } from '../http/cors.js';
import { LOG_LEVELS, type LogLevel, METRICS_NAMESPACE_DEFAULT } from '../http/telemetry.js';
import {
  AWS_LAMBDA_INITIALIZATION_TYPE,
  AWS_LAMBDA_LOG_LEVEL,
  AWS_REGION,
  X_AMZN_TRACE_ID,
} from './lambda.js';
import {
  type Env,
  integer,
  list,
  matching,
  oneOf,
  optional,
  type Parser,
  text,
  url,
  variable,
} from './parse.js';

const positive = (max: number) => integer(1, max);

/** An absolute path on the API's own origin, or an http(s) URL. */
const urlOrPath: Parser<string> = {
  expected: 'a path such as /docs or an http or https URL',
  parse: (raw) => (/^\/(?!\/)\S*$/.test(raw) ? raw : url.parse(raw)),
};

const origins = list<string>(
  { expected: 'an origin', parse: (raw) => (raw === '*' || isOrigin(raw) ? raw : undefined) },
  'comma-separated origins such as https://app.example.com, or *',
);

export const TABLE_NAME = variable(
  'TABLE_NAME',
  // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.NamingRules
  matching(/^[A-Za-z0-9_.-]{3,255}$/, 'a DynamoDB table name (3-255 of A-Z a-z 0-9 _ - .)'),
  TABLE_NAME_DEFAULT,
  'the DynamoDB table',
);
export const STATUS_INDEX_SHARDS = variable(
  'STATUS_INDEX_SHARDS',
  positive(100),
  STATUS_INDEX_SHARDS_DEFAULT,
  'write shards of the status index; one setting for handlers, local stack and CDK',
);
export const MAX_TASKS_PER_USER = variable(
  'MAX_TASKS_PER_USER',
  positive(1_000_000),
  MAX_TASKS_PER_USER_DEFAULT,
  'the most tasks one user may own; a create past it is a 409 task-limit-reached',
);
export const MAX_WORKSPACES_PER_USER = variable(
  'MAX_WORKSPACES_PER_USER',
  positive(10_000),
  100,
  'the most workspaces one user may belong to',
);
export const MAX_MEMBERS_PER_WORKSPACE = variable(
  'MAX_MEMBERS_PER_WORKSPACE',
  positive(100_000),
  500,
  'the most members one workspace may have',
);
export const MAX_PENDING_INVITATIONS_PER_EMAIL = variable(
  'MAX_PENDING_INVITATIONS_PER_EMAIL',
  positive(10_000),
  50,
  'the most pending invitations one e-mail address may hold',
);
export const MAX_TASKS_PER_WORKSPACE = variable(
  'MAX_TASKS_PER_WORKSPACE',
  positive(1_000_000),
  10_000,
  'the most tasks one workspace may hold',
);
export const IDEMPOTENCY_TTL_SECONDS = variable(
  'IDEMPOTENCY_TTL_SECONDS',
  positive(31_536_000),
  86_400,
  'how long an Idempotency-Key is remembered per user (the contract promises 24 hours)',
);
export const WORKSPACE_DELETE_BATCHES = variable(
  'WORKSPACE_DELETE_BATCHES',
  positive(10_000),
  100,
  'the most batches of 25 items one DELETE of a workspace removes before answering 202',
);
export const CORS_ALLOW_ORIGINS = variable(
  'CORS_ALLOW_ORIGINS',
  origins,
  [] as string[],
  'browser origins allowed to read answers (comma-separated; * for any)',
  'none',
);
export const PROBLEM_TYPE_BASE = variable(
  'PROBLEM_TYPE_BASE',
  urlOrPath,
  DEFAULT_PROBLEM_TYPE_BASE,
  'the docs page whose anchors are the problem type URIs',
);
export const DYNAMODB_ENDPOINT = optional(
  'DYNAMODB_ENDPOINT',
  url,
  'a DynamoDB-compatible endpoint (dynalite, DynamoDB Local)',
  'AWS',
);
export const DYNAMODB_MAX_ATTEMPTS = variable(
  'DYNAMODB_MAX_ATTEMPTS',
  positive(10),
  3,
  'AWS SDK attempts per DynamoDB call',
);
export const DYNAMODB_CONNECT_TIMEOUT_MS = variable(
  'DYNAMODB_CONNECT_TIMEOUT_MS',
  positive(60_000),
  1000,
  'per attempt, below the Lambda timeout so a stuck store is a 503',
);
export const DYNAMODB_REQUEST_TIMEOUT_MS = variable(
  'DYNAMODB_REQUEST_TIMEOUT_MS',
  positive(60_000),
  2000,
  'per attempt, below the Lambda timeout so a stuck store is a 503',
);
export const LOG_LEVEL = variable(
  'LOG_LEVEL',
  oneOf(LOG_LEVELS, { ignoreCase: true }),
  'INFO' as LogLevel,
  'TRACE to FATAL, or SILENT; AWS_LAMBDA_LOG_LEVEL takes precedence',
);
export const METRICS_NAMESPACE = variable(
  'METRICS_NAMESPACE',
  text,
  METRICS_NAMESPACE_DEFAULT,
  'CloudWatch namespace of the EMF metrics; the stack sets TaskApi/<stage>',
);

export const FUNCTION_VARIABLES = [
  TABLE_NAME,
  STATUS_INDEX_SHARDS,
  MAX_TASKS_PER_USER,
  MAX_WORKSPACES_PER_USER,
  MAX_MEMBERS_PER_WORKSPACE,
  MAX_PENDING_INVITATIONS_PER_EMAIL,
  MAX_TASKS_PER_WORKSPACE,
  IDEMPOTENCY_TTL_SECONDS,
  WORKSPACE_DELETE_BATCHES,
  CORS_ALLOW_ORIGINS,
  PROBLEM_TYPE_BASE,
  DYNAMODB_ENDPOINT,
  DYNAMODB_MAX_ATTEMPTS,
  DYNAMODB_CONNECT_TIMEOUT_MS,
  DYNAMODB_REQUEST_TIMEOUT_MS,
  LOG_LEVEL,
  METRICS_NAMESPACE,
] as const;

export interface TelemetryConfig {
  logLevel: LogLevel;
  metricsNamespace: string;
  initializationType: string | undefined;
  /** The current invocation's tracing header: Lambda sets it anew for each one. */
  traceHeader(): string | undefined;
}

export interface FunctionConfig {
  data: DataConfig;
  dynamo: DynamoClientConfig;
  idempotencyTtlSeconds: number;
  workspaceDeleteBatches: number;
  corsAllowOrigins: readonly string[];
  problemTypeBase: string;
  telemetry: TelemetryConfig;
}

/** The limits on what a user can create (docs/architecture.md#limits), by DataConfig field. */
export const LIMIT_VARIABLES = {
  maxTasksPerUser: MAX_TASKS_PER_USER,
  maxWorkspacesPerUser: MAX_WORKSPACES_PER_USER,
  maxMembersPerWorkspace: MAX_MEMBERS_PER_WORKSPACE,
  maxPendingInvitationsPerEmail: MAX_PENDING_INVITATIONS_PER_EMAIL,
  maxTasksPerWorkspace: MAX_TASKS_PER_WORKSPACE,
} as const;
export type Limit = keyof typeof LIMIT_VARIABLES;

/** Every limit from its variable (its default where unset); a bad value is refused. */
export function limitsOf(env: Env): Record<Limit, number> {
  const entries = Object.entries(LIMIT_VARIABLES).map(([name, v]) => [name, v.read(env)]);
  return Object.fromEntries(entries) as Record<Limit, number>;
}

export function dataConfig(env: Env): DataConfig {
  return {
    tableName: TABLE_NAME.read(env),
    shards: STATUS_INDEX_SHARDS.read(env),
    ...limitsOf(env),
  };
}

export function dynamoClientConfig(env: Env): DynamoClientConfig {
  return {
    region: AWS_REGION.read(env),
    endpoint: DYNAMODB_ENDPOINT.read(env),
    maxAttempts: DYNAMODB_MAX_ATTEMPTS.read(env),
    connectTimeoutMs: DYNAMODB_CONNECT_TIMEOUT_MS.read(env),
    requestTimeoutMs: DYNAMODB_REQUEST_TIMEOUT_MS.read(env),
  };
}

export function telemetryConfig(env: Env): TelemetryConfig {
  // Both read, so a bad LOG_LEVEL fails the init even where Lambda's level wins.
  const fallback = LOG_LEVEL.read(env);
  return {
    logLevel: AWS_LAMBDA_LOG_LEVEL.read(env) ?? fallback,
    metricsNamespace: METRICS_NAMESPACE.read(env),
    initializationType: AWS_LAMBDA_INITIALIZATION_TYPE.read(env),
    traceHeader: () => X_AMZN_TRACE_ID.read(env),
  };
}

/** Every variable a function reads, validated at once: a bad value fails the init, not a request. */
export function functionConfig(env: Env): FunctionConfig {
  return {
    data: dataConfig(env),
    dynamo: dynamoClientConfig(env),
    idempotencyTtlSeconds: IDEMPOTENCY_TTL_SECONDS.read(env),
    workspaceDeleteBatches: WORKSPACE_DELETE_BATCHES.read(env),
    corsAllowOrigins: CORS_ALLOW_ORIGINS.read(env),
    problemTypeBase: PROBLEM_TYPE_BASE.read(env),
    telemetry: telemetryConfig(env),
  };
}
