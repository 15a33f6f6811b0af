/**
 * One structured log line and one EMF metrics record per request, through Powertools for AWS
 * Lambda (https://docs.powertools.aws.dev/lambda/typescript/latest/core/logger/ and .../metrics/).
 * Never a token, a password, an Idempotency-Key or a task's content: only the fields below.
 * No Powertools Tracer: it costs +120 KiB per bundle and a slower cold start (README.md#operations).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';

export const SERVICE_NAME = 'task-api';
/** CloudWatch namespace of the custom metrics; infra/monitoring.ts alarms on the same names. */
export const METRICS_NAMESPACE = 'TaskApi';
export const METRIC = {
  requests: 'Requests',
  errors: 'Errors',
  latency: 'Latency',
  idempotentReplays: 'IdempotentReplays',
  preconditionFailed: 'PreconditionFailed',
  storeThrottles: 'StoreThrottles',
  coldStart: 'ColdStart',
} as const;

// Level: AWS_LAMBDA_LOG_LEVEL (the function's log level in Lambda's JSON format) wins, then
// POWERTOOLS_LOG_LEVEL, then LOG_LEVEL (Powertools reads only its upper case); `silent` keeps the
// test runs quiet.
export const logger = new Logger({
  serviceName: SERVICE_NAME,
  logLevel: (process.env.POWERTOOLS_LOG_LEVEL || process.env.LOG_LEVEL)?.toUpperCase() as never,
});
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
const silent = logger.getLevelName() === 'SILENT';

export interface RequestRecord {
  requestId: string;
  operation: string;
  status: number;
  latencyMs: number;
  sub?: string;
  /** The unexpected error behind a 5xx, logged by name, message and stack. */
  error?: unknown;
}

/** A createTask that answered from its Idempotency-Key record instead of writing. */
export function recordReplay(): void {
  metrics.addMetric(METRIC.idempotentReplays, MetricUnit.Count, 1);
}

export function recordRequest(context: Context, record: RequestRecord): void {
  const { requestId, operation, status, latencyMs, sub, error } = record;
  logger.addContext(context);
  const line = {
    request_id: requestId,
    operation,
    status,
    latency_ms: Math.round(latencyMs * 100) / 100,
    ...(sub ? { sub } : {}),
  };
  if (status >= 500) logger.error('request', { ...line, error: describeError(error) });
  else logger.info('request', line);

  metrics.addDimension('operation', operation);
  metrics.addMetric(METRIC.requests, MetricUnit.Count, 1);
  metrics.addMetric(METRIC.errors, MetricUnit.Count, status >= 500 ? 1 : 0);
  metrics.addMetric(METRIC.latency, MetricUnit.Milliseconds, latencyMs);
  if (status === 412) metrics.addMetric(METRIC.preconditionFailed, MetricUnit.Count, 1);
  // Only a throttled store answers 429 from a function (the stage's own 429s never reach one).
  if (status === 429) metrics.addMetric(METRIC.storeThrottles, MetricUnit.Count, 1);
  if (silent) {
    metrics.clearMetrics();
    metrics.clearDimensions();
    return;
  }
  metrics.captureColdStartMetric(context.functionName);
  metrics.publishStoredMetrics();
}

function describeError(err: unknown) {
  if (!(err instanceof Error)) return { name: typeof err };
  const cause =
    err.cause instanceof Error ? { name: err.cause.name, message: err.cause.message } : undefined;
  return { name: err.name, message: err.message, stack: err.stack, ...(cause ? { cause } : {}) };
}
