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
import {
  type ApiGatewayClaims,
  type Authorizer,
  type AuthResult,
  bearerToken,
  toApiGatewayClaims,
} from './claims.js';

export {
  type ApiGatewayClaims,
  type Authorizer,
  type AuthResult,
  apiGatewayDate,
  bearerToken,
  toApiGatewayClaims,
} from './claims.js';

export interface CognitoAuthorizerConfig {
  userPoolId: string;
  /** Fetched instead of the AWS JWKS URL the issuer implies (cognito-local serves http). */
  jwksUrl: string;
  /** From the definition's authorizer; unset: every app client of the pool. */
  identityValidationExpression?: string;
}

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
