/**
 * The browser origins allowed to call the API: one list (`CORS_ALLOW_ORIGINS`, comma-separated)
 * for the functions, the local gateway and the AWS stack. `*` only when it is listed.
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin
 */

export function parseAllowedOrigins(value: string | readonly string[] | undefined): string[] {
  const list = typeof value === 'string' ? value.split(',') : (value ?? []);
  const origins = list.map((o) => o.trim()).filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !isOrigin(origin)) {
      throw new Error(
        `a cors origin is a scheme, host and optional port such as https://app.example.com, got ${origin}`,
      );
    }
  }
  return origins;
}

/** A scheme, host and optional port, as a browser's `Origin` names itself. */
export function isOrigin(value: string): boolean {
  // Plain host characters only: the AWS stack puts each origin between quotes.
  if (!/^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(value)) return false;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** The `Access-Control-Allow-Origin` answer to a request from `origin`, if it may read it. */
export function allowedOrigin(
  allowed: readonly string[],
  origin: string | undefined,
): string | undefined {
  if (allowed.includes('*')) return '*';
  return origin !== undefined && allowed.includes(origin) ? origin : undefined;
}

/** The CORS headers of an answer: the matching origin, and `Vary` when the answer depends on it. */
export function originHeaders(
  allowed: readonly string[],
  origin: string | undefined,
): Record<string, string> {
  const allow = allowedOrigin(allowed, origin);
  const out: Record<string, string> = allow ? { 'Access-Control-Allow-Origin': allow } : {};
  if (allow !== '*' && allowed.length > 0) out.Vary = 'Origin';
  return out;
}
