/** One Lambda function per operationId, with least-privilege table grants. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { OperationEntry } from '../src/openapi.js';
import { FUNCTION_TIMEOUT_SECONDS } from './function-settings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_HANDLERS_DIR = join(root, 'dist/handlers');

/** An operation is read-only exactly when its HTTP method is safe. */
const READ_METHODS = new Set(['get', 'head']);

export interface FunctionsProps {
  operations: OperationEntry[];
  table: dynamodb.Table;
  handlersDir: string;
  memorySize: number;
  retention: logs.RetentionDays;
  /** Passed to every function as its environment. */
  environment: Record<string, string>;
}

export interface OperationFunctions {
  /** One function per operationId. */
  functions: Record<string, lambda.Function>;
  /** operationId -> the invoke URI of its `aws_proxy` integration. */
  integrationUris: Record<string, string>;
}

/** Created under `scope` with the operationId as id, so logical ids stay put. */
export function operationFunctions(scope: Construct, props: FunctionsProps): OperationFunctions {
  const functions: Record<string, lambda.Function> = {};
  const integrationUris: Record<string, string> = {};
  for (const op of props.operations) {
    const code = join(props.handlersDir, op.operationId);
    if (!existsSync(join(code, 'index.mjs'))) {
      throw new Error(
        `operation ${op.operationId} has no bundle at ${relative(root, join(code, 'index.mjs'))}: ` +
          `add src/handlers/${op.operationId}.ts and run npm run build`,
      );
    }
    const fn = new lambda.Function(scope, op.operationId, {
      description: `${op.operationId}: ${op.method.toUpperCase()} ${op.path}`,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(code),
      memorySize: props.memorySize,
      timeout: Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      tracing: lambda.Tracing.ACTIVE,
      logGroup: new logs.LogGroup(scope, `${op.operationId}Logs`, {
        retention: props.retention,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
      environment: props.environment,
    });
    if (READ_METHODS.has(op.method)) props.table.grantReadData(fn);
    else props.table.grantReadWriteData(fn);
    functions[op.operationId] = fn;
    integrationUris[op.operationId] =
      `arn:${Aws.PARTITION}:apigateway:${Aws.REGION}:lambda:path/2015-03-31/functions/${fn.functionArn}/invocations`;
  }
  return { functions, integrationUris };
}
