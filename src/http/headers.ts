/** Request headers and claims whose syntax is HTTP's or API Gateway's, parsed for the task rules. */

import { Problem } from '../contract/problem.js';
import type { Precondition } from '../tasks/task.js';

/**
 * The versions one conditional write can compare: DynamoDB's `IN` takes at most 100 operands.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
export const MAX_IF_MATCH_TAGS = 100;

/** `If-Match`: `*`, or the distinct versions its strong entity tags name; weak tags never match. */
export function parseIfMatch(header: string | undefined): Precondition | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return { kind: 'any' };
  const versions = new Set<number>();
  for (const tag of value.split(',')) {
    // Strong comparison is exact (RFC 9110): "01" is not the ETag "1".
    const match = /^"([1-9][0-9]{0,14})"$/.exec(tag.trim());
    if (match?.[1]) versions.add(Number(match[1]));
  }
  if (versions.size > MAX_IF_MATCH_TAGS) {
    const message = `must name at most ${MAX_IF_MATCH_TAGS} distinct entity tags`;
    throw new Problem('validation-error', `If-Match ${message}, got ${versions.size}`, {
      errors: [{ path: '/headers/if-match', message }],
    });
  }
  return { kind: 'versions', versions: [...versions] };
}

/**
 * The `cognito:groups` claim as API Gateway flattens the token's array into one string
 * (docs/architecture.md#who-is-an-admin): `a,b` from a REST API's Cognito authorizer, `[a b]`
 * from a JWT authorizer. A group name is `[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}`
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateGroup.html):
 * it may hold `,`, `[` and `]` but never white space. So a claim with a space is the `[a b]`
 * form and its names are exact; a claim without one is exact only when it is one name that no
 * reading splits (`admins`). `support,admins` is one group or two, `[admins]` one or the other
 * form: `exact: false`, and no group is taken from the claim alone.
 */
export function parseGroups(claim: string | undefined): { groups: string[]; exact: boolean } {
  if (claim === undefined || claim === '') return { groups: [], exact: true };
  if (/\s/.test(claim)) {
    const bracketed = /^\[(\S+(?: \S+)*)\]$/.exec(claim);
    return bracketed?.[1] ? { groups: bracketed[1].split(' '), exact: true } : UNREADABLE;
  }
  const bracketed = claim.startsWith('[') && claim.endsWith(']');
  if (!claim.includes(',') && !bracketed) return { groups: [claim], exact: true };
  return UNREADABLE;
}

const UNREADABLE = { groups: [], exact: false };

/** How API Gateway flattens a groups array: the REST API form, or the JWT authorizer's. */
export function flattenedForms(groups: readonly string[]): string[] {
  return [groups.join(','), `[${groups.join(' ')}]`];
}
