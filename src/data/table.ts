/** The single DynamoDB table (docs/architecture.md#the-data-model): the one definition the CDK stack and the local stack share. */

export const TABLE_NAME_DEFAULT = 'TaskApp';
export const STATUS_INDEX = 'GSI1';
/** Epoch seconds after which DynamoDB TTL may delete an item (idempotency records). */
export const TTL_ATTRIBUTE = 'expires_at';
/** How many write shards the status index spreads each status over (docs/architecture.md#the-data-model). */
export const STATUS_INDEX_SHARDS_DEFAULT = 10;

export const tableKeys = {
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
} as const;

export const statusIndex = {
  indexName: STATUS_INDEX,
  partitionKey: { name: 'GSI1PK', type: 'S' },
  sortKey: { name: 'GSI1SK', type: 'S' },
  projection: 'ALL',
} as const;

/** The CreateTable input for DynamoDB-compatible endpoints (dynalite, DynamoDB Local). */
export function createTableInput(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: tableKeys.partitionKey.name, KeyType: 'HASH' as const },
      { AttributeName: tableKeys.sortKey.name, KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: [
      tableKeys.partitionKey,
      tableKeys.sortKey,
      statusIndex.partitionKey,
      statusIndex.sortKey,
    ].map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    GlobalSecondaryIndexes: [
      {
        IndexName: statusIndex.indexName,
        KeySchema: [
          { AttributeName: statusIndex.partitionKey.name, KeyType: 'HASH' as const },
          { AttributeName: statusIndex.sortKey.name, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: statusIndex.projection },
      },
    ],
  };
}
