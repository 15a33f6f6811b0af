/**
 * Records the status index's shard count N in the table at deploy time, before any function
 * that writes with N goes live (they depend on it): the `UpdateItem` of
 * src/data/statusIndex.ts#shardRecordUpdate, run by a CloudFormation custom resource on create
 * and whenever N changes. A write then never waits for the record, and a lowered N still reads
 * every shard ever written (docs/architecture.md#the-data-model).
 */
import { Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { shardRecordUpdate } from '../src/data/statusIndex.js';

export function recordShardCount(
  scope: Construct,
  props: { table: dynamodb.Table; shards: number; writers: lambda.Function[] },
): AwsCustomResource {
  const call = {
    service: 'DynamoDB',
    action: 'UpdateItem',
    parameters: shardRecordUpdate(props.table.tableName, props.shards),
    physicalResourceId: PhysicalResourceId.of('status-index-shards'),
  };
  const record = new AwsCustomResource(scope, 'StatusIndexShards', {
    onCreate: call,
    onUpdate: call,
    policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [props.table.tableArn] }),
    installLatestAwsSdk: false,
  });
  for (const fn of props.writers) fn.node.addDependency(record);
  acknowledgeNagFindings(scope);
  return record;
}

/** CDK's own function behind every AwsCustomResource of the stack (one singleton). */
function acknowledgeNagFindings(scope: Construct): void {
  for (const child of Stack.of(scope).node.children) {
    if (!child.node.id.startsWith('AWS679f53fac002430cb0da5b7982bd2287')) continue;
    const ack = (id: string, reason: string) => Validations.of(child).acknowledge({ id, reason });
    ack(
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'The AWS managed basic execution policy only lets CDK’s custom-resource function write its logs.',
    );
    ack('AwsSolutions-L1', 'CDK pins the runtime of its custom-resource function.');
  }
}
