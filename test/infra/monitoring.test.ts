/**
 * infra/monitoring.ts: every alarm with its metric and threshold, all notifying one SNS topic
 * (an e-mail from context subscribes), a dashboard per operation, and JSON function logs.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../../infra/monitoring.js';
import { type Json, OPERATIONS, operationFunctions, type Synthesized, synth } from './synth.js';

let plain: Synthesized;
let tuned: Synthesized;
let t: Json;

const alarms = (template: Json) =>
  Object.entries(template.findResources('AWS::CloudWatch::Alarm')) as [string, Json][];
function alarm(id: string, template: Json = t): Json {
  // CDK's logical id is the path plus an 8-character hash: `LambdaErrors` is not `LambdaErrors2`.
  const pattern = new RegExp(`^Monitoring${id}[0-9A-F]{8}$`);
  const found = alarms(template).filter(([logicalId]) => pattern.test(logicalId));
  expect(
    found.map(([k]) => k),
    id,
  ).toHaveLength(1);
  return (found[0] as [string, Json])[1].Properties;
}
/** The metrics an alarm reads, whether a single metric or the parts of an expression. */
function metricsOf(props: Json): Json[] {
  if (props.MetricName) return [props];
  return (props.Metrics as Json[]).filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric);
}
const expressionOf = (props: Json) =>
  (props.Metrics as Json[]).find((m) => m.Expression)?.Expression as string;

beforeAll(() => {
  plain = synth([{ id: 'TaskApi' }]);
  t = plain.templates[0] as Json;
  tuned = synth([{ id: 'TaskApi' }], {
    alarmEmail: 'oncall@example.com',
    latencyP99Ms: 750,
    accountConcurrencyLimit: 3000,
    logLevel: 'debug',
  });
});

describe('alarms', () => {
  it('notify one SNS topic (alarm and OK) that only accepts TLS', () => {
    t.resourceCountIs('AWS::SNS::Topic', 1);
    const [topicId] = Object.keys(t.findResources('AWS::SNS::Topic'));
    for (const [id, a] of alarms(t)) {
      expect(a.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(a.Properties.OKActions, id).toEqual([{ Ref: topicId }]);
      expect(a.Properties.AlarmDescription, id).toMatch(/docs\/operations\.md#alarms$/);
      expect(a.Properties.TreatMissingData, id).toBe('notBreaching');
    }
    t.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('subscribe the alarmEmail from context, and nobody without it', () => {
    t.resourceCountIs('AWS::SNS::Subscription', 0);
    tuned.templates[0]?.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'oncall@example.com',
    });
  });

  it('page on the API 5XX rate above 1% of at least 20 requests', () => {
    const a = alarm('Api5xxRate');
    expect(a.Threshold).toBe(THRESHOLDS.serverErrorRatePercent);
    expect(expressionOf(a)).toBe('IF(e5xxall >= 20, 100 * e5xx / e5xxall, 0)');
    expect(
      metricsOf(a)
        .map((m) => m.MetricName)
        .sort(),
    ).toEqual(['5XXError', 'Count']);
    expect((metricsOf(a)[0] as Json).Dimensions.map((d: Json) => d.Name).sort()).toEqual([
      'ApiName',
      'Stage',
    ]);
  });

  it('page on p99 latency per operation, from context or 1000 ms', () => {
    for (const op of OPERATIONS) {
      const a = alarm(`${op.operationId}LatencyP99`);
      expect(a).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency' });
      expect(a.ExtendedStatistic).toBe('p99');
      expect(a.Threshold).toBe(1000);
      expect(a.Dimensions).toEqual(
        expect.arrayContaining([
          { Name: 'Method', Value: op.method.toUpperCase() },
          { Name: 'Resource', Value: op.path },
          { Name: 'Stage', Value: 'prod' },
        ]),
      );
      expect(alarm(`${op.operationId}LatencyP99`, tuned.templates[0]).Threshold).toBe(750);
    }
  });

  it.each([
    ['LambdaErrors', 'Errors', THRESHOLDS.lambdaErrors],
    ['LambdaThrottles', 'Throttles', THRESHOLDS.lambdaThrottles],
  ])('page on %s summed over every function, 10 a time', (id, metricName, threshold) => {
    // An alarm's math expression takes at most 10 metrics: LambdaErrors, LambdaErrors2, ...
    const ids = Array.from({ length: Math.ceil(OPERATIONS.length / 10) }, (_, i) =>
      i === 0 ? id : `${id}${i + 1}`,
    );
    const metrics = ids.flatMap((each) => {
      const a = alarm(each);
      expect(a.Threshold).toBe(threshold);
      expect(metricsOf(a).length).toBeLessThanOrEqual(10);
      return metricsOf(a);
    });
    expect(metrics).toHaveLength(OPERATIONS.length);
    for (const m of metrics)
      expect(m).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metricName });
  });

  it('page on account concurrency at 80% of the limit', () => {
    const a = alarm('ConcurrencyNearLimit');
    expect(a).toMatchObject({
      MetricName: 'ConcurrentExecutions',
      Statistic: 'Maximum',
      Threshold: 800,
    });
    expect(alarm('ConcurrencyNearLimit', tuned.templates[0]).Threshold).toBe(2400);
  });

  it('page on DynamoDB throttle events of the table and of its index', () => {
    const table = metricsOf(alarm('TableThrottles'));
    const index = metricsOf(alarm('IndexThrottles'));
    for (const m of [...table, ...index]) expect(m.Namespace).toBe('AWS/DynamoDB');
    expect(table.map((m) => m.MetricName).sort()).toEqual([
      'ReadThrottleEvents',
      'WriteThrottleEvents',
    ]);
    expect((index[0] as Json).Dimensions).toEqual(
      expect.arrayContaining([{ Name: 'GlobalSecondaryIndexName', Value: 'GSI1' }]),
    );
    expect((table[0] as Json).Dimensions.map((d: Json) => d.Name)).toEqual(['TableName']);
    expect(alarm('TableThrottles').Threshold).toBe(THRESHOLDS.dynamoThrottleEvents);
  });

  it('page on the 401 rate, counted from the JSON access log', () => {
    t.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.status = "401" }',
      MetricTransformations: [
        Match.objectLike({ MetricName: 'Unauthorized', MetricNamespace: 'TaskApi/prod' }),
      ],
    });
    const a = alarm('Unauthorized401Rate');
    expect(a.Threshold).toBe(THRESHOLDS.unauthorizedRatePercent);
    expect(expressionOf(a)).toBe('IF(e401all >= 20, 100 * e401 / e401all, 0)');
  });

  it('are exactly these', () => {
    const lambdaGroups = Math.ceil(OPERATIONS.length / 10);
    expect(alarms(t)).toHaveLength(5 + 2 * lambdaGroups + OPERATIONS.length);
  });
});

describe('dashboard', () => {
  it('shows the alarms and every operation’s requests, latency, function and store signals', () => {
    const [dashboard] = Object.values(t.findResources('AWS::CloudWatch::Dashboard')) as Json[];
    const body = JSON.stringify(dashboard?.Properties.DashboardBody);
    expect(body).toMatch(/\\"type\\":\\"alarm\\"/);
    for (const op of OPERATIONS) {
      expect(body).toContain(`${op.operationId}: requests, 4XX, 5XX`);
      expect(body).toContain(`${op.operationId}: latency p50 / p99 (ms)`);
      expect(body).toContain(`${op.operationId}: function and store`);
    }
    for (const metric of [
      'ColdStart',
      'StoreThrottles',
      'PreconditionFailed',
      'IdempotentReplays',
    ]) {
      expect(body).toContain(`\\"${metric}\\"`);
    }
    // Only where an operation can emit them: a declared 412, an Idempotency-Key.
    const graphed = (metric: string) =>
      [...body.matchAll(new RegExp(`\\\\"${metric}\\\\",\\\\"operation\\\\",\\\\"(\\w+)`, 'g'))]
        .map((m) => m[1])
        .sort();
    const taking = (header: string) =>
      OPERATIONS.filter((op) =>
        op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === header),
      )
        .map((op) => op.operationId)
        .sort();
    expect(graphed('PreconditionFailed')).toEqual(taking('if-match'));
    expect(graphed('IdempotentReplays')).toEqual(taking('idempotency-key'));
    expect(graphed('PreconditionFailed')).toContain('updateTask');
    expect(graphed('IdempotentReplays')).toContain('createTask');
  });
});

describe('function logs', () => {
  it("use Lambda's JSON format at INFO, or the logLevel context", () => {
    for (const [i, level] of [
      [0, 'INFO'],
      [1, 'DEBUG'],
    ] as const) {
      const template = [plain, tuned][i]?.templates[0] as Json;
      const fns = operationFunctions(template);
      expect(fns).toHaveLength(OPERATIONS.length);
      for (const fn of fns) {
        expect(fn.Properties.LoggingConfig).toMatchObject({
          LogFormat: 'JSON',
          ApplicationLogLevel: level,
          SystemLogLevel: 'WARN',
        });
      }
    }
  });
});
