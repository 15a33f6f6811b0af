/**
 * Records the status index's shard count N in the table at deploy time, before any function
 * that writes with N goes live (they depend on it): the `UpdateItem` of
 * src/data/statusIndex.ts#shardRecordUpdate, run by a CloudFormation custom resource on create
 * and whenever N changes. A write then never waits for the record, and a lowered N still reads
 * every shard ever written (docs/architecture.md#the-data-model).
 */
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import type { Construct } from 'constructs';
import { shardRecordUpdate } from '../src/data/statusIndex.js';
import { acknowledgeCdkHelper } from './nag.js';

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
  acknowledgeCdkHelper(
    scope,
    'AWS679f53fac002430cb0da5b7982bd2287',
    'CDK’s custom-resource function',
  );
  return record;
}
