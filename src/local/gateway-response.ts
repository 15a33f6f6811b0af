/**
 * API Gateway's own errors, rendered from the definition's gateway responses as AWS renders them:
 * the response's status (else the type's default), its static headers, and its template with
 * `$context` substituted (no VTL). Types and defaults:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
 */
import type { GatewayResponseModel } from './definition.js';

/** The types the local gateway raises, with API Gateway's default status and message. */
export const LOCAL_GATEWAY_ERRORS = {
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: 'Missing Authentication Token' },
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: null },
  BAD_REQUEST_PARAMETERS: { status: 400, message: null },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long' },
  INTEGRATION_FAILURE: { status: 504, message: 'Internal server error' },
  INTEGRATION_TIMEOUT: { status: 504, message: 'Endpoint request timed out' },
} as const;

export type LocalGatewayError = keyof typeof LOCAL_GATEWAY_ERRORS;

export interface RenderedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function renderGatewayResponse(
  responses: Record<string, GatewayResponseModel>,
  type: LocalGatewayError,
  context: { requestId: string; message?: string },
): RenderedResponse {
  const defaults = LOCAL_GATEWAY_ERRORS[type];
  const message = context.message ?? defaults.message ?? type;
  const fallback = responses[defaults.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
  const own = responses[type];
  const status = own?.statusCode ?? fallback?.statusCode ?? defaults.status;
  const headers = { ...fallback?.headers, ...own?.headers };
  const template = own?.template ?? fallback?.template;
  if (template === undefined) {
    // API Gateway's own body when no template is set.
    return {
      status,
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ message }),
    };
  }
  const values: Record<string, string> = {
    '$context.error.messageString': JSON.stringify(message),
    '$context.error.message': message,
    '$context.error.responseType': type,
    '$context.requestId': context.requestId,
  };
  const body = template.replace(
    /\$context\.(error\.messageString|error\.message|error\.responseType|requestId)/g,
    (variable) => values[variable] ?? variable,
  );
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body };
}
