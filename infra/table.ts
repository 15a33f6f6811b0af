/** The single DynamoDB table, its keys and index from src/data/table.ts. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { statusIndex, TTL_ATTRIBUTE, tableKeys } from '../src/data/table.js';

/** Created under `scope` with the id `Table`, so the logical id (and the retained table) stays put. */
export function taskTable(scope: Construct): dynamodb.Table {
  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey: attribute(tableKeys.partitionKey),
    sortKey: attribute(tableKeys.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    timeToLiveAttribute: TTL_ATTRIBUTE,
  });
  table.addGlobalSecondaryIndex({
    indexName: statusIndex.indexName,
    partitionKey: attribute(statusIndex.partitionKey),
    sortKey: attribute(statusIndex.sortKey),
    projectionType: statusIndex.projection as dynamodb.ProjectionType,
  });
  return table;
}

function attribute(key: { name: string; type: string }): dynamodb.Attribute {
  return { name: key.name, type: key.type as dynamodb.AttributeType };
}
