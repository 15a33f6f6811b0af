/**
 * The mock's Cognito authorizer: a token names a user of `users` (or, without `users`, is one);
 * its claims reach the handlers as API Gateway passes a verified ID token's, every value a string.
 */
import { ADMIN_GROUP } from '../../../src/contract/problems.js';
import { type Authorizer, bearerToken, toApiGatewayClaims } from '../../../src/local/claims.js';

export interface MockUser {
  /** The Cognito `sub`: owner of the tasks this user creates. */
  sub: string;
  /** A member of the `admins` group (may call listTasksByStatus). */
  admin?: boolean;
  /**
   * The token's verified e-mail address (`email` with `email_verified` true): workspace
   * invitations to it are this user's to accept. Without one, the user has no invitations.
   */
  email?: string;
}

/** An hour, as Cognito's ID tokens by default. */
const TOKEN_LIFETIME_SECONDS = 3600;

export function mockAuthorizer(users: Record<string, MockUser> | undefined): Authorizer {
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return { ok: false, status: 401, detail: 'the Authorization header is missing' };
    // Own entries only: a token named `constructor` is no user.
    const user = users ? (Object.hasOwn(users, token) ? users[token] : undefined) : { sub: token };
    if (!user) return { ok: false, status: 401, detail: 'the token is none of the mock users' };
    return { ok: true, claims: toApiGatewayClaims(idTokenPayload(user)) };
  };
}

function idTokenPayload(user: MockUser): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: user.sub,
    'cognito:username': user.sub,
    token_use: 'id',
    auth_time: now,
    iat: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    ...(user.email ? { email: user.email, email_verified: true } : {}),
    ...(user.admin ? { 'cognito:groups': [ADMIN_GROUP] } : {}),
  };
}
