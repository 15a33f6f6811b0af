/** The REST API imported from the transformed spec, its stage, logs and invoke permissions. */
import { createHash } from 'node:crypto';
import { Aws, RemovalPolicy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { OperationEntry } from '../src/openapi.js';

export const STAGE_NAME = 'prod';

export interface ApiProps {
  restApiName: string;
  /** The API Gateway definition (`specToApiGatewayBody`). */
  body: Record<string, unknown>;
  /** The spec's text: a changed spec means a new deployment. */
  specText: string;
  operations: OperationEntry[];
  functions: Record<string, lambda.Function>;
  throttlingRateLimit: number;
  throttlingBurstLimit: number;
  retention: logs.RetentionDays;
}

/** Created under `scope` with the stack's original ids, so logical ids stay put. */
export function specRestApi(scope: Construct, props: ApiProps): apigateway.SpecRestApi {
  const accessLogs = new logs.LogGroup(scope, 'AccessLogs', {
    retention: props.retention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const api = new apigateway.SpecRestApi(scope, 'Api', {
    restApiName: props.restApiName,
    apiDefinition: apigateway.ApiDefinition.fromInline(props.body),
    endpointTypes: [apigateway.EndpointType.REGIONAL],
    cloudWatchRole: true,
    deployOptions: {
      stageName: STAGE_NAME,
      throttlingRateLimit: props.throttlingRateLimit,
      throttlingBurstLimit: props.throttlingBurstLimit,
      tracingEnabled: true,
      metricsEnabled: true,
      loggingLevel: apigateway.MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
      accessLogFormat: accessLogFormat(),
    },
  });
  // SpecRestApi does not notice a changed body by itself: a new spec must mean a new deployment.
  api.latestDeployment?.addToLogicalId({
    specSha256: createHash('sha256').update(props.specText).digest('hex'),
    body: props.body,
  });
  // API Gateway creates the execution log group on first error, without retention; own it.
  const executionLogs = new logs.LogGroup(scope, 'ExecutionLogs', {
    logGroupName: `API-Gateway-Execution-Logs_${api.restApiId}/${STAGE_NAME}`,
    retention: props.retention,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  api.deploymentStage.node.addDependency(executionLogs);

  for (const op of props.operations) {
    const path = op.path.replace(/\{[^}]+\}/g, '*');
    props.functions[op.operationId]?.addPermission('ApiInvoke', {
      principal: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      action: 'lambda:InvokeFunction',
      sourceArn: api.arnForExecuteApi(op.method.toUpperCase(), path, '*'),
    });
  }
  return api;
}

export function apiUrl(api: apigateway.SpecRestApi): string {
  return `https://${api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${STAGE_NAME}`;
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
