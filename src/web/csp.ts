/**
 * The Content-Security-Policy of the web app's origin, one definition for CloudFront
 * (infra/web-hosting.ts) and the local web server (src/local/web.ts), so the app is tested
 * under the policy it is deployed with.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-response-headers-policies.html#understanding-response-headers-policies-security
 */

/** The sources the app's scripts may call besides its own origin. */
export interface AppConnectSources {
  /** The API, e.g. `https://abc.execute-api.eu-west-1.amazonaws.com` (an origin, no path). */
  api: string;
  /** Cognito's JSON API, e.g. `https://cognito-idp.eu-west-1.amazonaws.com`. */
  cognito: string;
}

/**
 * The task board's policy: its own scripts and stylesheet only, no inline code, calls to the
 * API and Cognito only, never framed. `img-src data:` is the empty favicon in index.html.
 * The values may be CDK tokens: the string is then joined by CloudFormation at deploy.
 */
export function appContentSecurityPolicy(sources: AppConnectSources): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${sources.api} ${sources.cognito}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The Redoc page (`docs.html`, built from docs/template.hbs) inlines Redoc's script and styles
 * and starts a blob: worker: the template's own `<meta>` policy, plus what only a header can
 * say (`frame-ancestors`). Served on the same origin, so it gets its own policy.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline' blob:",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  'font-src data:',
  "connect-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The other headers CloudFront's response headers policy adds, for the local server (HSTS only
 * on AWS: the local origin is plain http).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html#managed-response-headers-policies-security
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-XSS-Protection': '1; mode=block',
};
