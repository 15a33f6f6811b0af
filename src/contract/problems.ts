/**
 * The problem types (RFC 9457) every part of task-api answers with, spelled once: the handlers,
 * API Gateway's gateway responses (infra), the local gateway and the SDK's msw mock.
 * See docs/architecture.md#errors.
 */

/** The Cognito group whose members may call the admin operations. */
export const ADMIN_GROUP = 'admins';

/** Each problem type: its HTTP status and RFC 9110 reason phrase as `title`. */
export const PROBLEMS = {
  'validation-error': { status: 400, title: 'Bad Request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'not-found': { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  'task-limit-reached': { status: 409, title: 'Conflict' },
  'workspace-limit-reached': { status: 409, title: 'Conflict' },
  'member-limit-reached': { status: 409, title: 'Conflict' },
  'invitation-limit-reached': { status: 409, title: 'Conflict' },
  'workspace-task-limit-reached': { status: 409, title: 'Conflict' },
  'precondition-failed': { status: 412, title: 'Precondition Failed' },
  'payload-too-large': { status: 413, title: 'Content Too Large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported Media Type' },
  'idempotency-key-reused': { status: 422, title: 'Unprocessable Content' },
  throttled: { status: 429, title: 'Too Many Requests' },
  internal: { status: 500, title: 'Internal Server Error' },
  'bad-gateway': { status: 502, title: 'Bad Gateway' },
  unavailable: { status: 503, title: 'Service Unavailable' },
  'gateway-timeout': { status: 504, title: 'Gateway Timeout' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemSlug = keyof typeof PROBLEMS;

export const PROBLEM_SLUGS = Object.keys(PROBLEMS) as ProblemSlug[];

/**
 * Where the problem types are documented: the Redoc page the local gateway serves at `/docs`.
 * A relative reference (RFC 9457 allows one; it resolves against the API's origin), so it
 * names a page this project serves wherever it runs; a deployment that hosts the docs
 * elsewhere sets the absolute URL (`PROBLEM_TYPE_BASE`). See docs/architecture.md#errors.
 */
export const DEFAULT_PROBLEM_TYPE_BASE = '/docs';

/** The Redoc anchor of a problem type's entry in the spec's "Problem types" section. */
export function problemAnchor(slug: ProblemSlug): string {
  return `section/problem-types/${slug}`;
}

/** The `type` URI of a problem, e.g. `/docs#section/problem-types/not-found`. */
export function problemType(slug: ProblemSlug, base: string = DEFAULT_PROBLEM_TYPE_BASE): string {
  return `${base}#${problemAnchor(slug)}`;
}

/** The slug a `type` URI names, whatever its base; undefined for other URIs. */
export function problemSlugOf(type: string): ProblemSlug | undefined {
  const marker = '#section/problem-types/';
  const at = type.lastIndexOf(marker);
  if (at < 0) return undefined;
  const slug = type.slice(at + marker.length);
  return slug in PROBLEMS ? (slug as ProblemSlug) : undefined;
}

/** The spec's bound on `detail` (and on a field error's path and message). */
export const PROBLEM_TEXT_MAX = 1024;

/** Cuts text that echoes input down to the spec's bound. */
export function clip(text: string, max = PROBLEM_TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}

/** A problem body of the given type. */
export function problemBody(
  slug: ProblemSlug,
  detail: string,
  extra: { instance?: string; errors?: ProblemBody['errors']; base?: string } = {},
): ProblemBody {
  const { status, title } = PROBLEMS[slug];
  return {
    type: problemType(slug, extra.base),
    title,
    status,
    detail: clip(detail),
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
}

/** How API Gateway answers one of its own errors (a gateway response) as a problem. */
export interface GatewayProblem {
  slug: ProblemSlug;
  /** A literal (lowercase, as the contract's details are) or `null` for API Gateway's own message. */
  detail: string | null;
  /** Also list API Gateway's message as a field error at this path. */
  errorsPath?: string;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
}

const TOKEN_REQUIRED = 'a valid Cognito ID token is required';

/**
 * Gateway response type -> problem. Every type API Gateway documents is listed with its own
 * status (the problem's), so none falls back to DEFAULT_4XX/DEFAULT_5XX: those two are sent
 * with CORS headers only and no status of their own, because a status on them would relabel
 * every unlisted type. Types and default statuses:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
export const GATEWAY_RESPONSES = {
  BAD_REQUEST_BODY: {
    slug: 'validation-error',
    detail: 'the request body does not match the contract',
    errorsPath: '/body',
  },
  BAD_REQUEST_PARAMETERS: { slug: 'validation-error', detail: null },
  UNAUTHORIZED: { slug: 'unauthorized', detail: TOKEN_REQUIRED },
  EXPIRED_TOKEN: { slug: 'unauthorized', detail: TOKEN_REQUIRED },
  ACCESS_DENIED: { slug: 'forbidden', detail: 'the caller is not allowed to do this' },
  INVALID_API_KEY: { slug: 'forbidden', detail: 'the API key is invalid' },
  INVALID_SIGNATURE: { slug: 'forbidden', detail: 'the request signature is invalid' },
  WAF_FILTERED: { slug: 'forbidden', detail: 'the request was blocked by the firewall' },
  // API Gateway answers an unknown route (or method) with this 403; the contract says 404.
  MISSING_AUTHENTICATION_TOKEN: { slug: 'not-found', detail: 'no such resource' },
  RESOURCE_NOT_FOUND: { slug: 'not-found', detail: 'no such resource' },
  REQUEST_TOO_LARGE: { slug: 'payload-too-large', detail: 'the request is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    slug: 'unsupported-media-type',
    detail: 'content-type must be application/json',
  },
  THROTTLED: {
    slug: 'throttled',
    detail: 'the request rate is too high; retry after 1 second',
    retryAfter: 1,
  },
  QUOTA_EXCEEDED: {
    slug: 'throttled',
    detail: 'the request quota is used up; retry after 1 second',
    retryAfter: 1,
  },
  API_CONFIGURATION_ERROR: { slug: 'internal', detail: 'an unexpected error occurred' },
  AUTHORIZER_FAILURE: { slug: 'internal', detail: 'an unexpected error occurred' },
  // The user pool's signing keys could not be fetched: transient, so retryable.
  AUTHORIZER_CONFIGURATION_ERROR: {
    slug: 'unavailable',
    detail: 'the signing keys of the user pool are unavailable; retry after 1 second',
    retryAfter: 1,
  },
  INTEGRATION_FAILURE: { slug: 'bad-gateway', detail: 'the backend failed to answer' },
  INTEGRATION_TIMEOUT: { slug: 'gateway-timeout', detail: 'the backend did not answer in time' },
} as const satisfies Record<string, GatewayProblem>;

export type GatewayResponseType = keyof typeof GATEWAY_RESPONSES;

/** The fallbacks: CORS headers only, each error keeping API Gateway's own status and body. */
export const GATEWAY_FALLBACK_RESPONSES = ['DEFAULT_4XX', 'DEFAULT_5XX'] as const;
