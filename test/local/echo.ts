/** An injectable handler that records what the gateway hands it and answers what a test scripts. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { HandlerLoader } from '../../src/local/gateway.js';

export interface Invocation {
  operationId: string;
  event: APIGatewayProxyEvent;
  context: Context;
  remainingMs: number;
}

export type Reply = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

const echo: Reply = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ resource: event.resource }),
});

export function echoHandlers() {
  const invocations: Invocation[] = [];
  let reply: Reply = echo;
  const loadHandler: HandlerLoader = async (operationId) => async (event, context) => {
    invocations.push({
      operationId,
      event,
      context,
      remainingMs: context.getRemainingTimeInMillis(),
    });
    return reply(event, context);
  };
  return {
    loadHandler,
    invocations,
    /** Scripts the next answers; reset() goes back to the echo. */
    answer(next: Reply) {
      reply = next;
    },
    reset() {
      invocations.length = 0;
      reply = echo;
    },
  };
}
