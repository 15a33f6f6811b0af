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

/** A container's tasks in due order (docs/architecture.md#access-patterns). */
export const DUE_INDEX = 'GSI2';
export const dueIndex = {
  indexName: DUE_INDEX,
  partitionKey: { name: 'GSI2PK', type: 'S' },
  sortKey: { name: 'GSI2SK', type: 'S' },
  projection: 'ALL',
} as const;

/** A user's open tasks in due order, across their list and their workspaces: the agenda. */
export const AGENDA_INDEX = 'GSI3';
export const agendaIndex = {
  indexName: AGENDA_INDEX,
  partitionKey: { name: 'GSI3PK', type: 'S' },
  sortKey: { name: 'GSI3SK', type: 'S' },
  projection: 'ALL',
} as const;

/**
 * Every GSI, in the order they were added. CloudFormation adds one GSI per stack update, so a
 * stack deployed with fewer gets the rest one deploy at a time
 * (docs/deploy.md#upgrading-a-deployed-stack).
 */
export const tableIndexes = [statusIndex, dueIndex, agendaIndex] as const;

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
      ...tableIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ].map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    GlobalSecondaryIndexes: tableIndexes.map(indexInput),
  };
}

/** One GSI as CreateTable and UpdateTable take it. */
export function indexInput(index: (typeof tableIndexes)[number]) {
  return {
    IndexName: index.indexName as string,
    KeySchema: [
      { AttributeName: index.partitionKey.name as string, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey.name as string, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: index.projection },
  };
}
