/**
 * Maps keyed by names a client chose (headers, query parameters): no prototype, so
 * `__proto__`, `constructor` or `toString` is a name like any other and never an inherited
 * member (docs/architecture.md#the-request-path).
 */
export function nameMap<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
