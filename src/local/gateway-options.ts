/** The local gateway's options and handle. */
import type { Authorizer } from './authorizer.js';
import type { HandlerLoader } from './invoke.js';

export type LogEntry = Record<string, unknown>;

/** API Gateway's payload limit. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** API Gateway's REST integration timeout. */
export const INTEGRATION_TIMEOUT_MS = 29_000;

export interface GatewayOptions {
  /** Runs for every method whose definition names a Cognito authorizer. */
  authorizer: Authorizer;
  /**
   * The API Gateway definition to run (`localDefinition`).
   * @default - the transform of `specPath` for a placeholder pool, any app client
   */
  definition?: Record<string, unknown>;
  /** @default 0 (a free port) */
  port?: number;
  /** @default imports `src/handlers/<operationId>.ts` and uses its `handler` export (the production wiring) */
  loadHandler?: HandlerLoader;
  /** @default the repo's openapi.yaml */
  specPath?: string;
  /** @default the repo's docs/index.html */
  docsPath?: string;
  /** Build the docs page at start when it is missing or older than the spec. @default true */
  buildDocs?: boolean;
  /** @default one JSON line on stdout per entry */
  log?: (entry: LogEntry) => void;
  /**
   * Serve the API under `/<stagePath>/...`, as API Gateway's default endpoint serves a stage.
   * @default - the root, as a custom domain with an empty base path
   */
  stagePath?: string;
  /** `requestContext.stage`. @default stagePath, else 'local' */
  stage?: string;
  /** For the Lambda context's ARN. @default 'us-east-1' */
  region?: string;
  /** The integration timeout. @default 29 000 (API Gateway's limit) */
  timeoutMs?: number;
  /** The function's own timeout, its context's remaining time. @default the stack's (10 s) */
  functionTimeoutMs?: number;
  /** @default 10 MiB (API Gateway's limit) */
  maxBodyBytes?: number;
  /** Browser origins a preflight names when the caller's is listed, as the AWS stack's template does. @default none */
  allowedOrigins?: readonly string[];
  /** The web app's URL, linked from GET /. @default - no link */
  webUrl?: string;
  /** Base of the `type` URIs of the gateway's own problems (`PROBLEM_TYPE_BASE`). @default /docs */
  problemTypeBase?: string;
}

export interface Gateway {
  url: string;
  port: number;
  close(): Promise<void>;
}
