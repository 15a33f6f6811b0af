/** API Gateway REST (v1) proxy event -> caller and a request validated against openapi.yaml. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { canonicalEmail } from '../contract/email.js';
import { fieldErrors, type Validator } from '../contract/field-errors.js';
import { invalid, Problem } from '../contract/problem.js';
import { ADMIN_GROUP } from '../contract/problems.js';
import { flattenedForms, parseGroups } from './headers.js';
import { nameMap } from './names.js';

/** The largest JSON body accepted; a full task is well under 20 KiB. */
export const MAX_BODY_BYTES = 32 * 1024;

/** The longest e-mail address: the spec's `Email` bound. */
export const EMAIL_MAX = 254;

export interface Caller {
  sub: string;
  groups: string[];
  isAdmin: boolean;
  /** The `email` claim in lower case when `email_verified` is true (workspace invitations). */
  email?: string;
}

export interface Params {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
}

/** Claims arrive as strings from the Cognito authorizer (docs/architecture.md#the-request-path). */
export function callerOf(event: APIGatewayProxyEvent): Caller {
  const claims = (event.requestContext?.authorizer?.claims ?? {}) as Record<string, unknown>;
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') {
    throw new Problem('unauthorized', 'a valid Cognito ID token is required');
  }
  const claim = typeof claims['cognito:groups'] === 'string' ? claims['cognito:groups'] : undefined;
  const parsed = parseGroups(claim);
  const groups = parsed.exact ? parsed.groups : (tokenGroups(event, claims, claim) ?? []);
  // API Gateway passes every claim as a string: `email_verified` is "true" or "false". A claim
  // longer than any address (RFC 5321 paths: 254 characters) is no verified address, not a key.
  const claimed =
    claims.email_verified === 'true' && typeof claims.email === 'string'
      ? canonicalEmail(claims.email)
      : '';
  const email = claimed !== '' && claimed.length <= EMAIL_MAX ? claimed : undefined;
  return { sub, groups, isAdmin: groups.includes(ADMIN_GROUP), ...(email ? { email } : {}) };
}

/**
 * The exact groups of an ambiguous claim (docs/architecture.md#who-is-an-admin): the array in
 * the ID token the authorizer verified, which is the request's one Authorization header
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-integrate-with-cognito.html),
 * read only if it is the token these claims came from. Anything else: undefined.
 */
function tokenGroups(
  event: APIGatewayProxyEvent,
  claims: Record<string, unknown>,
  claim: string | undefined,
): string[] | undefined {
  const values: string[] = [];
  const multi = event.multiValueHeaders ?? {};
  for (const name in multi) {
    if (name.toLowerCase() === 'authorization') values.push(...(multi[name] ?? []));
  }
  if (values.length === 0) {
    for (const name in event.headers ?? {}) {
      const value = event.headers[name];
      if (name.toLowerCase() === 'authorization' && value !== undefined) values.push(value);
    }
  }
  if (values.length !== 1 || claim === undefined) return undefined;
  const payload = jwtPayload(values[0] as string);
  if (!payload) return undefined;
  const same = (name: string) =>
    payload[name] === undefined
      ? claims[name] === undefined
      : String(payload[name]) === claims[name];
  if (!['sub', 'aud', 'token_use', 'auth_time', 'jti', 'event_id'].every(same)) return undefined;
  const groups = payload['cognito:groups'];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) return undefined;
  return flattenedForms(groups).includes(claim) ? groups : undefined;
}

/** The claims of `<token>` or `Bearer <token>`, unverified: the authorizer has verified it. */
function jwtPayload(authorization: string): Record<string, unknown> | undefined {
  const value = authorization.trim();
  const token = /^bearer\s+(\S+)$/i.exec(value)?.[1] ?? value;
  const part = token.split('.')[1];
  if (token.split('.').length !== 3 || !part) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string> {
  const out = nameMap<string>();
  const headers = event.headers ?? {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = value;
  }
  return out;
}

/** A repeated query parameter is ambiguous (API Gateway would keep only the last one). */
function singleQuery(event: APIGatewayProxyEvent): Record<string, string> {
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {})
    .filter(([, values]) => (values?.length ?? 0) > 1)
    .map(([name]) => ({ path: `/query/${name}`, message: 'must not be repeated' }));
  if (repeated.length > 0) throw invalid('the request does not match the contract', repeated);
  // `?__proto__=x` is an unknown parameter like any other (a 400), never silently dropped.
  const out = nameMap<string>();
  for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function parseParams(event: APIGatewayProxyEvent, validate: Validator): Params {
  const params: Params = {
    path: Object.assign(nameMap<string>(), event.pathParameters),
    query: singleQuery(event),
    headers: lowerCaseHeaders(event),
  };
  if (!validate(params)) {
    throw invalid('the request does not match the contract', fieldErrors(validate));
  }
  return params;
}

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/** `headers`: the request's headers with lower-case names, as parseParams returns them. */
export function parseBody(
  event: APIGatewayProxyEvent,
  headers: Record<string, unknown>,
  validate: Validator,
): unknown {
  const raw = event.body ?? '';
  const decoded = event.isBase64Encoded ? Buffer.from(raw, 'base64') : undefined;
  const size = decoded ? decoded.length : Buffer.byteLength(raw, 'utf8');
  if (size > MAX_BODY_BYTES) {
    throw new Problem(
      'payload-too-large',
      `the body must be at most ${MAX_BODY_BYTES} bytes, got ${size}`,
    );
  }
  const contentType = headers['content-type'] as string | undefined;
  if (size > 0 && !isJson(contentType)) {
    throw new Problem(
      'unsupported-media-type',
      `content-type must be application/json, got ${contentType ?? 'none'}`,
    );
  }
  if (size === 0) {
    throw invalid('a JSON body is required', [{ path: '/body', message: 'is required' }]);
  }
  const text = decoded ? utf8(decoded) : raw;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalid('the body is not valid JSON', [{ path: '/body', message: 'is not valid JSON' }]);
  }
  if (!validate(body)) {
    throw invalid('the request does not match the contract', fieldErrors(validate, '/body'));
  }
  const illFormed = illFormedString(body, '/body');
  if (illFormed) {
    throw invalid('the body holds text that is not valid Unicode', [
      { path: illFormed, message: 'must not contain unpaired surrogates' },
    ]);
  }
  return body;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as UTF-8, or a 400: never U+FFFD in place of what the client sent. */
function utf8(bytes: Buffer): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw invalid('the body is not valid UTF-8', [
      { path: '/body', message: 'is not valid UTF-8' },
    ]);
  }
}

/**
 * JSON escapes can smuggle unpaired UTF-16 surrogates (`"\ud800"`), which DynamoDB cannot store
 * as UTF-8: refuse them here rather than fail at the store. Returns the first such value's path.
 * Iterative, so no nesting depth can exhaust the stack; each visit keeps its key and parent, so
 * the JSON-pointer path is built only for the string found, not for every string checked.
 */
function illFormedString(value: unknown, path: string): string | undefined {
  const pending: Visit[] = [{ value, key: path }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const current = next.value;
    if (typeof current === 'string') {
      if (!current.isWellFormed()) return pathOf(next);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, inner] of Object.entries(current)) {
        pending.push({ value: inner, key, parent: next });
      }
    }
  }
  return undefined;
}

interface Visit {
  value: unknown;
  /** The member name; the root's is the path it stands at. */
  key: string;
  parent?: Visit;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  let at = visit;
  for (; at.parent; at = at.parent)
    keys.unshift(at.key.replaceAll('~', '~0').replaceAll('/', '~1'));
  return [at.key, ...keys].join('/');
}
