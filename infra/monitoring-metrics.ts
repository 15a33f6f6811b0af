/** The metrics the alarms and the dashboard read (infra/monitoring.ts): API Gateway's and the functions' own. */

import { Duration } from 'aws-cdk-lib';
import * as cw from 'aws-cdk-lib/aws-cloudwatch';
import type { MonitoredOperation } from './monitoring.js';

export const FIVE_MINUTES = Duration.minutes(5);
/** Below this many requests in 5 minutes a rate is noise, not an outage. */
export const MIN_REQUESTS_FOR_RATE = 20;

export function metricsOf(props: { apiName: string; stageName: string; metricsNamespace: string }) {
  const apiMetric = (metricName: string, statistic: string, method?: MonitoredOperation) =>
    new cw.Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      statistic,
      period: FIVE_MINUTES,
      dimensionsMap: {
        ApiName: props.apiName,
        Stage: props.stageName,
        ...(method ? { Method: method.method.toUpperCase(), Resource: method.path } : {}),
      },
    });
  const own = (metricName: string, dimensionsMap: Record<string, string>, statistic = 'Sum') =>
    new cw.Metric({
      namespace: props.metricsNamespace,
      metricName,
      statistic,
      period: FIVE_MINUTES,
      dimensionsMap,
    });
  const requests = apiMetric('Count', 'Sum');
  // Ids name the parts of an expression; two expressions on one graph need distinct ones.
  const rate = (key: string, label: string, part: cw.IMetric) =>
    new cw.MathExpression({
      label,
      expression: `IF(${key}all >= ${MIN_REQUESTS_FOR_RATE}, 100 * ${key} / ${key}all, 0)`,
      usingMetrics: { [`${key}all`]: requests, [key]: part },
      period: FIVE_MINUTES,
    });
  const sumOf = (key: string, label: string, metrics: cw.IMetric[]) =>
    new cw.MathExpression({
      label,
      expression: metrics.map((_, i) => `${key}${i}`).join(' + '),
      usingMetrics: Object.fromEntries(metrics.map((m, i) => [`${key}${i}`, m])),
      period: FIVE_MINUTES,
    });
  return { apiMetric, own, requests, rate, sumOf };
}
