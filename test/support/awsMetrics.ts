/**
 * The metrics AWS services publish themselves, which no handler emits: per namespace, the
 * metric names the rehearsal knows and the dimension sets each service documents.
 * - AWS/ApiGateway (REST): https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 * - AWS/Lambda: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 * - AWS/DynamoDB: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/metrics-dimensions.html
 */
export interface AwsNamespace {
  metrics: string[];
  /** Each allowed set of dimension names, sorted. */
  dimensionSets: string[][];
}

export const AWS_NAMESPACES: Record<string, AwsNamespace> = {
  'AWS/ApiGateway': {
    metrics: [
      '4XXError',
      '5XXError',
      'CacheHitCount',
      'CacheMissCount',
      'Count',
      'IntegrationLatency',
      'Latency',
    ],
    dimensionSets: [['ApiName'], ['ApiName', 'Stage'], ['ApiName', 'Method', 'Resource', 'Stage']],
  },
  'AWS/Lambda': {
    metrics: [
      'Invocations',
      'Errors',
      'DeadLetterErrors',
      'DestinationDeliveryFailures',
      'Throttles',
      'Duration',
      'ConcurrentExecutions',
      'UnreservedConcurrentExecutions',
      'ProvisionedConcurrentExecutions',
      'ProvisionedConcurrencySpilloverInvocations',
    ],
    // No dimension: the account's figure in the Region (ConcurrentExecutions and the like).
    dimensionSets: [
      [],
      ['FunctionName'],
      ['FunctionName', 'Resource'],
      ['ExecutedVersion', 'FunctionName'],
    ],
  },
  'AWS/DynamoDB': {
    metrics: [
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      'ThrottledRequests',
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'SuccessfulRequestLatency',
      'SystemErrors',
      'UserErrors',
      'ConditionalCheckFailedRequests',
    ],
    dimensionSets: [
      ['TableName'],
      ['GlobalSecondaryIndexName', 'TableName'],
      ['Operation', 'TableName'],
    ],
  },
};
