/**
 * What the local stack (`npm start`) reads from its environment besides what its functions read
 * (docs/architecture.md#configuration): ports, where data lives, and which embedded part a real
 * one replaces.
 */
import {
  CORS_ALLOW_ORIGINS,
  DYNAMODB_ENDPOINT,
  PROBLEM_TYPE_BASE,
  STATUS_INDEX_SHARDS,
  TABLE_NAME,
} from './function.js';
import {
  boolean,
  type Env,
  list,
  matching,
  oneOf,
  optional,
  port,
  text,
  url,
  variable,
} from './parse.js';

export const DYNAMODB_ENGINES = ['dynalite', 'dynamodb-local'] as const;
export type DynamoEngine = (typeof DYNAMODB_ENGINES)[number];

export const PORT = variable('PORT', port, 3000, 'the API on 127.0.0.1');
export const DYNAMODB_PORT = variable('DYNAMODB_PORT', port, 8000, 'the embedded DynamoDB');
export const COGNITO_PORT = variable('COGNITO_PORT', port, 9229, 'the embedded Cognito');
export const WEB_PORT = variable('WEB_PORT', port, 5173, 'the task board');
export const LOCAL_WEB = variable('LOCAL_WEB', boolean, true, 'false: no task board');
export const LOCAL_DATA_DIR = variable(
  'LOCAL_DATA_DIR',
  text,
  '.local',
  'where data and outputs.json live',
);
export const LOCAL_BUILD_DOCS = variable(
  'LOCAL_BUILD_DOCS',
  boolean,
  true,
  'false skips rebuilding a stale docs/index.html at start',
);
export const LOCAL_STAGE = optional(
  'LOCAL_STAGE',
  matching(/^[\w-]+$/, 'a stage name of letters, digits, _ or -'),
  'serve the API under /<stage>, as API Gateway serves a stage',
  '(root)',
);
export const DYNAMODB_ENGINE = variable(
  'DYNAMODB_ENGINE',
  oneOf(DYNAMODB_ENGINES),
  'dynalite' as DynamoEngine,
  'the embedded engine: dynalite (in-process) or dynamodb-local (Java 17+); the tests read it too',
);
export const COGNITO_USER_POOL_ID = optional(
  'COGNITO_USER_POOL_ID',
  // https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeUserPool.html#CognitoUserPools-DescribeUserPool-request-UserPoolId
  matching(/^[\w-]+_[0-9a-zA-Z]+$/, 'a user pool id such as us-east-1_AbC123xyZ'),
  'verify tokens of another user pool, with COGNITO_CLIENT_ID',
  'embedded cognito-local',
);
export const COGNITO_CLIENT_ID = optional(
  'COGNITO_CLIENT_ID',
  text,
  "that pool's app client",
  'embedded cognito-local',
);
export const COGNITO_JWKS_URL = optional(
  'COGNITO_JWKS_URL',
  url,
  "that pool's signing keys",
  "the pool's AWS JWKS URL",
);
export const COGNITO_ENDPOINT = optional(
  'COGNITO_ENDPOINT',
  url,
  "that pool's Cognito API",
  "the pool's AWS endpoint",
);
export const ALLOWED_CLIENT_IDS = optional(
  'ALLOWED_CLIENT_IDS',
  list(text, 'comma-separated app client ids'),
  'app clients whose ID tokens the API accepts',
  "the pool's web client",
);

export const LOCAL_VARIABLES = [
  PORT,
  DYNAMODB_PORT,
  COGNITO_PORT,
  WEB_PORT,
  LOCAL_WEB,
  LOCAL_DATA_DIR,
  LOCAL_BUILD_DOCS,
  LOCAL_STAGE,
  DYNAMODB_ENGINE,
  COGNITO_USER_POOL_ID,
  COGNITO_CLIENT_ID,
  COGNITO_JWKS_URL,
  COGNITO_ENDPOINT,
  ALLOWED_CLIENT_IDS,
] as const;

/** Another user pool in place of cognito-local. */
export interface CognitoTarget {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  jwksUrl: string;
}

export interface LocalConfig {
  ports: { api: number; dynamo: number; cognito: number; web: number };
  dataDir: string;
  buildDocs: boolean;
  web: boolean;
  stage: string | undefined;
  tableName: string;
  shards: number;
  dynamoEngine: DynamoEngine;
  dynamoEndpoint: string | undefined;
  cognito: CognitoTarget | undefined;
  allowedClientIds: string[] | undefined;
  corsAllowOrigins: string[];
  problemTypeBase: string;
}

export function localConfig(env: Env): LocalConfig {
  return {
    ports: {
      api: PORT.read(env),
      dynamo: DYNAMODB_PORT.read(env),
      cognito: COGNITO_PORT.read(env),
      web: WEB_PORT.read(env),
    },
    dataDir: LOCAL_DATA_DIR.read(env),
    buildDocs: LOCAL_BUILD_DOCS.read(env),
    web: LOCAL_WEB.read(env),
    stage: LOCAL_STAGE.read(env),
    tableName: TABLE_NAME.read(env),
    shards: STATUS_INDEX_SHARDS.read(env),
    dynamoEngine: DYNAMODB_ENGINE.read(env),
    dynamoEndpoint: DYNAMODB_ENDPOINT.read(env),
    cognito: cognitoTarget(env),
    allowedClientIds: ALLOWED_CLIENT_IDS.read(env),
    corsAllowOrigins: CORS_ALLOW_ORIGINS.read(env),
    problemTypeBase: PROBLEM_TYPE_BASE.read(env),
  };
}

/** COGNITO_USER_POOL_ID + COGNITO_CLIENT_ID (+ COGNITO_JWKS_URL, COGNITO_ENDPOINT) name another pool. */
function cognitoTarget(env: Env): CognitoTarget | undefined {
  const userPoolId = COGNITO_USER_POOL_ID.read(env);
  const clientId = COGNITO_CLIENT_ID.read(env);
  const jwksUrl = COGNITO_JWKS_URL.read(env);
  if (!userPoolId && !clientId && !jwksUrl) return undefined;
  if (!userPoolId || !clientId) {
    throw new Error(
      `COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID must be set together, got ${userPoolId ?? 'unset'} and ${clientId ?? 'unset'}`,
    );
  }
  const poolRegion = userPoolId.split('_')[0];
  const awsEndpoint = `https://cognito-idp.${poolRegion}.amazonaws.com`;
  return {
    endpoint: COGNITO_ENDPOINT.read(env) ?? awsEndpoint,
    userPoolId,
    clientId,
    jwksUrl: jwksUrl ?? `${awsEndpoint}/${userPoolId}/.well-known/jwks.json`,
  };
}
