/**
 * Vitest global setup: with DYNAMODB_ENGINE=dynamodb-local, one DynamoDB Local for the whole run
 * (a JVM takes seconds to start). Tests share it through separate databases: each test engine
 * uses its own access key id, each test stack its own table.
 */
import type { TestProject } from 'vitest/node';
import { DYNAMODB_ENGINE } from '../../src/config/local.js';
import { startDynamoDbLocal } from '../../src/local/dynamodbLocal.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbLocalEndpoint: string;
  }
}

export async function setup(project: TestProject) {
  if (DYNAMODB_ENGINE.read(process.env) !== 'dynamodb-local') return;
  const started = performance.now();
  const engine = await startDynamoDbLocal({ sharedDb: false });
  console.log(
    `[dynamodb-local] up on ${engine.endpoint} in ${Math.round(performance.now() - started)} ms`,
  );
  project.provide('dynamodbLocalEndpoint', engine.endpoint);
  return () => engine.close();
}
