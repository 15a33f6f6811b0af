/** The AWS stack of task-api (DESIGN §6): SpecRestApi from openapi.yaml, Cognito, Lambda, DynamoDB. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { parse } from 'yaml';
import {
  STATUS_INDEX_SHARDS_DEFAULT,
  statusIndex,
  statusIndexShards,
  TTL_ATTRIBUTE,
  tableKeys,
} from '../src/data/table.js';
import { parseAllowedOrigins } from '../src/http/cors.js';
import { operations, SPEC_PATH, type Spec } from '../src/openapi.js';
import { specToApiGatewayBody } from './spec-to-apigateway.js';
import { WebHosting } from './web-hosting.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export const DEFAULT_CALLBACK_URLS = [
  'https://tasks.example.com/callback',
  'http://localhost:3000/callback',
];
export const STAGE_NAME = 'prod';
export const ADMINS_GROUP = 'admins';

export interface TaskApiStackProps extends StackProps {
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
   * @default 100
   */
  readonly throttlingRateLimit?: number;
  /**
   * Burst of requests the stage accepts above the rate.
   * @default 200
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
}

/** An operation is read-only exactly when its HTTP method is safe. */
const READ_METHODS = new Set(['get', 'head']);

export class TaskApiStack extends Stack {
  readonly table: dynamodb.Table;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigateway.SpecRestApi;
  readonly web: WebHosting;
  /** One function per operationId. */
  readonly functions: Record<string, lambda.Function> = {};

  constructor(scope: Construct, id: string, props: TaskApiStackProps = {}) {
    super(scope, id, props);
    const specPath = props.specPath ?? SPEC_PATH;
    const specText = readFileSync(specPath, 'utf8');
    const spec = parse(specText) as Spec;
    const handlersDir = props.handlersDir ?? join(root, 'dist/handlers');
    const shards = this.shards(props.statusIndexShards);
    const web = new WebHosting(this, 'Web', { appDir: props.webAppDir });
    this.web = web;
    const corsAllowOrigins = [
      web.url,
      ...parseAllowedOrigins(props.corsAllowOrigins ?? this.node.tryGetContext('corsAllowOrigins')),
    ];
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: attribute(tableKeys.partitionKey),
      sortKey: attribute(tableKeys.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: statusIndex.indexName,
      partitionKey: attribute(statusIndex.partitionKey),
      sortKey: attribute(statusIndex.sortKey),
      projectionType: statusIndex.projection as dynamodb.ProjectionType,
    });

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 10,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: false,
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.userPool.addGroup('AdminsGroup', {
      groupName: ADMINS_GROUP,
      description: 'May list every user’s tasks (GET /admin/tasks).',
    });
    this.userPoolClient = this.userPool.addClient('AppClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [
          ...(props.callbackUrls ?? this.callbackUrlsFromContext()),
          `${web.url}/callback`,
        ],
        logoutUrls: [`${web.url}/`],
      },
      preventUserExistenceErrors: true,
    });
    const domainPrefix =
      props.cognitoDomainPrefix ??
      (this.node.tryGetContext('cognitoDomainPrefix') as string | undefined);
    if (domainPrefix) {
      this.userPool.addDomain('HostedDomain', { cognitoDomain: { domainPrefix } });
    }

    const ops = operations(spec);
    const integrationUris: Record<string, string> = {};
    for (const op of ops) {
      const code = join(handlersDir, op.operationId);
      if (!existsSync(join(code, 'index.mjs'))) {
        throw new Error(
          `operation ${op.operationId} has no bundle at ${relative(root, join(code, 'index.mjs'))}: ` +
            `add src/handlers/${op.operationId}.ts and run npm run build`,
        );
      }
      const fn = new lambda.Function(this, op.operationId, {
        description: `${op.operationId}: ${op.method.toUpperCase()} ${op.path}`,
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        handler: 'index.handler',
        code: lambda.Code.fromAsset(code),
        memorySize: props.memorySize ?? 512,
        timeout: Duration.seconds(10),
        tracing: lambda.Tracing.ACTIVE,
        logGroup: new logs.LogGroup(this, `${op.operationId}Logs`, {
          retention,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        environment: {
          TABLE_NAME: this.table.tableName,
          STATUS_INDEX_SHARDS: String(shards),
          CORS_ALLOW_ORIGINS: corsAllowOrigins.join(','),
        },
      });
      if (READ_METHODS.has(op.method)) this.table.grantReadData(fn);
      else this.table.grantReadWriteData(fn);
      this.functions[op.operationId] = fn;
      integrationUris[op.operationId] =
        `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
    }

    const body = specToApiGatewayBody(spec, {
      integrationUris,
      userPoolArn: this.userPool.userPoolArn,
      corsAllowOrigins,
      validateRequestBody: props.validateRequestBody ?? false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigateway.SpecRestApi(this, 'Api', {
      restApiName: (spec.info as { title: string }).title,
      apiDefinition: apigateway.ApiDefinition.fromInline(body),
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: STAGE_NAME,
        throttlingRateLimit: props.throttlingRateLimit ?? 100,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 200,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
      },
    });
    // SpecRestApi does not notice a changed body by itself: a new spec must mean a new deployment.
    this.api.latestDeployment?.addToLogicalId({
      specSha256: createHash('sha256').update(specText).digest('hex'),
      body,
    });
    // API Gateway creates the execution log group on first error, without retention; own it.
    const executionLogs = new logs.LogGroup(this, 'ExecutionLogs', {
      logGroupName: `API-Gateway-Execution-Logs_${this.api.restApiId}/${STAGE_NAME}`,
      retention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api.deploymentStage.node.addDependency(executionLogs);

    for (const op of ops) {
      const path = op.path.replace(/\{[^}]+\}/g, '*');
      this.functions[op.operationId]?.addPermission('ApiInvoke', {
        principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
        action: 'lambda:InvokeFunction',
        sourceArn: this.api.arnForExecuteApi(op.method.toUpperCase(), path, '*'),
      });
    }

    const apiUrl = `https://${this.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${STAGE_NAME}`;
    new CfnOutput(this, 'ApiUrl', { value: apiUrl });
    web.deploy({
      apiUrl,
      cognitoEndpoint: `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/`,
      clientId: this.userPoolClient.userPoolClientId,
    });
    new CfnOutput(this, 'WebUrl', { value: web.url });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'Region', { value: Aws.REGION });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    this.acknowledgeNagFindings();
  }

  private shards(fromProps: number | undefined): number {
    const raw = fromProps ?? this.node.tryGetContext('statusIndexShards');
    if (raw === undefined) return STATUS_INDEX_SHARDS_DEFAULT;
    // The handlers' own parser, so synth refuses exactly what a function would refuse at init.
    return statusIndexShards({ STATUS_INDEX_SHARDS: String(raw) });
  }

  private callbackUrlsFromContext(): string[] {
    const raw = this.node.tryGetContext('callbackUrls') as string | string[] | undefined;
    if (raw === undefined) return DEFAULT_CALLBACK_URLS;
    const urls = Array.isArray(raw) ? raw : raw.split(',').map((u) => u.trim());
    if (urls.length === 0 || urls.some((u) => !/^https?:\/\/\S+$/.test(u))) {
      throw new Error(`callbackUrls must be http(s) URLs, got ${JSON.stringify(raw)}`);
    }
    return urls;
  }

  /** cdk-nag AwsSolutions findings this design accepts, each with its reason. */
  private acknowledgeNagFindings(): void {
    const ack = (scope: Construct, id: string, reason: string) =>
      Validations.of(scope).acknowledge({ id, reason });

    ack(
      this.userPool,
      'AwsSolutions-COG1',
      'Password policy is the seed API’s: 10+ chars, upper, lower, digits, no symbols.',
    );
    ack(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA stays optional-off as in the seed; enabling it is a product decision.',
    );
    ack(this.userPool, 'AwsSolutions-COG8', 'The Plus feature plan is not needed for this API.');
    ack(
      this.api,
      'AwsSolutions-APIG2',
      'Request validators are declared in the OpenAPI body (x-amazon-apigateway-request-validators).',
    );
    ack(
      this.api,
      'AwsSolutions-APIG3',
      'No WAF: stage throttling bounds abuse; add a web ACL when the API goes public.',
    );
    ack(
      this.api,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The AWS managed policy is the documented role for API Gateway account-level logging.',
    );
    for (const fn of Object.values(this.functions)) {
      ack(
        fn,
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'The AWS managed basic execution policy only allows writing the function’s logs.',
      );
      ack(
        fn,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray PutTraceSegments/PutTelemetryRecords take no resource ARN.',
      );
      ack(
        fn,
        `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as dynamodb.CfnTable)}.Arn>/index/*]`,
        'grantRead*/grantReadWriteData cover the table’s GSI1 index for the admin status listing.',
      );
    }
  }
}

function attribute(key: { name: string; type: string }): dynamodb.Attribute {
  return { name: key.name, type: key.type as dynamodb.AttributeType };
}

function accessLogFormat(): apigateway.AccessLogFormat {
  const f = apigateway.AccessLogField;
  return apigateway.AccessLogFormat.custom(
    JSON.stringify({
      requestId: f.contextRequestId(),
      extendedRequestId: f.contextExtendedRequestId(),
      requestTime: f.contextRequestTime(),
      ip: f.contextIdentitySourceIp(),
      httpMethod: f.contextHttpMethod(),
      resourcePath: f.contextResourcePath(),
      path: f.contextPath(),
      status: f.contextStatus(),
      protocol: f.contextProtocol(),
      responseLength: f.contextResponseLength(),
      responseLatency: f.contextResponseLatency(),
      integrationLatency: f.contextIntegrationLatency(),
      integrationStatus: f.contextIntegrationStatus(),
      errorResponseType: f.contextErrorResponseType(),
      authorizerError: f.contextAuthorizerError(),
      userSub: f.contextAuthorizerClaims('sub'),
      xrayTraceId: f.contextXrayTraceId(),
    }),
  );
}
