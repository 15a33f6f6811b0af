/**
 * Alarms that page someone, and a dashboard of the same signals per operation. Each threshold
 * is explained in docs/operations.md#alarms; the metrics are AWS's own plus the functions' EMF
 * metrics (src/http/telemetry.ts) and a metric filter on the access log.
 */

import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cw from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, SERVICE_NAME } from '../src/http/telemetry.js';
import type { OperationEntry } from '../src/openapi.js';
import { FIVE_MINUTES, MIN_REQUESTS_FOR_RATE, metricsOf } from './monitoring-metrics.js';

export { MIN_REQUESTS_FOR_RATE };

/** An operation of the contract (its responses and parameters say which metrics it can emit). */
export interface MonitoredOperation extends OperationEntry {
  fn: lambda.IFunction;
}

/**
 * The function metrics an operation can emit besides requests, latency and store throttles: a
 * 412 only where the contract declares one, a replay only where it takes an Idempotency-Key
 * (src/http/telemetry.ts). A graph of a metric that is never emitted is an empty line.
 */
function optionalMetrics(op: MonitoredOperation): string[] {
  const takesHeader = (name: string) =>
    op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === name);
  return [
    ...('412' in op.operation.responses ? [METRIC.preconditionFailed] : []),
    ...(takesHeader('idempotency-key') ? [METRIC.idempotentReplays] : []),
  ];
}

export interface MonitoringProps {
  readonly api: apigateway.IRestApi;
  /** restApiName: API Gateway's metrics are keyed by it. */
  readonly apiName: string;
  readonly stageName: string;
  readonly operations: MonitoredOperation[];
  readonly table: dynamodb.ITable;
  readonly indexName: string;
  /** The stage's JSON access log: its 401s become the Unauthorized metric. */
  readonly accessLogs: logs.ILogGroup;
  /** Namespace of the functions' EMF metrics (their METRICS_NAMESPACE). */
  readonly metricsNamespace: string;
  /**
   * Subscribed to the alarm topic by e-mail (it must confirm the subscription once).
   * @default - the `alarmEmail` context value, else no subscription
   */
  readonly alarmEmail?: string;
  /**
   * p99 latency per operation (ms, as API Gateway measures it) that pages.
   * @default - the `latencyP99Ms` context value, else 1000
   */
  readonly latencyP99Ms?: number;
  /**
   * The account's Lambda concurrency limit in the region (Service Quotas).
   * @default - the `accountConcurrencyLimit` context value, else 1000 (the default quota)
   */
  readonly accountConcurrencyLimit?: number;
}

/** The most metrics one alarm's math expression may hold. */
const ALARM_METRICS_MAX = 10;
export const THRESHOLDS = {
  serverErrorRatePercent: 1,
  unauthorizedRatePercent: 25,
  lambdaErrors: 1,
  lambdaThrottles: 5,
  concurrencyShare: 0.8,
  dynamoThrottleEvents: 10,
} as const;

export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly dashboard: cw.Dashboard;
  readonly alarms: cw.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const ctx = <T>(key: string) => this.node.tryGetContext(key) as T | undefined;
    const latencyP99Ms = Number(props.latencyP99Ms ?? ctx<number>('latencyP99Ms') ?? 1000);
    const concurrencyLimit = Number(
      props.accountConcurrencyLimit ?? ctx<number>('accountConcurrencyLimit') ?? 1000,
    );
    const alarmEmail = props.alarmEmail ?? ctx<string>('alarmEmail');

    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `task-api ${props.stageName} alarms`,
      enforceSSL: true,
    });
    if (alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(alarmEmail));

    const { apiMetric, own, rate, sumOf } = metricsOf(props);

    const unauthorized = new logs.MetricFilter(this, 'UnauthorizedFilter', {
      logGroup: props.accessLogs,
      filterPattern: logs.FilterPattern.stringValue('$.status', '=', '401'),
      metricNamespace: props.metricsNamespace,
      metricName: 'Unauthorized',
      metricValue: '1',
      defaultValue: 0,
    }).metric({ statistic: 'Sum', period: FIVE_MINUTES });

    const fns = props.operations.map((op) => op.fn);
    const tableName = props.table.tableName;
    const dynamo = (metricName: string, index?: string) =>
      new cw.Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        statistic: 'Sum',
        period: FIVE_MINUTES,
        dimensionsMap: {
          TableName: tableName,
          ...(index ? { GlobalSecondaryIndexName: index } : {}),
        },
      });
    const throttleEvents = (index?: string) => [
      dynamo('ReadThrottleEvents', index),
      dynamo('WriteThrottleEvents', index),
    ];

    this.alarm('Api5xxRate', rate('e5xx', '5XX %', apiMetric('5XXError', 'Sum')), {
      threshold: THRESHOLDS.serverErrorRatePercent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: `more than ${THRESHOLDS.serverErrorRatePercent}% of requests answered 5XX in 2 of 3 five-minute periods`,
    });
    for (const op of props.operations) {
      this.alarm(`${op.operationId}LatencyP99`, apiMetric('Latency', 'p99', op), {
        threshold: latencyP99Ms,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        description: `${op.operationId} p99 latency above ${latencyP99Ms} ms for 15 minutes`,
      });
    }
    // An alarm's math expression holds at most 10 metrics
    // (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html):
    // the functions are summed 10 at a time, one alarm each (LambdaErrors, LambdaErrors2, ...).
    const groups = Array.from({ length: Math.ceil(fns.length / ALARM_METRICS_MAX) }, (_, i) =>
      fns.slice(i * ALARM_METRICS_MAX, (i + 1) * ALARM_METRICS_MAX),
    );
    const lambdaSum = (name: 'metricErrors' | 'metricThrottles', group: lambda.IFunction[]) =>
      sumOf(
        name === 'metricErrors' ? 'err' : 'thr',
        name,
        group.map((fn) => fn[name]({ period: FIVE_MINUTES, statistic: 'Sum' })),
      );
    groups.forEach((group, i) => {
      const suffix = i === 0 ? '' : String(i + 1);
      const which =
        groups.length === 1
          ? ''
          : ` (functions ${i * ALARM_METRICS_MAX + 1}-${i * ALARM_METRICS_MAX + group.length})`;
      this.alarm(`LambdaErrors${suffix}`, lambdaSum('metricErrors', group), {
        threshold: THRESHOLDS.lambdaErrors,
        evaluationPeriods: 1,
        description: `a function invocation failed (timeout, crash or init error) in 5 minutes${which}`,
      });
      this.alarm(`LambdaThrottles${suffix}`, lambdaSum('metricThrottles', group), {
        threshold: THRESHOLDS.lambdaThrottles,
        evaluationPeriods: 1,
        description: `${THRESHOLDS.lambdaThrottles}+ invocations refused for lack of concurrency in 5 minutes${which}`,
      });
    });
    const concurrencyThreshold = Math.floor(THRESHOLDS.concurrencyShare * concurrencyLimit);
    this.alarm(
      'ConcurrencyNearLimit',
      new cw.Metric({
        namespace: 'AWS/Lambda',
        metricName: 'ConcurrentExecutions',
        statistic: 'Maximum',
        period: Duration.minutes(1),
      }),
      {
        threshold: concurrencyThreshold,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        description: `account-wide concurrency at ${concurrencyThreshold} of ${concurrencyLimit} for 3 minutes`,
      },
    );
    this.alarm('TableThrottles', sumOf('tbl', 'table throttle events', throttleEvents()), {
      threshold: THRESHOLDS.dynamoThrottleEvents,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      description: `${THRESHOLDS.dynamoThrottleEvents}+ throttled table requests in 2 of 3 five-minute periods`,
    });
    this.alarm(
      'IndexThrottles',
      sumOf('idx', 'index throttle events', throttleEvents(props.indexName)),
      {
        threshold: THRESHOLDS.dynamoThrottleEvents,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        description: `${THRESHOLDS.dynamoThrottleEvents}+ throttled ${props.indexName} requests in 2 of 3 five-minute periods`,
      },
    );
    this.alarm('Unauthorized401Rate', rate('e401', '401 %', unauthorized), {
      threshold: THRESHOLDS.unauthorizedRatePercent,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      description: `more than ${THRESHOLDS.unauthorizedRatePercent}% of requests refused 401 for 10 minutes (token guessing or a broken client)`,
    });

    this.dashboard = new cw.Dashboard(this, 'Dashboard', {
      dashboardName: `task-api-${props.stageName}`,
      defaultInterval: Duration.hours(3),
    });
    const graph = (title: string, left: cw.IMetric[], width = 8) =>
      new cw.GraphWidget({ title, left, width, height: 6 });
    this.dashboard.addWidgets(
      new cw.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 3 }),
    );
    this.dashboard.addWidgets(
      graph('API: 5XX % and 401 %', [
        rate('e5xx', '5XX %', apiMetric('5XXError', 'Sum')),
        rate('e401', '401 %', unauthorized),
      ]),
      graph('DynamoDB throttle events', [
        sumOf('tbl', 'table', throttleEvents()),
        sumOf('idx', props.indexName, throttleEvents(props.indexName)),
      ]),
      graph('Lambda concurrency (account)', [
        new cw.Metric({
          namespace: 'AWS/Lambda',
          metricName: 'ConcurrentExecutions',
          statistic: 'Maximum',
          period: Duration.minutes(1),
        }),
      ]),
    );
    for (const op of props.operations) {
      const dims = { service: SERVICE_NAME, operation: op.operationId };
      this.dashboard.addWidgets(
        graph(`${op.operationId}: requests, 4XX, 5XX`, [
          apiMetric('Count', 'Sum', op),
          apiMetric('4XXError', 'Sum', op),
          apiMetric('5XXError', 'Sum', op),
        ]),
        graph(`${op.operationId}: latency p50 / p99 (ms)`, [
          apiMetric('Latency', 'p50', op),
          apiMetric('Latency', 'p99', op),
          own(METRIC.latency, dims, 'p99').with({ label: 'function p99' }),
        ]),
        graph(`${op.operationId}: function and store`, [
          op.fn.metricErrors({ period: FIVE_MINUTES }),
          op.fn.metricThrottles({ period: FIVE_MINUTES }),
          own(METRIC.coldStart, { service: SERVICE_NAME, function_name: op.fn.functionName }),
          own(METRIC.storeThrottles, dims),
          ...optionalMetrics(op).map((metric) => own(metric, dims)),
        ]),
      );
    }
  }

  private alarm(
    id: string,
    metric: cw.Metric | cw.MathExpression,
    options: Pick<
      cw.CreateAlarmOptions,
      'threshold' | 'evaluationPeriods' | 'datapointsToAlarm' | 'alarmDescription'
    > & { description: string },
  ): cw.Alarm {
    const { description, ...rest } = options;
    const alarm = metric.createAlarm(this, id, {
      ...rest,
      alarmDescription: `${description}. What to do: docs/operations.md#alarms`,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new cwActions.SnsAction(this.topic));
    alarm.addOkAction(new cwActions.SnsAction(this.topic));
    this.alarms.push(alarm);
    return alarm;
  }
}
