/**
 * The one Lambda wrapper every operation uses: caller, validation against openapi.yaml,
 * domain outcome -> problem+json, one structured log line and metrics record per request.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type FunctionConfig, productionConfig } from '../config/index.js';
import type { operations } from '../contract/api.generated.js';
import type { Validator } from '../contract/field-errors.js';
import { Problem } from '../contract/problem.js';
import { ADMIN_GROUP } from '../contract/problems.js';
import type { TaskStore } from '../data/tasks.js';
import { toProblemError } from './errors.js';
import { type Caller, callerOf, parseBody, parseParams } from './request.js';
import { jsonResult, problemResult, withOrigin } from './response.js';
import { recordRequest } from './telemetry.js';

export type OperationId = keyof operations;
type Op<O extends OperationId> = operations[O];
type Parameters<O extends OperationId> = Op<O>['parameters'];
type Defined<T> = [T] extends [undefined] ? Record<string, never> : NonNullable<T>;
type LowerKeys<T> = { [K in keyof T as Lowercase<K & string>]: T[K] };

type RequestBody<O extends OperationId> =
  Op<O> extends {
    requestBody: { content: { 'application/json': infer B } };
  }
    ? B
    : undefined;

type Responses<O extends OperationId> = Op<O>['responses'];
type SuccessCode<O extends OperationId> = Extract<keyof Responses<O>, 200 | 201 | 202 | 204>;
type ContentOf<R> = R extends { content: { 'application/json': infer B } } ? B : undefined;
type HeadersOf<R> = R extends { headers: infer H } ? H : never;

/** Only the success responses the spec declares for this operation, with their headers. */
export type Reply<O extends OperationId> = {
  [S in SuccessCode<O>]: {
    statusCode: S;
    headers: HeadersOf<Responses<O>[S]>;
  } & (ContentOf<Responses<O>[S]> extends undefined
    ? { body?: undefined }
    : { body: ContentOf<Responses<O>[S]> });
}[SuccessCode<O>];

export interface OperationRequest<O extends OperationId> {
  caller: Caller;
  requestId: string;
  /**
   * The path as the client sent it, stage or custom-domain base path included
   * (`requestContext.path`), so a URL built on it resolves wherever the API is mounted.
   */
  requestPath: string;
  path: Defined<Parameters<O>['path']>;
  query: Defined<Parameters<O>['query']>;
  headers: LowerKeys<Defined<Parameters<O>['header']>>;
  body: RequestBody<O>;
}

export interface OperationDefinition<O extends OperationId> {
  operationId: O;
  /** Precompiled validator for `{ path, query, headers }` (validate-params.generated.ts). */
  params: Validator;
  /** Precompiled validator for the JSON body (validate-body.generated.ts). */
  body?: Validator;
  /** Only members of the Cognito `admins` group. */
  adminOnly?: boolean;
}

export type LambdaHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/**
 * A handler factory, carrying the definition it was made from (what it checks and refuses).
 * `config` defaults to the function's environment (src/config/).
 */
export type HandlerFactory<O extends OperationId> = ((
  store: TaskStore,
  config?: FunctionConfig,
) => LambdaHandler) & {
  readonly definition: OperationDefinition<O>;
};

/**
 * An operation as a factory of its Lambda handler: production passes the module-level store
 * (one line per handler) and its environment's config, a test its own of each.
 */
export function defineHandler<O extends OperationId>(
  definition: OperationDefinition<O>,
  run: (
    request: OperationRequest<O>,
    store: TaskStore,
    config: FunctionConfig,
  ) => Promise<Reply<O>>,
): HandlerFactory<O> {
  const factory = (store: TaskStore, config: FunctionConfig = productionConfig()) =>
    wrap(definition, config, (request, deadline) => run(request, store.until(deadline), config));
  return Object.assign(factory, { definition });
}

/**
 * What a request leaves of the Lambda's remaining time for writing its answer and log: the
 * store gets the rest, so a hanging DynamoDB is a 503, never a timeout.
 */
export const ANSWER_RESERVE_MS = 500;

function wrap<O extends OperationId>(
  definition: OperationDefinition<O>,
  config: FunctionConfig,
  run: (request: OperationRequest<O>, deadline: number) => Promise<Reply<O>>,
): LambdaHandler {
  return async function handler(
    event: APIGatewayProxyEvent,
    context: Context,
  ): Promise<APIGatewayProxyResult> {
    const started = performance.now();
    const deadline = Date.now() + context.getRemainingTimeInMillis() - ANSWER_RESERVE_MS;
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    let sub: string | undefined;
    let result: APIGatewayProxyResult;
    let failure: unknown;
    try {
      const caller = callerOf(event);
      sub = caller.sub;
      if (definition.adminOnly && !caller.isAdmin) {
        throw new Problem('forbidden', `this operation is for members of the ${ADMIN_GROUP} group`);
      }
      const params = parseParams(event, definition.params);
      const body = definition.body ? parseBody(event, params.headers, definition.body) : undefined;
      const reply = await run(
        {
          caller,
          requestId,
          requestPath: event.requestContext?.path ?? event.path,
          ...(params as unknown as Pick<OperationRequest<O>, 'path' | 'query' | 'headers'>),
          body: body as RequestBody<O>,
        },
        deadline,
      );
      result = jsonResult(
        reply.statusCode as number,
        reply.body,
        reply.headers as Record<string, unknown>,
      );
    } catch (err) {
      const httpError = toProblemError(err);
      if (httpError.status >= 500) failure = err;
      result = problemResult(httpError, requestId, config.problemTypeBase);
    }
    recordRequest(
      context,
      {
        requestId,
        operation: definition.operationId,
        status: result.statusCode,
        latencyMs: performance.now() - started,
        sub,
        error: failure,
      },
      config.telemetry,
    );
    return withOrigin(result, event.headers, config.corsAllowOrigins);
  };
}
