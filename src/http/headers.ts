/** Request headers and claims whose syntax is HTTP's or API Gateway's, parsed for the task rules. */
import type { Precondition } from '../tasks/task.js';

/** `If-Match`: `*`, or the versions its strong entity tags name; weak tags never match. */
export function parseIfMatch(header: string | undefined): Precondition | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return { kind: 'any' };
  const versions: number[] = [];
  for (const tag of value.split(',')) {
    // Strong comparison is exact (RFC 9110): "01" is not the ETag "1".
    const match = /^"([1-9][0-9]{0,14})"$/.exec(tag.trim());
    if (match?.[1]) versions.push(Number(match[1]));
  }
  return { kind: 'versions', versions };
}

/** Groups from the `cognito:groups` claim as API Gateway passes it: `a,b` or `[a b]`. */
export function parseGroups(claim: string | undefined): string[] {
  if (!claim) return [];
  const inner = claim.trim().replace(/^\[/, '').replace(/\]$/, '');
  return inner
    .split(/[\s,]+/)
    .map((g) => g.trim())
    .filter(Boolean);
}
