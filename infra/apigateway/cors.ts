/** CORS preflights: a mock integration per path answering 204 with the allowed lists. */
type Json = Record<string, unknown>;

/** How long browsers may cache a preflight answer, in seconds. */
export const PREFLIGHT_MAX_AGE = '600';

/**
 * With several origins, the mock integration's template answers the caller's own when it is listed.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-override-request-response-parameters.html
 */
function originOverride(origins: readonly string[]): Json {
  if (origins.length < 2 || origins.includes('*')) return {};
  const listed = origins.map((o) => `$origin == "${o}"`).join(' || ');
  return {
    responseTemplates: {
      'application/json':
        `#set($origin = $input.params().header.get('Origin'))\n` +
        `#if(${listed})#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)#end`,
    },
  };
}

export function preflight(origins: readonly string[], headers: Record<string, string>): Json {
  const headerSchemas = Object.fromEntries(
    Object.keys(headers).map((h) => [h, { schema: { type: 'string' } }]),
  );
  return {
    summary: 'CORS preflight',
    responses: { '204': { description: 'CORS preflight answer.', headers: headerSchemas } },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 204}' },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: '204',
          responseParameters: Object.fromEntries(
            Object.entries(headers).map(([h, v]) => [`method.response.header.${h}`, v]),
          ),
          ...originOverride(origins),
        },
      },
    },
  };
}
