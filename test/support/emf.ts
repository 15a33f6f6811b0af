/**
 * The metrics CloudWatch extracts from log lines in the embedded metric format: per directive,
 * each metric it names (a number at the line's root) under each of its dimension sets, with
 * the dimension values taken from the line's root
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 */
import type { Json } from './cfn.js';

export interface EmittedMetric {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
}

/** Every JSON line written, split on newlines; other text is skipped. */
export function jsonLines(chunks: string[]): Json[] {
  return chunks
    .flatMap((c) => c.split('\n'))
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as Json);
}

/** The metrics of EMF lines; a directive naming a missing value or dimension is an error. */
export function emittedMetrics(lines: Json[]): EmittedMetric[] {
  const out: EmittedMetric[] = [];
  for (const line of lines) {
    for (const directive of line._aws?.CloudWatchMetrics ?? []) {
      for (const dimensionSet of directive.Dimensions as string[][]) {
        const dimensions: Record<string, string> = {};
        for (const name of dimensionSet) {
          if (typeof line[name] !== 'string') {
            throw new Error(`emf dimension ${name} is not a string in ${JSON.stringify(line)}`);
          }
          dimensions[name] = line[name];
        }
        for (const { Name } of directive.Metrics as { Name: string }[]) {
          if (typeof line[Name] !== 'number') {
            throw new Error(`emf metric ${Name} has no number in ${JSON.stringify(line)}`);
          }
          out.push({ namespace: directive.Namespace, name: Name, dimensions });
        }
      }
    }
  }
  return out;
}
