/** The `Idempotency-Key` header of the creates, as the store takes it. */

/** How long an Idempotency-Key is remembered per user (the spec promises 24 hours). */
const ttlSeconds = () => Number(process.env.IDEMPOTENCY_TTL_SECONDS || 86_400);

/** An Idempotency-Key is a structured-field string; the quotes are optional here. */
export function idempotencyOptions(
  header: string | undefined,
): { key: string; ttlSeconds: number } | undefined {
  if (header === undefined) return undefined;
  return { key: header.replace(/^"(.*)"$/, '$1'), ttlSeconds: ttlSeconds() };
}
