/**
 * The AWS stack of task-api (docs/architecture.md#the-aws-stack): a short composition of the modules beside it (table, auth,
 * functions, api). A new part is a module with a function `(scope, props) => constructs`,
 * wired in below with a few lines.
 */
import { readFileSync } from 'node:fs';
import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { parse } from 'yaml';
import { STATUS_INDEX_SHARDS } from '../src/config/function.js';
import { STATUS_INDEX_SHARDS_DEFAULT, statusIndex, tableIndexes } from '../src/data/table.js';
import { parseAllowedOrigins } from '../src/http/cors.js';
import { METRICS_NAMESPACE_DEFAULT } from '../src/http/telemetry.js';
import { operations, SPEC_PATH, type Spec } from '../src/openapi.js';
import { apiUrl, specRestApi } from './api.js';
import { userPoolWithClient } from './auth.js';
import { Edges, requireApiKeys } from './edges.js';
import { DEFAULT_HANDLERS_DIR, operationFunctions } from './functions.js';
import { type LimitProps, limitEnvironment } from './limits.js';
import { Monitoring } from './monitoring.js';
import { acknowledgeNagFindings } from './nag.js';
import { recordShardCount } from './shard-record.js';
import { specToApiGatewayBody } from './spec-to-apigateway.js';
import { applyStage, type Stage, stageFromContext, stage as stageNamed } from './stage.js';
import { taskTable } from './table.js';
import { WebHosting } from './web-hosting.js';

export { DEFAULT_CALLBACK_URLS } from './auth.js';

/**
 * What one stage carries from a cold start, whichever bound is lower (docs/operations.md#capacity):
 * 1,000 concurrent executions (Lambda's default account quota) at a cold request of about
 * 0.5 s is 2,000 requests a second, and a new on-demand table serves 4,000 write units a second,
 * about 2,000 task writes (one unit for the item, one for the status index). Warm, the same
 * concurrency carries ten times that, so the burst may take twice the rate.
 */
export const STAGE_THROTTLE_DEFAULT = { rateLimit: 2000, burstLimit: 4000 } as const;

export interface TaskApiStackProps extends StackProps, LimitProps {
  /**
   * The stage (infra/stage.ts): the API Gateway stage name, and whether data is retained.
   * @default - the `stage` context value, else prod
   */
  readonly stage?: string;
  /**
   * The contract the API, its functions and their permissions are derived from.
   * @default - openapi.yaml at the repository root
   */
  readonly specPath?: string;
  /**
   * The output of `npm run build`: `<operationId>/index.mjs` for every operation.
   * @default - dist/handlers at the repository root
   */
  readonly handlersDir?: string;
  /**
   * Write shards of the status index, passed to every function as `STATUS_INDEX_SHARDS`.
   * @default - the `statusIndexShards` context value, else STATUS_INDEX_SHARDS_DEFAULT (10)
   */
  readonly statusIndexShards?: number;
  /**
   * OAuth callback URLs of the app client.
   * @default - the `callbackUrls` context value (an array or a comma-separated string), else
   * https://tasks.example.com/callback and http://localhost:3000/callback
   */
  readonly callbackUrls?: string[];
  /**
   * Cognito hosted-UI domain prefix, which the OAuth code flow needs to be usable.
   * @default - the `cognitoDomainPrefix` context value, else no hosted domain
   */
  readonly cognitoDomainPrefix?: string;
  /**
   * App clients whose ID tokens the API accepts: the authorizer's identityValidationExpression
   * matches the token's `aud` against them. An empty list accepts every client of the pool.
   * @default - the `allowedClientIds` context value (comma-separated), else the stack's web client
   */
  readonly allowedClientIds?: string[];
  /**
   * Browser origins the API answers besides the web app's own (`CORS_ALLOW_ORIGINS`); `*` for any.
   * @default - the `corsAllowOrigins` context value (an array or a comma-separated string), else none
   */
  readonly corsAllowOrigins?: string[];
  /**
   * The built web app (`npm run build -w web`), hosted on CloudFront.
   * @default - web/dist at the repository root
   */
  readonly webAppDir?: string;
  /**
   * Also validate request bodies at the gateway (parameters always are). The functions validate
   * bodies against the same contract with per-field errors and the 413/415 answers the contract
   * promises, which a gateway 400 would replace.
   * @default false
   */
  readonly validateRequestBody?: boolean;
  /**
   * Steady-state requests per second the stage accepts before answering 429.
   * @default - the `throttlingRateLimit` context value, else STAGE_THROTTLE_DEFAULT.rateLimit
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst of requests the stage accepts above the rate.
   * @default - the `throttlingBurstLimit` context value, else STAGE_THROTTLE_DEFAULT.burstLimit
   */
  readonly throttlingBurstLimit?: number;
  /**
   * Memory of each function in MiB (CPU grows with it, which shortens cold starts).
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Retention of the function, access and execution logs.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Level of the functions' application logs (Lambda's JSON log format sets AWS_LAMBDA_LOG_LEVEL).
   * @default - the `logLevel` context value, else INFO
   */
  readonly logLevel?: lambda.ApplicationLogLevel;
}

export class TaskApiStack extends Stack {
  readonly table: dynamodb.Table;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigateway.SpecRestApi;
  readonly web: WebHosting;
  /** One function per operationId. */
  readonly functions: Record<string, lambda.Function>;
  readonly stage: Stage;
  readonly monitoring: Monitoring;
  readonly edges: Edges;

  constructor(scope: Construct, id: string, props: TaskApiStackProps = {}) {
    super(scope, id, props);
    const specText = readFileSync(props.specPath ?? SPEC_PATH, 'utf8');
    const spec = parse(specText) as Spec;
    const ops = operations(spec);
    this.web = new WebHosting(this, 'Web', { appDir: props.webAppDir });
    const corsAllowOrigins = [
      this.web.url,
      ...parseAllowedOrigins(props.corsAllowOrigins ?? this.node.tryGetContext('corsAllowOrigins')),
    ];
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    this.stage = props.stage ? stageNamed(props.stage) : stageFromContext(this.node);
    const metricsNamespace = `${METRICS_NAMESPACE_DEFAULT}/${this.stage.name}`;

    this.table = taskTable(this, this.indexCount());
    const auth = userPoolWithClient(this, { ...props, webUrl: this.web.url });
    this.userPool = auth.userPool;
    this.userPoolClient = auth.userPoolClient;
    applyStage(this.stage, [this.table, this.userPool]);
    const shards = this.shards(props.statusIndexShards);
    const { functions, integrationUris } = operationFunctions(this, {
      operations: ops,
      table: this.table,
      handlersDir: props.handlersDir ?? DEFAULT_HANDLERS_DIR,
      memorySize: props.memorySize ?? 512,
      logLevel: props.logLevel ?? this.logLevelFromContext(),
      retention,
      environment: {
        TABLE_NAME: this.table.tableName,
        STATUS_INDEX_SHARDS: String(shards),
        ...limitEnvironment(this, props),
        CORS_ALLOW_ORIGINS: corsAllowOrigins.join(','),
        METRICS_NAMESPACE: metricsNamespace,
        PROBLEM_TYPE_BASE: this.web.docsUrl,
      },
    });
    this.functions = functions;
    recordShardCount(this, { table: this.table, shards, writers: Object.values(functions) });
    this.api = specRestApi(this, {
      restApiName: (spec.info as { title: string }).title,
      stageName: this.stage.name,
      body: requireApiKeys(
        specToApiGatewayBody(spec, {
          integrationUris,
          userPoolArn: this.userPool.userPoolArn,
          allowedClientIds: props.allowedClientIds ??
            this.allowedClientIdsFromContext() ?? [this.userPoolClient.userPoolClientId],
          corsAllowOrigins,
          problemTypeBase: this.web.docsUrl,
          validateRequestBody: props.validateRequestBody ?? false,
        }),
        this,
      ),
      specText,
      operations: ops,
      functions,
      throttlingRateLimit: this.throttle('throttlingRateLimit', props.throttlingRateLimit),
      throttlingBurstLimit: this.throttle('throttlingBurstLimit', props.throttlingBurstLimit),
      retention,
    });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      api: this.api,
      apiName: (spec.info as { title: string }).title,
      stageName: this.stage.name,
      operations: ops.map((op) => ({ ...op, fn: functions[op.operationId] as lambda.Function })),
      table: this.table,
      indexName: statusIndex.indexName,
      accessLogs: this.node.findChild('AccessLogs') as logs.LogGroup,
      metricsNamespace,
    });
    this.edges = new Edges(this, 'Edges', {
      api: this.api,
      userPool: this.userPool,
      stage: this.api.deploymentStage,
      functions,
    });

    new CfnOutput(this, 'ApiUrl', { value: apiUrl(this.api, this.stage.name) });
    this.web.deploy({
      apiUrl: apiUrl(this.api, this.stage.name),
      cognitoEndpoint: `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/`,
      clientId: this.userPoolClient.userPoolClientId,
    });
    new CfnOutput(this, 'WebUrl', { value: this.web.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'Region', { value: Aws.REGION });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    acknowledgeNagFindings({
      stack: this,
      table: this.table,
      userPool: this.userPool,
      api: this.api,
      functions,
    });
  }

  private throttle(
    key: 'throttlingRateLimit' | 'throttlingBurstLimit',
    fromProps?: number,
  ): number {
    const raw = fromProps ?? this.node.tryGetContext(key);
    if (raw === undefined) {
      return key === 'throttlingRateLimit'
        ? STAGE_THROTTLE_DEFAULT.rateLimit
        : STAGE_THROTTLE_DEFAULT.burstLimit;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) {
      throw new Error(`${key} must be a positive integer, got ${JSON.stringify(raw)}`);
    }
    return n;
  }

  private logLevelFromContext(): lambda.ApplicationLogLevel {
    const raw = String(this.node.tryGetContext('logLevel') ?? 'INFO').toUpperCase();
    const levels = Object.values(lambda.ApplicationLogLevel) as string[];
    if (!levels.includes(raw)) throw new Error(`logLevel must be one of ${levels}, got ${raw}`);
    return raw as lambda.ApplicationLogLevel;
  }

  private allowedClientIdsFromContext(): string[] | undefined {
    const raw = this.node.tryGetContext('allowedClientIds') as string | string[] | undefined;
    if (raw === undefined) return undefined;
    return Array.isArray(raw)
      ? raw
      : raw
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean);
  }

  /**
   * `-c tableIndexes=N`: only the first N GSIs. CloudFormation adds one GSI per update, so a stack
   * deployed with fewer indexes reaches all of them one deploy at a time
   * (docs/deploy.md#upgrading-a-deployed-stack).
   */
  private indexCount(): number {
    const raw = this.node.tryGetContext('tableIndexes') as unknown;
    if (raw === undefined) return tableIndexes.length;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > tableIndexes.length) {
      throw new Error(`tableIndexes must be 1 to ${tableIndexes.length}, not ${String(raw)}`);
    }
    return n;
  }

  private shards(fromProps: number | undefined): number {
    const raw = fromProps ?? this.node.tryGetContext('statusIndexShards');
    if (raw === undefined) return STATUS_INDEX_SHARDS_DEFAULT;
    // The handlers' own parser, so synth refuses exactly what a function would refuse at init.
    return STATUS_INDEX_SHARDS.read({ [STATUS_INDEX_SHARDS.name]: String(raw) });
  }
}
