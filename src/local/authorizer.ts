/**
 * API Gateway's COGNITO_USER_POOLS authorizer: signature, issuer, expiry and `token_use: id`
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html),
 * and the audience only through the definition's identityValidationExpression, matched against
 * `aud` (https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html).
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwksValidationError,
  JwtExpiredError,
} from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { nameMap } from '../http/names.js';

export interface CognitoAuthorizerConfig {
  userPoolId: string;
  /** Fetched instead of the AWS JWKS URL the issuer implies (cognito-local serves http). */
  jwksUrl: string;
  /** From the definition's authorizer; unset: every app client of the pool. */
  identityValidationExpression?: string;
}

/** Claims as API Gateway hands them to the Lambda: every value a string. */
export type ApiGatewayClaims = Record<string, string>;

export type AuthResult =
  | { ok: true; claims: ApiGatewayClaims }
  | { ok: false; status: 401 | 503; detail: string };

export type Authorizer = (authorization: string | undefined) => Promise<AuthResult>;

/** Refusals carry a reason for the log; the client gets the gateway response, as on AWS. */
export function cognitoAuthorizer(config: CognitoAuthorizerConfig): Authorizer {
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async () => {
        const res = await fetch(config.jwksUrl).catch((err: Error) => {
          throw new FetchError(config.jwksUrl, err.message);
        });
        if (!res.ok) throw new FetchError(config.jwksUrl, `status ${res.status}`);
        return res.arrayBuffer();
      },
    },
  });
  const verifier = CognitoJwtVerifier.create(
    // clientId null: API Gateway does not check `aud` itself.
    { userPoolId: config.userPoolId, clientId: null, tokenUse: 'id' },
    { jwksCache },
  );
  const audience =
    config.identityValidationExpression === undefined
      ? undefined
      : new RegExp(config.identityValidationExpression);
  const cache = new Map<string, { claims: ApiGatewayClaims; until: number }>();
  return async (authorization) => {
    const token = bearerToken(authorization);
    if (!token) return { ok: false, status: 401, detail: 'the Authorization header is missing' };
    const now = Date.now();
    const hit = cache.get(token);
    if (hit && hit.until > now) return { ok: true, claims: hit.claims };
    if (hit) cache.delete(token);
    try {
      const payload = await verifier.verify(token);
      if (audience && !audience.test(String(payload.aud))) {
        return { ok: false, status: 401, detail: 'the app client of the token is not allowed' };
      }
      const claims = toApiGatewayClaims(payload);
      // Like API Gateway, remember a verified token (never past its own expiry).
      const until = Math.min(now + AUTHORIZER_CACHE_TTL_MS, payload.exp * 1000);
      if (cache.size >= AUTHORIZER_CACHE_MAX) cache.delete(cache.keys().next().value as string);
      cache.set(token, { claims, until });
      return { ok: true, claims };
    } catch (err) {
      return refusal(err);
    }
  };
}

/** API Gateway caches a Cognito authorizer's result per token for 300 s by default. */
export const AUTHORIZER_CACHE_TTL_MS = 300_000;
const AUTHORIZER_CACHE_MAX = 10_000;

/** The token from `Authorization: <token>` or `Authorization: Bearer <token>`. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const match = /^bearer\s+(\S+)$/i.exec(value);
  return match ? match[1] : value;
}

function refusal(err: unknown): AuthResult {
  if (err instanceof FetchError || err instanceof JwksValidationError) {
    return { ok: false, status: 503, detail: 'the signing keys of the user pool are unavailable' };
  }
  if (err instanceof JwtExpiredError)
    return { ok: false, status: 401, detail: 'the token has expired' };
  if (err instanceof CognitoJwtInvalidTokenUseError) {
    return { ok: false, status: 401, detail: 'an ID token is required, not an access token' };
  }
  return { ok: false, status: 401, detail: 'the token is invalid' };
}

const DATE_CLAIMS = new Set(['exp', 'iat']);

/**
 * As captured from REST APIs: `"email_verified": "true"`, `"auth_time": "1513492092"`,
 * `"exp": "Sun Dec 17 07:28:12 UTC 2017"`, `"cognito:groups": "admins,other"`.
 */
export function toApiGatewayClaims(payload: Record<string, unknown>): ApiGatewayClaims {
  const claims = nameMap<string>();
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined || value === null) continue;
    if (DATE_CLAIMS.has(name) && typeof value === 'number') claims[name] = apiGatewayDate(value);
    else if (Array.isArray(value)) claims[name] = value.map(String).join(',');
    else if (typeof value === 'object') claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Java's `Date.toString()` in UTC, the form API Gateway gives `exp` and `iat`. */
export function apiGatewayDate(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}
