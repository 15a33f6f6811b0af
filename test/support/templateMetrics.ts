/**
 * Every metric a synthesized template's alarms and dashboards read, with namespace and
 * dimension values as CloudFormation values (tokens unresolved): an alarm's own metric or the
 * MetricStat of each of its metric queries
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudwatch-alarm.html),
 * and each metric row of a dashboard's metric widgets, `[namespace, name, dim, value, ...,
 * {options}]` (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 */
import { type Json, resourcesOf } from './cfn.js';

export interface TemplateMetric {
  /** Where it is read, e.g. `alarm MonitoringApi5xxRate…`. */
  source: string;
  namespace: unknown;
  name: string;
  dimensions: Record<string, unknown>;
}

const dimensionsOf = (list: { Name: string; Value: unknown }[] = []) =>
  Object.fromEntries(list.map((d) => [d.Name, d.Value]));

function alarmMetrics(id: string, p: Json): TemplateMetric[] {
  const source = `alarm ${id}`;
  if (p.MetricName) {
    return [
      {
        source,
        namespace: p.Namespace,
        name: p.MetricName,
        dimensions: dimensionsOf(p.Dimensions),
      },
    ];
  }
  return (p.Metrics ?? [])
    .filter((q: Json) => q.MetricStat)
    .map((q: Json) => {
      const m = q.MetricStat.Metric;
      return {
        source,
        namespace: m.Namespace,
        name: m.MetricName,
        dimensions: dimensionsOf(m.Dimensions),
      };
    });
}

const TOKEN = /^@@token(\d+)@@$/;

/** The body as JSON, each token inside it put back where it stood. */
function dashboardBody(body: unknown): Json {
  if (typeof body === 'string') return JSON.parse(body);
  const [separator, parts] = (body as Json)['Fn::Join'] as [string, unknown[]];
  if (separator !== '') throw new Error(`dashboard body joined by ${separator}`);
  const tokens: unknown[] = [];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      tokens.push(part);
      return `@@token${tokens.length - 1}@@`;
    })
    .join('');
  const restore = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(restore);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v)]));
    }
    if (typeof value !== 'string' || !value.includes('@@token')) return value;
    const token = (piece: string) => {
      const m = TOKEN.exec(piece);
      return m ? tokens[Number(m[1])] : piece;
    };
    if (TOKEN.test(value)) return token(value);
    return {
      'Fn::Join': [
        '',
        value
          .split(/(@@token\d+@@)/)
          .filter(Boolean)
          .map(token),
      ],
    };
  };
  return restore(JSON.parse(text)) as Json;
}

function dashboardMetrics(id: string, p: Json): TemplateMetric[] {
  const out: TemplateMetric[] = [];
  for (const widget of dashboardBody(p.DashboardBody).widgets ?? []) {
    if (widget.type !== 'metric') continue;
    for (const row of widget.properties.metrics ?? []) {
      if (typeof row[0] === 'object') continue; // a math expression over other rows
      const fields = row.filter((v: unknown) => typeof v !== 'object' || !isOptions(v));
      if (fields.includes('.') || fields.includes('..')) {
        throw new Error(`dashboard ${id} uses the '.' shorthand, which this reader does not`);
      }
      const [namespace, name, ...pairs] = fields;
      const dimensions: Record<string, unknown> = {};
      for (let i = 0; i < pairs.length; i += 2) dimensions[pairs[i]] = pairs[i + 1];
      out.push({
        source: `dashboard ${id}: ${widget.properties.title}`,
        namespace,
        name,
        dimensions,
      });
    }
  }
  return out;
}

/** A row's trailing rendering options (a plain object), not a CloudFormation token. */
function isOptions(v: unknown): boolean {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::'))
  );
}

export function templateMetrics(template: Json): TemplateMetric[] {
  return [
    ...resourcesOf(template, 'AWS::CloudWatch::Alarm').flatMap(([id, r]) =>
      alarmMetrics(id, r.Properties),
    ),
    ...resourcesOf(template, 'AWS::CloudWatch::Dashboard').flatMap(([id, r]) =>
      dashboardMetrics(id, r.Properties),
    ),
  ];
}
