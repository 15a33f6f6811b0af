/**
 * src/http/telemetry.ts on its own: one line per request that is both the log line and the EMF
 * record; the level comes from Lambda's AWS_LAMBDA_LOG_LEVEL, else LOG_LEVEL, and a line below it
 * keeps its metrics; a 5xx logs its error; the namespace is the one the stack sets.
 * Each case imports the module afresh, as a new Lambda environment would, and configures it
 * from an environment of its own through the function's config (src/config/function.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { telemetryConfig } from '../../src/config/function.js';
import { lambdaContext } from '../support/events.js';

let printed: string[];

beforeEach(() => {
  printed = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  }
  vi.resetModules();
});
afterEach(() => {
  vi.restoreAllMocks();
});

// biome-ignore lint/suspicious/noExplicitAny: printed JSON is checked field by field
type Json = Record<string, any>;

async function serve(
  env: Record<string, string | undefined>,
  requests: { status: number; error?: Error; replayed?: boolean }[],
) {
  const config = telemetryConfig(env);
  const telemetry = await import('../../src/http/telemetry.js');
  for (const [i, { status, error, replayed }] of requests.entries()) {
    if (replayed) telemetry.recordReplay();
    telemetry.recordRequest(
      lambdaContext(),
      {
        requestId: `req-${i}`,
        operation: 'getTask',
        status,
        latencyMs: 12.345,
        sub: 'user-1',
        error,
      },
      config,
    );
  }
  const text = printed.join('');
  const lines = text.split('\n').filter((l) => l !== '');
  return lines.map((l) => JSON.parse(l) as Json);
}

/** The metric values a line carries, as CloudWatch extracts them from its EMF directives. */
function extracted(line: Json) {
  return (line._aws.CloudWatchMetrics as Json[]).map((d) => ({
    namespace: d.Namespace,
    dimensions: Object.fromEntries((d.Dimensions[0] as string[]).map((k) => [k, line[k]])),
    metrics: Object.fromEntries((d.Metrics as Json[]).map((m) => [m.Name, [line[m.Name], m.Unit]])),
  }));
}

describe('request telemetry', () => {
  it('writes one line per request: the log fields and the EMF record together', async () => {
    const [line] = await serve({ METRICS_NAMESPACE: 'TaskApi/prod' }, [{ status: 200 }]);
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'request',
      service: 'task-api',
      request_id: 'req-0',
      operation: 'getTask',
      status: 200,
      latency_ms: 12.35,
      sub: 'user-1',
      cold_start: false,
      function_name: 'test',
      function_memory_size: 256,
    });
    expect(line?.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(line?._aws.Timestamp).toBe(Date.parse(line?.timestamp));
    expect(extracted(line as Json)).toEqual([
      {
        namespace: 'TaskApi/prod',
        dimensions: { service: 'task-api', operation: 'getTask' },
        metrics: {
          Requests: [1, 'Count'],
          Errors: [0, 'Count'],
          Latency: [12.345, 'Milliseconds'],
        },
      },
    ]);
  });

  it('uses the TaskApi namespace where no stack set one', async () => {
    const [line] = await serve({}, [{ status: 200 }]);
    expect(line?._aws.CloudWatchMetrics[0].Namespace).toBe('TaskApi');
  });

  it('counts the first request of an on-demand environment as its cold start, once', async () => {
    const lines = await serve(
      { AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand', _X_AMZN_TRACE_ID: 'Root=1-abc-def;Sampled=1' },
      [{ status: 200 }, { status: 200 }],
    );
    expect(lines.map((l) => l.cold_start)).toEqual([true, false]);
    expect(lines[0]?.xray_trace_id).toBe('1-abc-def');
    expect(extracted(lines[0] as Json)[1]).toEqual({
      namespace: 'TaskApi',
      dimensions: { service: 'task-api', function_name: 'test' },
      metrics: { ColdStart: [1, 'Count'] },
    });
    expect(extracted(lines[1] as Json)).toHaveLength(1);
  });

  it('does not count a provisioned-concurrency environment as a cold start', async () => {
    const [line] = await serve({ AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' }, [
      { status: 200 },
    ]);
    expect(line?.cold_start).toBe(false);
    expect(line?.ColdStart).toBeUndefined();
  });

  it.each([
    { name: 'LOG_LEVEL=WARN', env: { LOG_LEVEL: 'warn' }, level: 'WARN' },
    {
      name: "AWS_LAMBDA_LOG_LEVEL=ERROR (Lambda's JSON log level) over LOG_LEVEL=DEBUG",
      env: { AWS_LAMBDA_LOG_LEVEL: 'ERROR', LOG_LEVEL: 'DEBUG' },
      level: 'ERROR',
    },
  ])(
    '$name drops the log fields but keeps the metrics, at a level Lambda keeps',
    async ({ env, level }) => {
      const [line] = await serve(env, [{ status: 200 }]);
      expect(line).toMatchObject({ level, message: 'metrics', operation: 'getTask', Requests: 1 });
      for (const key of ['request_id', 'sub', 'status', 'latency_ms'])
        expect(line).not.toHaveProperty(key);
    },
  );

  it('logs a 5xx at ERROR with the error and counts it in Errors, at any level up to ERROR', async () => {
    const boom = new Error('boom', { cause: new Error('root cause') });
    const [line] = await serve({ LOG_LEVEL: 'ERROR' }, [{ status: 500, error: boom }]);
    expect(line).toMatchObject({
      level: 'ERROR',
      message: 'request',
      status: 500,
      Errors: 1,
      error: { name: 'Error', message: 'boom', cause: { name: 'Error', message: 'root cause' } },
    });
    expect(line?.error.stack).toContain('boom');
  });

  it.each([
    { status: 429, metric: 'StoreThrottles' },
    { status: 412, metric: 'PreconditionFailed' },
  ])('counts a $status as $metric', async ({ status, metric }) => {
    const [line] = await serve({}, [{ status }]);
    expect(extracted(line as Json)[0]?.metrics[metric]).toEqual([1, 'Count']);
    expect(line?.Errors).toBe(0);
  });

  it('counts a replayed create in its own request only', async () => {
    const lines = await serve({}, [{ status: 201, replayed: true }, { status: 201 }]);
    expect(extracted(lines[0] as Json)[0]?.metrics.IdempotentReplays).toEqual([1, 'Count']);
    expect(lines[1]?.IdempotentReplays).toBeUndefined();
  });

  it('prints nothing at LOG_LEVEL=silent, metrics included', async () => {
    const lines = await serve({ LOG_LEVEL: 'silent' }, [
      { status: 500, error: new Error('quiet') },
    ]);
    expect(lines).toEqual([]);
  });
});
