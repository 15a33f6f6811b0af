/**
 * src/http/telemetry.ts on its own: the log level comes from Lambda's AWS_LAMBDA_LOG_LEVEL or
 * POWERTOOLS_LOG_LEVEL, a 5xx logs its error, a throttled store counts as StoreThrottles.
 * Each case imports the module afresh, as a new Lambda environment would.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lambdaContext } from '../support/events.js';

const LEVEL_VARS = ['AWS_LAMBDA_LOG_LEVEL', 'POWERTOOLS_LOG_LEVEL', 'LOG_LEVEL'] as const;
let saved: Record<string, string | undefined>;
let printed: string[];

beforeEach(() => {
  saved = Object.fromEntries(LEVEL_VARS.map((k) => [k, process.env[k]]));
  for (const k of LEVEL_VARS) delete process.env[k];
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
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

async function serve(env: Record<string, string | undefined>, status: number, error?: Error) {
  Object.assign(process.env, env);
  const telemetry = await import('../../src/http/telemetry.js');
  telemetry.recordRequest(lambdaContext(), {
    requestId: 'req-1',
    operation: 'getTask',
    status,
    latencyMs: 12.345,
    sub: 'user-1',
    error,
  });
  const lines = printed.flatMap((p) => p.split('\n')).filter((l) => l.startsWith('{'));
  const json = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logs: json.filter((l) => !('_aws' in l)), metrics: json.filter((l) => '_aws' in l) };
}

describe('request telemetry', () => {
  it.each([
    {
      name: 'POWERTOOLS_LOG_LEVEL=WARN drops the info line',
      env: { POWERTOOLS_LOG_LEVEL: 'WARN' },
    },
    {
      name: "AWS_LAMBDA_LOG_LEVEL=WARN (Lambda's JSON log level) wins over POWERTOOLS_LOG_LEVEL=DEBUG",
      env: { AWS_LAMBDA_LOG_LEVEL: 'WARN', POWERTOOLS_LOG_LEVEL: 'DEBUG' },
    },
  ])('$name but keeps the metrics', async ({ env }) => {
    const { logs, metrics } = await serve(env, 200);
    // (Powertools itself warns when the two levels disagree.)
    expect(logs.filter((l) => l.message === 'request')).toEqual([]);
    expect(metrics.find((m) => m.operation === 'getTask')).toMatchObject({ Requests: 1 });
  });

  it('logs a 5xx at ERROR with the error and counts it in Errors', async () => {
    const boom = new Error('boom', { cause: new Error('root cause') });
    const { logs, metrics } = await serve({ POWERTOOLS_LOG_LEVEL: 'WARN' }, 500, boom);
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        message: 'request',
        status: 500,
        latency_ms: 12.35,
        error: expect.objectContaining({
          name: 'Error',
          message: 'boom',
          cause: expect.anything(),
        }),
      }),
    ]);
    expect(metrics.find((m) => m.operation === 'getTask')).toMatchObject({ Errors: 1 });
  });

  it('counts a 429 (a throttled store) as StoreThrottles', async () => {
    const { metrics } = await serve({}, 429);
    const record = metrics.find((m) => m.operation === 'getTask');
    expect(record).toMatchObject({ StoreThrottles: 1, Errors: 0 });
  });

  it('prints nothing at LOG_LEVEL=silent, metrics included', async () => {
    const { logs, metrics } = await serve({ LOG_LEVEL: 'silent' }, 500, new Error('quiet'));
    expect([...logs, ...metrics]).toEqual([]);
  });
});
