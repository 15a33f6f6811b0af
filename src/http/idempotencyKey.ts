/** The `Idempotency-Key` header of the creates, as the store takes it. */

/**
 * An Idempotency-Key is a structured-field string; the quotes are optional here. It is
 * remembered per user for `ttlSeconds` (`IDEMPOTENCY_TTL_SECONDS`).
 */
export function idempotencyOptions(
  header: string | undefined,
  ttlSeconds: number,
): { key: string; ttlSeconds: number } | undefined {
  if (header === undefined) return undefined;
  return { key: header.replace(/^"(.*)"$/, '$1'), ttlSeconds };
}
