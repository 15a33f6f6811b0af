/**
 * What an authorizer hands the gateway, and Cognito ID token claims in the form API Gateway passes
 * them to the Lambda (docs/architecture.md#the-request-path).
 */
import { nameMap } from '../http/names.js';

/** Claims as API Gateway hands them to the Lambda: every value a string. */
export type ApiGatewayClaims = Record<string, string>;

export type AuthResult =
  | { ok: true; claims: ApiGatewayClaims }
  | { ok: false; status: 401 | 503; detail: string };

export type Authorizer = (authorization: string | undefined) => Promise<AuthResult>;

/** The token from `Authorization: <token>` or `Authorization: Bearer <token>`. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const value = authorization?.trim();
  if (!value) return undefined;
  const match = /^bearer\s+(\S+)$/i.exec(value);
  return match ? match[1] : value;
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
