/** The whole local stack (docs/architecture.md#the-local-stack): DynamoDB, Cognito and the gateway, each replaceable by env. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Env, type FunctionConfig, functionConfig, localConfig } from '../config/index.js';
import { createDocumentClient } from '../data/client.js';
import { TaskStore } from '../data/tasks.js';
import { parseAllowedOrigins } from '../http/cors.js';
import { loadSpec } from '../openapi.js';
import { cognitoAuthorizer } from './authorizer.js';
import { type CodeDelivery, portError, startCognito } from './cognito.js';
import { localDefinition, readApiModel } from './definition.js';
import { ensureTable, localDynamoClient, startEmbeddedDynamo } from './dynamodb.js';
import { type HandlerLoader, type LogEntry, type ProxyHandler, startGateway } from './gateway.js';
import { factoryHandlerLoader } from './invoke.js';
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
  /**
   * The environment the stack runs in, as `npm start` passes its process's: the stack's own
   * variables (src/config/local.ts) and its functions' (src/config/function.ts) are read from it.
   * @default {} (every default)
   */
  env?: Env;
  /**
   * @default the factory of src/handlers/<operationId>.ts applied to the stack's own store and
   * function config: its table, endpoint, region and CORS origins over `env`'s settings
   */
  loadHandler?: HandlerLoader;
  /** Sees each handler the stack loads (a test counts invocations). @default - none */
  wrapHandler?: (operationId: string, handler: ProxyHandler) => ProxyHandler;
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
  /** Stops what it started and removes temp data. */
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const env = options.env ?? {};
  // Both read before anything starts: a bad value is a start-up error.
  const config = localConfig(env);
  const functions = functionConfig(env);
  const region = options.region ?? 'us-east-1';
  const tableName = options.tableName ?? config.tableName;

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

    let dynamoEndpoint = config.dynamoEndpoint;
    if (!dynamoEndpoint) {
      const port = options.dynamoPort ?? 0;
      const engine = config.dynamoEngine;
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
    await ensureTable(dynamoClient, tableName, config.shards).finally(() => dynamoClient.destroy());

    // Filled once the web app's origin is known; read by Cognito per request.
    const browserOrigins: string[] = [];
    let cognito = config.cognito;
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
        ...(options.corsAllowOrigins
          ? parseAllowedOrigins(options.corsAllowOrigins)
          : config.corsAllowOrigins),
        ...(webUrl ? [new URL(webUrl).origin] : []),
        ...webOrigins,
      ]),
    ];
    // The web app signs in against Cognito directly; so may the other loopback origins allowed.
    browserOrigins.push(...new Set(allowedOrigins.flatMap(loopbackOrigins)));

    const loadHandler =
      options.loadHandler ??
      functionsLoader(functions, cleanups, {
        tableName,
        dynamoEndpoint,
        region,
        allowedOrigins,
      });

    // The definition `cdk synth` imports, for this pool and these app clients.
    const definition = localDefinition({
      spec: loadSpec(),
      region,
      userPoolId: cognito.userPoolId,
      problemTypeBase: config.problemTypeBase,
      corsAllowOrigins: allowedOrigins,
      allowedClientIds: options.allowedClientIds ?? config.allowedClientIds ?? [cognito.clientId],
    });
    const [authorizerModel] = Object.values(readApiModel(definition).authorizers);
    if (authorizerModel?.userPoolIds[0] !== cognito.userPoolId) {
      throw new Error(`the definition must name one cognito authorizer for ${cognito.userPoolId}`);
    }
    const stage = options.stage ?? config.stage;
    const gateway = await startGateway({
      port: options.apiPort ?? 0,
      definition,
      authorizer: cognitoAuthorizer({
        userPoolId: cognito.userPoolId,
        jwksUrl: cognito.jwksUrl,
        identityValidationExpression: authorizerModel.identityValidationExpression,
      }),
      stagePath: stage,
      loadHandler: wrapped(loadHandler, options.wrapHandler),
      log: options.log,
      region,
      buildDocs: options.buildDocs,
      docsPath: options.docsPath,
      webUrl,
      allowedOrigins,
      problemTypeBase: config.problemTypeBase,
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

/**
 * The real handlers on one store of the stack's own, configured as the CDK stack configures each
 * function: `env`'s settings, with the table, endpoint, region and CORS origins of this stack,
 * and Lambda's on-demand initialization, under which src/http/telemetry.ts reports cold starts
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime).
 */
function functionsLoader(
  fromEnv: FunctionConfig,
  cleanups: (() => Promise<void> | void)[],
  stack: { tableName: string; dynamoEndpoint: string; region: string; allowedOrigins: string[] },
): HandlerLoader {
  const config: FunctionConfig = {
    ...fromEnv,
    data: { ...fromEnv.data, tableName: stack.tableName },
    dynamo: { ...fromEnv.dynamo, endpoint: stack.dynamoEndpoint, region: stack.region },
    corsAllowOrigins: stack.allowedOrigins,
    telemetry: { ...fromEnv.telemetry, initializationType: 'on-demand' },
  };
  const db = createDocumentClient(config.dynamo);
  cleanups.push(() => db.destroy());
  return factoryHandlerLoader(new TaskStore(db, config.data), config);
}

function wrapped(load: HandlerLoader, wrap: LocalStackOptions['wrapHandler']): HandlerLoader {
  if (!wrap) return load;
  return async (operationId) => wrap(operationId, await load(operationId));
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
