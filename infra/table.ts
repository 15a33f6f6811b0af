/** The single DynamoDB table, its keys and index from src/data/table.ts. */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { TTL_ATTRIBUTE, tableIndexes, tableKeys } from '../src/data/table.js';

/**
 * Created under `scope` with the id `Table`, so the logical id (and the retained table) stays put.
 * `indexCount` keeps only the first GSIs of `tableIndexes`: CloudFormation adds one GSI per update.
 */
export function taskTable(
  scope: Construct,
  indexCount: number = tableIndexes.length,
): dynamodb.Table {
  const table = new dynamodb.Table(scope, 'Table', {
    partitionKey: attribute(tableKeys.partitionKey),
    sortKey: attribute(tableKeys.sortKey),
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    timeToLiveAttribute: TTL_ATTRIBUTE,
  });
  for (const index of tableIndexes.slice(0, indexCount)) {
    table.addGlobalSecondaryIndex({
      indexName: index.indexName,
      partitionKey: attribute(index.partitionKey),
      sortKey: attribute(index.sortKey),
      projectionType: index.projection as dynamodb.ProjectionType,
    });
  }
  return table;
}

function attribute(key: { name: string; type: string }): dynamodb.Attribute {
  return { name: key.name, type: key.type as dynamodb.AttributeType };
}
