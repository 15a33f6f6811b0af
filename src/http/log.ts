/** One JSON line per request (docs/architecture.md#the-request-path): never a token, a password or a task body. */

export interface RequestLog {
  requestId: string;
  operation: string;
  status: number;
  latencyMs: number;
  user?: string;
  error?: unknown;
}

const silent = () => process.env.LOG_LEVEL === 'silent';

function describeError(err: unknown) {
  if (!(err instanceof Error)) return { name: typeof err };
  const cause =
    err.cause instanceof Error ? { name: err.cause.name, message: err.cause.message } : undefined;
  return { name: err.name, message: err.message, stack: err.stack, ...(cause ? { cause } : {}) };
}

export function logRequest(entry: RequestLog): void {
  if (silent()) return;
  const line = {
    level: entry.status >= 500 ? 'error' : 'info',
    msg: 'request',
    time: new Date().toISOString(),
    request_id: entry.requestId,
    operation: entry.operation,
    status: entry.status,
    latency_ms: Math.round(entry.latencyMs * 100) / 100,
    ...(entry.user ? { user: entry.user } : {}),
    ...(entry.error ? { error: describeError(entry.error) } : {}),
  };
  console.log(JSON.stringify(line));
}
