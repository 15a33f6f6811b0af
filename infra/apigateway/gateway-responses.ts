/** API Gateway's own errors (`x-amazon-apigateway-gateway-responses`) as problem+json. */
type Json = Record<string, unknown>;

/** Base of the problem `type` URIs, as in the spec's error examples. */
export const PROBLEM_BASE = 'https://task-api.dev/problems/';

interface GatewayProblem {
  statusCode: number;
  slug: string;
  title: string;
  /** A literal (lowercase, as the contract's details are) or `null` for API Gateway's own message. */
  detail: string | null;
  errorsPath?: string;
  retryAfter?: number;
}

/**
 * API Gateway's own errors as problem+json. The 4XX/5XX defaults pin a status so the body's
 * `status` is always true; every type the gateway can raise here is listed explicitly.
 */
export const GATEWAY_PROBLEMS: Record<string, GatewayProblem> = {
  DEFAULT_4XX: { statusCode: 400, slug: 'validation-error', title: 'Bad Request', detail: null },
  DEFAULT_5XX: {
    statusCode: 500,
    slug: 'internal',
    title: 'Internal Server Error',
    detail: 'an unexpected error occurred',
  },
  BAD_REQUEST_BODY: {
    statusCode: 400,
    slug: 'validation-error',
    title: 'Bad Request',
    detail: 'the request body does not match the contract',
    errorsPath: '/body',
  },
  BAD_REQUEST_PARAMETERS: {
    statusCode: 400,
    slug: 'validation-error',
    title: 'Bad Request',
    detail: null,
  },
  UNAUTHORIZED: {
    statusCode: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'a valid Cognito ID token is required',
  },
  EXPIRED_TOKEN: {
    statusCode: 401,
    slug: 'unauthorized',
    title: 'Unauthorized',
    detail: 'a valid Cognito ID token is required',
  },
  ACCESS_DENIED: {
    statusCode: 403,
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'the caller is not allowed to do this',
  },
  // API Gateway answers an unknown route (or method) with this 403; the contract says 404.
  MISSING_AUTHENTICATION_TOKEN: {
    statusCode: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'no such resource',
  },
  RESOURCE_NOT_FOUND: {
    statusCode: 404,
    slug: 'not-found',
    title: 'Not Found',
    detail: 'no such resource',
  },
  REQUEST_TOO_LARGE: {
    statusCode: 413,
    slug: 'payload-too-large',
    title: 'Content Too Large',
    detail: 'the request is too large',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    statusCode: 415,
    slug: 'unsupported-media-type',
    title: 'Unsupported Media Type',
    detail: 'content-type must be application/json',
  },
  THROTTLED: {
    statusCode: 429,
    slug: 'throttled',
    title: 'Too Many Requests',
    detail: 'the request rate is too high; retry after 1 second',
    retryAfter: 1,
  },
  QUOTA_EXCEEDED: {
    statusCode: 429,
    slug: 'throttled',
    title: 'Too Many Requests',
    detail: 'the request quota is used up; retry after 1 second',
    retryAfter: 1,
  },
  INTEGRATION_FAILURE: {
    statusCode: 502,
    slug: 'internal',
    title: 'Bad Gateway',
    detail: 'the backend failed to answer',
  },
  INTEGRATION_TIMEOUT: {
    statusCode: 504,
    slug: 'internal',
    title: 'Gateway Timeout',
    detail: 'the backend did not answer in time',
  },
};

export function gatewayResponses(cors: Record<string, string>): Json {
  const out: Json = {};
  for (const [type, p] of Object.entries(GATEWAY_PROBLEMS)) {
    const headers: Record<string, string> = {
      ...cors,
      'Content-Type': "'application/problem+json'",
    };
    if (p.retryAfter !== undefined) headers['Retry-After'] = `'${p.retryAfter}'`;
    // Gateway response templates are plain substitution, not VTL: `messageString` arrives quoted.
    const detail = p.detail === null ? '$context.error.messageString' : JSON.stringify(p.detail);
    const errors = p.errorsPath
      ? `,"errors":[{"path":${JSON.stringify(p.errorsPath)},"message":${detail}}]`
      : '';
    const template =
      `{"type":${JSON.stringify(PROBLEM_BASE + p.slug)},"title":${JSON.stringify(p.title)},` +
      `"status":${p.statusCode},"detail":${detail},"instance":"$context.requestId"${errors}}`;
    out[type] = {
      statusCode: String(p.statusCode),
      responseParameters: Object.fromEntries(
        Object.entries(headers).map(([h, v]) => [`gatewayresponse.header.${h}`, v]),
      ),
      responseTemplates: { 'application/json': template },
    };
  }
  return out;
}
