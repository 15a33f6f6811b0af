/**
 * What a floor reads of a request, and the floor bundles' Lambda handler: a DocumentClient made
 * at init, as the handlers' one, and the floor's DynamoDB calls with nothing around them.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { productionConfig } from '../../../src/config/index.js';
import { createDocumentClient, type DataConfig } from '../../../src/data/client.js';

export type Db = DynamoDBDocumentClient;

/** Just enough of a request to address its items: the same for the warm and the cold floor. */
export interface FloorRequest {
  sub: string;
  /** The caller's e-mail claim, lower case. */
  email: string;
  path: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
  /** A fresh id for what a create makes (the cold floor takes the request id). */
  id: string;
}

/** An operation's floor: its DynamoDB calls for one request. */
export type Floor = (db: Db, config: DataConfig, request: FloorRequest) => Promise<unknown>;

export type FloorHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

export const floorRequest = (event: APIGatewayProxyEvent): FloorRequest => ({
  sub: String(event.requestContext.authorizer?.claims?.sub),
  email: String(event.requestContext.authorizer?.claims?.email).toLowerCase(),
  path: event.pathParameters ?? {},
  query: event.queryStringParameters ?? {},
  body: event.body ? (JSON.parse(event.body) as Record<string, unknown>) : {},
  id: event.requestContext.requestId,
});

/** A cold-start floor bundle's entry point: `floor` answered with `statusCode`. */
export function floorHandler(statusCode: number, floor: Floor): FloorHandler {
  const db = createDocumentClient(productionConfig().dynamo);
  const config = productionConfig().data;
  return async (event) => {
    const result = await floor(db, config, floorRequest(event));
    return { statusCode, body: result === undefined ? '' : JSON.stringify(result) };
  };
}
