/** The whole local stack (docs/architecture.md#the-local-stack): DynamoDB, Cognito and the gateway, each replaceable by env. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { statusIndexShards, TABLE_NAME_DEFAULT } from '../data/table.js';
import { CORS_ENV, parseAllowedOrigins } from '../http/cors.js';
import { loadSpec } from '../openapi.js';
import { cognitoAuthorizer } from './authorizer.js';
import { type CodeDelivery, portError, startCognito } from './cognito.js';
import { localDefinition, readApiModel } from './definition.js';
import { dynamoEngine, ensureTable, localDynamoClient, startEmbeddedDynamo } from './dynamodb.js';
import { type HandlerLoader, type LogEntry, startGateway } from './gateway.js';
import { type DirLock, lockDataDir } from './lock.js';
import { loopbackOrigins } from './loopback.js';
import { startWebServer, type WebServerOptions } from './web.js';

export interface LocalStackOptions {
  /** @default 0 (a free port) */
  apiPort?: number;
  /** @default 0 (a free port) */
  dynamoPort?: number;
  /** @default 0 (a free port) */
  cognitoPort?: number;
  /**
   * Keep data on disk: `<dataDir>/dynamodb`, `<dataDir>/cognito`, locked against a second process.
   * @default - DynamoDB in memory and Cognito in a temp dir, both gone after stop()
   */
  dataDir?: string;
  /** @default 'us-east-1' */
  region?: string;
  /** @default env TABLE_NAME, else 'TaskApp' */
  tableName?: string;
  /** Where DYNAMODB_ENDPOINT and COGNITO_* overrides are read. @default process.env */
  env?: NodeJS.ProcessEnv;
  /** @default imports src/handlers/<operationId>.ts */
  loadHandler?: HandlerLoader;
  /** Gateway log lines. @default JSON lines on stdout */
  log?: (entry: LogEntry) => void;
  /** Sign-up and reset codes. @default printed to the console */
  onCode?: (delivery: CodeDelivery) => void;
  /** Build docs/index.html when stale. @default true */
  buildDocs?: boolean;
  /** @default the repo's docs/index.html */
  docsPath?: string;
  /**
   * Serve the API under `/<stage>` with events of that stage, as API Gateway's default endpoint.
   * @default env LOCAL_STAGE, else the root path (stage `local`)
   */
  stage?: string;
  /**
   * App clients whose ID tokens the API accepts (the authorizer's identityValidationExpression).
   * @default env ALLOWED_CLIENT_IDS (comma-separated), else the pool's web client
   */
  allowedClientIds?: string[];
  /** The web app's URL, linked from the gateway's GET /. @default - no link */
  webUrl?: string;
  /**
   * Serve the task board (web/) on its own origin; its origin joins the allowed CORS origins.
   * @default - no web app
   */
  web?: Pick<WebServerOptions, 'port' | 'mode' | 'outDir'>;
  /** Browser origins the API answers besides the web app's. @default env CORS_ALLOW_ORIGINS, else none */
  corsAllowOrigins?: readonly string[];
}

export interface LocalStack {
  apiUrl: string;
  dynamoEndpoint: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  region: string;
  tableName: string;
  jwksUrl: string;
  /** The task board's origin, when the stack serves it. */
  webUrl?: string;
  /** Stops what it started, restores the handler env vars and removes temp data. */
  stop(): Promise<void>;
}

/** The env vars handlers read at import (docs/architecture.md#the-request-path); set before the first handler import. */
const HANDLER_ENV = [
  'TABLE_NAME',
  'DYNAMODB_ENDPOINT',
  'AWS_REGION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  CORS_ENV,
] as const;

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? process.env;
  const region = options.region ?? 'us-east-1';
  const tableName = options.tableName ?? (env.TABLE_NAME || TABLE_NAME_DEFAULT);
  statusIndexShards(env);
  const cognitoOverride = cognitoFromEnv(env);

  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
    if (dataDir) {
      const lock: DirLock = lockDataDir(dataDir);
      cleanups.push(() => lock.release());
    }

    let dynamoEndpoint = env.DYNAMODB_ENDPOINT;
    if (!dynamoEndpoint) {
      const port = options.dynamoPort ?? 0;
      const engine = dynamoEngine(env);
      const dynamo = await startEmbeddedDynamo({
        engine,
        port,
        // The two engines' files differ: each keeps its own.
        path: dataDir && join(dataDir, engine === 'dynalite' ? 'dynamodb' : 'dynamodb-local'),
      }).catch((err: unknown) => {
        throw portError(err, port, 'dynamodb', 'DYNAMODB_PORT');
      });
      cleanups.push(() => dynamo.close());
      dynamoEndpoint = dynamo.endpoint;
    }
    const dynamoClient = localDynamoClient(dynamoEndpoint, region);
    // The table and the status-index shard count, as `cdk deploy` makes them before any function
    // writes (infra/shard-record.ts).
    await ensureTable(dynamoClient, tableName, statusIndexShards(process.env)).finally(() =>
      dynamoClient.destroy(),
    );

    // Filled once the web app's origin is known; read by Cognito per request.
    const browserOrigins: string[] = [];
    let cognito = cognitoOverride;
    if (!cognito) {
      const cognitoDir = dataDir
        ? join(dataDir, 'cognito')
        : await mkdtemp(join(tmpdir(), 'task-api-cognito-'));
      if (!dataDir) cleanups.push(() => rm(cognitoDir, { recursive: true, force: true }));
      const local = await startCognito({
        port: options.cognitoPort ?? 0,
        dataDir: cognitoDir,
        region,
        onCode: options.onCode,
        allowedOrigins: () => browserOrigins,
      });
      cleanups.push(() => local.close());
      cognito = { ...local };
    }

    let apiUrl = '';
    let webUrl = options.webUrl;
    if (options.web) {
      const target = cognito;
      const web = await startWebServer({
        ...options.web,
        docsPath: options.docsPath,
        config: () => ({ apiUrl, cognitoEndpoint: target.endpoint, clientId: target.clientId }),
      });
      cleanups.push(() => web.close());
      webUrl = web.url;
    }
    // The web app in each loopback spelling (127.0.0.1, localhost, [::1]): a person may open
    // either, and the API would refuse the other by CORS.
    const webOrigins = webUrl ? loopbackOrigins(new URL(webUrl).origin) : [];
    const allowedOrigins = [
      ...new Set([
        ...parseAllowedOrigins(options.corsAllowOrigins ?? env[CORS_ENV]),
        ...(webUrl ? [new URL(webUrl).origin] : []),
        ...webOrigins,
      ]),
    ];
    // The web app signs in against Cognito directly; so may the other loopback origins allowed.
    browserOrigins.push(...new Set(allowedOrigins.flatMap(loopbackOrigins)));

    const saved = Object.fromEntries(HANDLER_ENV.map((name) => [name, process.env[name]]));
    cleanups.push(() => {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = dynamoEndpoint;
    process.env.AWS_REGION = region;
    // Lambda sets it; src/http/telemetry.ts reports a cold start only under it. https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
    process.env.AWS_LAMBDA_INITIALIZATION_TYPE = 'on-demand';
    process.env[CORS_ENV] = allowedOrigins.join(',');

    // The definition `cdk synth` imports, for this pool and these app clients.
    const definition = localDefinition({
      spec: loadSpec(),
      region,
      userPoolId: cognito.userPoolId,
      problemTypeBase: env.PROBLEM_TYPE_BASE || undefined,
      corsAllowOrigins: allowedOrigins,
      allowedClientIds: options.allowedClientIds ??
        listFromEnv(env.ALLOWED_CLIENT_IDS) ?? [cognito.clientId],
    });
    const [authorizerModel] = Object.values(readApiModel(definition).authorizers);
    if (authorizerModel?.userPoolIds[0] !== cognito.userPoolId) {
      throw new Error(`the definition must name one cognito authorizer for ${cognito.userPoolId}`);
    }
    const stage = options.stage ?? (env.LOCAL_STAGE || undefined);
    const gateway = await startGateway({
      port: options.apiPort ?? 0,
      definition,
      authorizer: cognitoAuthorizer({
        userPoolId: cognito.userPoolId,
        jwksUrl: cognito.jwksUrl,
        identityValidationExpression: authorizerModel.identityValidationExpression,
      }),
      stagePath: stage,
      loadHandler: options.loadHandler,
      log: options.log,
      region,
      buildDocs: options.buildDocs,
      docsPath: options.docsPath,
      webUrl,
      allowedOrigins,
    });
    cleanups.push(() => gateway.close());
    apiUrl = gateway.url;

    return {
      apiUrl: gateway.url,
      dynamoEndpoint,
      cognitoEndpoint: cognito.endpoint,
      userPoolId: cognito.userPoolId,
      clientId: cognito.clientId,
      region,
      tableName,
      jwksUrl: cognito.jwksUrl,
      ...(options.web && webUrl ? { webUrl } : {}),
      stop,
    };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}

interface CognitoTarget {
  endpoint: string;
  userPoolId: string;
  clientId: string;
  jwksUrl: string;
}

/** COGNITO_USER_POOL_ID + COGNITO_CLIENT_ID (+ COGNITO_JWKS_URL, COGNITO_ENDPOINT) name another pool. */
function cognitoFromEnv(env: NodeJS.ProcessEnv): CognitoTarget | undefined {
  const userPoolId = env.COGNITO_USER_POOL_ID;
  const clientId = env.COGNITO_CLIENT_ID;
  if (!userPoolId && !clientId && !env.COGNITO_JWKS_URL) return undefined;
  if (!userPoolId || !clientId) {
    throw new Error(
      `COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID must be set together, got ${userPoolId ?? 'unset'} and ${clientId ?? 'unset'}`,
    );
  }
  const poolRegion = userPoolId.split('_')[0];
  const awsEndpoint = `https://cognito-idp.${poolRegion}.amazonaws.com`;
  return {
    endpoint: env.COGNITO_ENDPOINT || awsEndpoint,
    userPoolId,
    clientId,
    jwksUrl: env.COGNITO_JWKS_URL || `${awsEndpoint}/${userPoolId}/.well-known/jwks.json`,
  };
}

function listFromEnv(raw: string | undefined): string[] | undefined {
  if (!raw) return undefined;
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The keys of the CDK stack outputs plus the local endpoints (docs/architecture.md#the-local-stack). */
export function stackOutputs(stack: LocalStack): Record<string, string> {
  return {
    ApiUrl: stack.apiUrl,
    UserPoolId: stack.userPoolId,
    UserPoolClientId: stack.clientId,
    Region: stack.region,
    TableName: stack.tableName,
    CognitoEndpoint: stack.cognitoEndpoint,
    DynamoDbEndpoint: stack.dynamoEndpoint,
    ...(stack.webUrl ? { WebUrl: stack.webUrl } : {}),
  };
}
