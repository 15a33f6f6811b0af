/**
 * One JSON line per request that is both the request's structured log line and its CloudWatch
 * embedded-metric-format (EMF) record, written straight to stdout as Lambda's JSON log format
 * expects (docs/architecture.md#telemetry). EMF specification:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 * Never a token, a password, an Idempotency-Key or a task's content: only the fields below.
 * Not Powertools Logger and Metrics: they cost a warm request about 0.1 ms (two lines, a deep
 * merge and a replacer per line); see docs/performance.md#what-the-benchmark-changed.
 */
import type { Context } from 'aws-lambda';
import type { TelemetryConfig } from '../config/function.js';

export const SERVICE_NAME = 'task-api';
/** The stack sets `TaskApi/<stage>` (METRICS_NAMESPACE); infra/monitoring.ts alarms on the same. */
export const METRICS_NAMESPACE_DEFAULT = 'TaskApi';
export const METRIC = {
  requests: 'Requests',
  errors: 'Errors',
  latency: 'Latency',
  idempotentReplays: 'IdempotentReplays',
  preconditionFailed: 'PreconditionFailed',
  storeThrottles: 'StoreThrottles',
  coldStart: 'ColdStart',
} as const;

/** Lambda's application log levels (AWS_LAMBDA_LOG_LEVEL) in order, plus `SILENT` for the test runs. */
export const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const rank = (level: LogLevel) => LOG_LEVELS.indexOf(level);

let invoked = false;
let replays = 0;

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
  replays++;
}

/** One EMF directive: these metrics, by these dimensions (all of them keys of the line). */
function directive(namespace: string, dimensions: string[], metrics: string[]) {
  return {
    Namespace: namespace,
    Dimensions: [dimensions],
    Metrics: metrics.map((Name) => ({
      Name,
      Unit: Name === METRIC.latency ? 'Milliseconds' : 'Count',
    })),
  };
}

/**
 * Writes the request's line: the log fields when the level admits it (ERROR for a 5xx, else
 * INFO), the metrics always. Lambda's level filter reads `level` and takes a line without one
 * as INFO (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html),
 * so a line below the level keeps only its metrics and takes the level's own name: CloudWatch
 * still gets every request's metrics at WARN or ERROR.
 */
export function recordRequest(
  context: Context,
  record: RequestRecord,
  config: TelemetryConfig,
): void {
  const { requestId, operation, status, latencyMs, sub, error } = record;
  // As Powertools counts it: the first request of an on-demand environment, not one that a
  // provisioned-concurrency or SnapStart init prepared ahead of any request.
  const cold = !invoked && config.initializationType === 'on-demand';
  invoked = true;
  const replayed = replays;
  replays = 0;
  const threshold = rank(config.logLevel);
  const namespace = config.metricsNamespace;
  if (config.logLevel === 'SILENT') return;

  const failed = status >= 500;
  const level: LogLevel = failed ? 'ERROR' : 'INFO';
  const values: Record<string, number> = {
    [METRIC.requests]: 1,
    [METRIC.errors]: failed ? 1 : 0,
    [METRIC.latency]: latencyMs,
  };
  if (status === 412) values[METRIC.preconditionFailed] = 1;
  // Only a throttled store answers 429 from a function (the stage's own 429s never reach one).
  if (status === 429) values[METRIC.storeThrottles] = 1;
  if (replayed > 0) values[METRIC.idempotentReplays] = replayed;
  const directives = [directive(namespace, ['service', 'operation'], Object.keys(values))];
  if (cold) {
    directives.push(directive(namespace, ['service', 'function_name'], [METRIC.coldStart]));
    values[METRIC.coldStart] = 1;
  }
  const now = Date.now();
  const line = {
    ...(rank(level) >= threshold
      ? {
          level,
          message: 'request',
          timestamp: new Date(now).toISOString(),
          ...lambdaKeys(context, cold, config.traceHeader()),
          request_id: requestId,
          status,
          latency_ms: Math.round(latencyMs * 100) / 100,
          ...(sub ? { sub } : {}),
          ...(failed ? { error: describeError(error) } : {}),
        }
      : { level: config.logLevel, message: 'metrics', function_name: context.functionName }),
    service: SERVICE_NAME,
    operation,
    _aws: { Timestamp: now, CloudWatchMetrics: directives },
    ...values,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The keys Powertools Logger gives every line, kept so existing log queries still work. */
function lambdaKeys(context: Context, cold: boolean, traceHeader: string | undefined) {
  const trace = traceHeader?.match(/Root=([^;]+)/)?.[1];
  return {
    cold_start: cold,
    function_arn: context.invokedFunctionArn,
    function_memory_size: Number(context.memoryLimitInMB),
    function_name: context.functionName,
    function_request_id: context.awsRequestId,
    ...(trace ? { xray_trace_id: trace } : {}),
  };
}

function describeError(err: unknown) {
  if (!(err instanceof Error)) return { name: typeof err };
  const cause =
    err.cause instanceof Error ? { name: err.cause.name, message: err.cause.message } : undefined;
  return { name: err.name, message: err.message, stack: err.stack, ...(cause ? { cause } : {}) };
}
