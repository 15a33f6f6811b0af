/** Makes every error response an RFC 9457 problem, so `error` is always the spec's Problem. */
import type { Problem } from './types.js';

const NO_BODY_STATUS = new Set([101, 204, 205, 304]);

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.title === 'string' && typeof v.status === 'number';
}

/**
 * Buffers the body and, for an error whose body is not a problem (an API Gateway
 * `{"message": ...}`, a proxy's HTML page), answers an `about:blank` problem instead.
 */
export async function asProblemResponse(response: Response): Promise<Response> {
  // The body is decoded and re-framed: its original length and encoding no longer apply.
  const headers = new Headers(response.headers);
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  const init = { status: response.status, statusText: response.statusText, headers };
  if (NO_BODY_STATUS.has(response.status)) return new Response(null, init);
  const text = await response.text();
  if (response.ok) return new Response(text, init);
  if (isProblem(parseJson(text))) return new Response(text, init);

  const problem: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  const detail = messageOf(text);
  if (detail) problem.detail = detail;
  headers.set('Content-Type', 'application/problem+json');
  return new Response(JSON.stringify(problem), init);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(text: string): string | undefined {
  const json = parseJson(text) as { message?: unknown } | undefined;
  if (typeof json?.message === 'string') return json.message;
  const trimmed = text.trim();
  return trimmed && !trimmed.startsWith('<') ? trimmed.slice(0, 500) : undefined;
}
