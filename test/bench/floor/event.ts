/** What a floor bundle reads from the API Gateway event: just enough to address the item. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

export type FloorHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

export const subOf = (event: APIGatewayProxyEvent) =>
  String(event.requestContext.authorizer?.claims?.sub);

export const emailOf = (event: APIGatewayProxyEvent) =>
  String(event.requestContext.authorizer?.claims?.email).toLowerCase();

export const workspaceIdOf = (event: APIGatewayProxyEvent) =>
  String(event.pathParameters?.workspaceId);

export const taskIdOf = (event: APIGatewayProxyEvent) => String(event.pathParameters?.taskId);

export const reply = (statusCode: number, body: unknown): APIGatewayProxyResult => ({
  statusCode,
  body: body === undefined ? '' : JSON.stringify(body),
});
